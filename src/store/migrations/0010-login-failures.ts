import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Frozen in time. Failed logins counted per client-and-account pair, per
 * client and per account (scope + key), replacing the per-email lock of
 * 0001, which let anyone lock any account.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    login_failures: [
      'scope text not null',
      'key text not null',
      'failures integer not null',
      'first_at text not null',
      'last_at text not null',
      'blocked_until text',
      'alerted_at text',
      'constraint login_failures_pk primary key (scope, key)',
    ],
  });
  await db.schema.dropTable('login_throttle').ifExists().execute();
}
