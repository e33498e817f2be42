import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Frozen in time. Failed logins counted per client-and-account pair, per
 * client and per account (scope + key), replacing the per-email lock of
 * 0001, which let anyone lock any account.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .addColumn('alerted_at', 'text')
    .addPrimaryKeyConstraint('login_failures_pk', ['scope', 'key'])
    .execute();
  await db.schema.dropTable('login_throttle').ifExists().execute();
}
