import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Frozen in time. Request counters per key and fixed window, shared by every
 * server process on the database (the per-address login and setup limits were
 * counted in each process's memory).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    rate_limits: ['key text primary key', 'window_start_ms bigint not null', 'hits integer not null'],
  });
}
