import type { Db } from './database.js';
import type { SessionsTable, UserTokensTable } from './schema.js';
import type { UserRow } from './users.repository.js';
import { countRows } from './count-rows.js';

/** SQL of account administration: user changes, one-time tokens, recovery codes, sessions per user. */

export type UserTokenRow = UserTokensTable;

export interface UserFilter {
  role?: string | undefined;
  organisationId?: string | undefined;
}

export async function listUsersWhere(db: Db, filter: UserFilter): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll().orderBy('email');
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.organisationId) q = q.where('organisation_id', '=', filter.organisationId);
  return q.execute();
}

export type UserChange = Partial<
  Pick<UserRow, 'role' | 'organisation_id' | 'org_manager' | 'disabled' | 'display_name' | 'language' | 'password_hash' | 'totp_secret' | 'totp_enabled'>
>;

export async function updateUser(db: Db, id: string, change: UserChange): Promise<void> {
  await db.updateTable('users').set(change).where('id', '=', id).execute();
}

export async function disableUsersOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('organisation_id', '=', organisationId).where('disabled', '=', 0).execute();
  await db.updateTable('users').set({ disabled: 1 }).where('organisation_id', '=', organisationId).execute();
  return rows.map((r) => r.id);
}

export async function listSessionsOf(db: Db, userId: string): Promise<SessionsTable[]> {
  return db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

/** Ends a user's sessions, all of them or all but one. */
export async function deleteSessionsOf(db: Db, userId: string, except?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except !== undefined) q = q.where('id_hash', '!=', except);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSessionsOfUsers(db: Db, userIds: string[]): Promise<void> {
  if (userIds.length > 0) await db.deleteFrom('sessions').where('user_id', 'in', userIds).execute();
}

export async function insertUserToken(db: Db, row: UserTokenRow): Promise<void> {
  await db.insertInto('user_tokens').values(row).execute();
}

export async function findUserToken(db: Db, tokenHash: string, kind: string): Promise<UserTokenRow | undefined> {
  return db.selectFrom('user_tokens').selectAll().where('token_hash', '=', tokenHash).where('kind', '=', kind).executeTakeFirst();
}

/** Marks a token used; false when it was used already (a race or a replay). */
export async function consumeUserToken(db: Db, tokenHash: string, at: string): Promise<boolean> {
  const r = await db.updateTable('user_tokens').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Revokes unused tokens of a kind, for a user or for an email. */
export async function revokeUserTokens(db: Db, kind: string, who: { userId?: string; email?: string }, at: string): Promise<void> {
  let q = db.updateTable('user_tokens').set({ used_at: at }).where('kind', '=', kind).where('used_at', 'is', null);
  if (who.userId !== undefined) q = q.where('user_id', '=', who.userId);
  if (who.email !== undefined) q = q.where('email', '=', who.email);
  await q.execute();
}

/** The newest live invitation for an email, if any. */
export async function findLiveInvitation(db: Db, email: string, now: string): Promise<UserTokenRow | undefined> {
  return db
    .selectFrom('user_tokens')
    .selectAll()
    .where('kind', '=', 'invitation')
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length > 0)
    await db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
      .execute();
}

/** Uses a recovery code once; false when unknown or used. */
export async function spendRecoveryCode(db: Db, userId: string, codeHash: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countRecoveryCodesLeft(db: Db, userId: string): Promise<number> {
  return countRows(db.selectFrom('recovery_codes').where('user_id', '=', userId).where('used_at', 'is', null));
}

export async function updateUserTokenData(db: Db, tokenHash: string, data: string): Promise<void> {
  await db.updateTable('user_tokens').set({ data }).where('token_hash', '=', tokenHash).execute();
}
