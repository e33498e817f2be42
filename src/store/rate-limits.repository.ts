import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * Counts one hit for `key` in a fixed window and returns the count and when the
 * window started, atomically (one upsert), so that processes sharing the
 * database share the count.
 */
export async function hitRateLimit(db: Db, key: string, nowMs: number, windowMs: number): Promise<{ hits: number; windowStartMs: number }> {
  const expired = nowMs - windowMs;
  const { rows } = await sql<{ hits: number | string; window_start_ms: number | string }>`
    insert into rate_limits (key, window_start_ms, hits) values (${key}, ${nowMs}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start_ms <= ${expired} then 1 else rate_limits.hits + 1 end,
      window_start_ms = case when rate_limits.window_start_ms <= ${expired} then ${nowMs} else rate_limits.window_start_ms end
    returning hits, window_start_ms`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('rate limit upsert returned no row');
  return { hits: Number(row.hits), windowStartMs: Number(row.window_start_ms) };
}

/** Drops counters whose window ended long ago (housekeeping, not audited). */
export async function pruneRateLimits(db: Db, olderThanMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start_ms', '<', olderThanMs).execute();
}
