import { sql } from 'kysely';
import type { Store } from './database.js';

/** An arbitrary constant that names tebiki's start-up lock among PostgreSQL advisory locks. */
const STARTUP_LOCK_KEY = 7_140_321_905;

/**
 * Runs `work` while holding a PostgreSQL session-level advisory lock, so that of
 * several processes starting together on one database only one migrates and imports
 * at a time; the others wait, then find the work done. SQLite is one process's file
 * and already serialises writers, so there it simply runs.
 */
export async function withStartupLock<T>(store: Store, work: () => Promise<T>): Promise<T> {
  if (store.dialect !== 'postgres') return work();
  return store.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(conn);
    }
  });
}
