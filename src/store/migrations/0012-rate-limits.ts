import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Frozen in time. Request counters per key and fixed window, shared by every
 * server process on the database (the per-address login and setup limits were
 * counted in each process's memory).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start_ms', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
}
