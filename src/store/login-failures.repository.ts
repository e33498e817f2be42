import { sql } from 'kysely';
import type { Db } from './database.js';
import type { LoginFailuresTable } from './schema.js';
import { countRows } from './count-rows.js';

export type LoginFailureRow = LoginFailuresTable;
export interface FailureKey {
  scope: 'pair' | 'client' | 'account';
  key: string;
}

export async function readLoginFailures(db: Db, keys: FailureKey[]): Promise<LoginFailureRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('login_failures')
    .selectAll()
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('scope', '=', k.scope), eb('key', '=', k.key)]))))
    .execute();
}

/**
 * Counts one more failure in a single statement (safe under concurrent
 * logins). A count whose last failure is older than `windowStart` starts
 * again from one, its block and alert forgotten.
 */
export async function addLoginFailure(db: Db, k: FailureKey, at: string, windowStart: string): Promise<LoginFailureRow> {
  return db
    .insertInto('login_failures')
    .values({ ...k, failures: 1, first_at: at, last_at: at, blocked_until: null, alerted_at: null })
    .onConflict((oc) =>
      oc.columns(['scope', 'key']).doUpdateSet((eb) => {
        const stale = eb('login_failures.last_at', '<', windowStart);
        return {
          failures: eb
            .case()
            .when(stale)
            .then(1)
            .else(eb('login_failures.failures', '+', 1))
            .end(),
          first_at: eb.case().when(stale).then(at).else(eb.ref('login_failures.first_at')).end(),
          alerted_at: eb.case().when(stale).then(null).else(eb.ref('login_failures.alerted_at')).end(),
          last_at: at,
        };
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function blockLoginScope(db: Db, k: FailureKey, until: string): Promise<void> {
  await db.updateTable('login_failures').set({ blocked_until: until }).where('scope', '=', k.scope).where('key', '=', k.key).execute();
}

/** Marks a count as reported; false when another request reported it first. */
export async function markLoginAlerted(db: Db, k: FailureKey, at: string): Promise<boolean> {
  const result = await db
    .updateTable('login_failures')
    .set({ alerted_at: at })
    .where('scope', '=', k.scope)
    .where('key', '=', k.key)
    .where('alerted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function clearLoginFailures(db: Db, k: FailureKey): Promise<void> {
  await db.deleteFrom('login_failures').where('scope', '=', k.scope).where('key', '=', k.key).execute();
}

/** How many clients have failed on one account since a time (pair keys are "<client> <email>"). */
export async function countPairsOfAccount(db: Db, email: string, since: string): Promise<number> {
  const pattern = `% ${email.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
  return countRows(
    db
      .selectFrom('login_failures')
      .where('scope', '=', 'pair')
      .where('last_at', '>=', since)
      .where(sql<boolean>`${sql.ref('key')} like ${pattern} escape '\\'`),
  );
}
