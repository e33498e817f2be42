import { compiledOnce } from './compiled-once.js';
import type { Db } from './database.js';
import type { SessionsTable, SetupTokensTable, UsersTable } from './schema.js';
import { TOTP_REQUIRED_ROLES } from './settings.repository.js';

export type SessionRow = SessionsTable;

/** What a request needs of its session's user: no password hash, no second-factor secret. */
export const SESSION_USER_COLUMNS = ['id', 'email', 'display_name', 'role', 'organisation_id', 'disabled', 'org_manager', 'language', 'totp_enabled'] as const;
export type SessionUser = Pick<UsersTable, (typeof SESSION_USER_COLUMNS)[number]>;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

const sessionAndUser = compiledOnce((db, idHash) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(SESSION_USER_COLUMNS.map((c) => `u.${c}` as const))
    .select(['s.csrf_token as session_csrf_token', 's.last_seen_at as session_last_seen_at', 's.expires_at as session_expires_at'])
    .select((eb) => eb.selectFrom('settings').select('value').where('key', '=', TOTP_REQUIRED_ROLES).as('session_totp_required_roles'))
    .where('s.id_hash', '=', idHash),
);

/**
 * A session with its user (the columns a request needs), and the setting of which roles must use a second
 * factor (read with them, as it is checked on every request), in one query
 * that every signed-in request sends: compiled once.
 */
export async function findSessionWithUser(
  db: Db,
  idHash: string,
): Promise<{ session: Pick<SessionRow, 'csrf_token' | 'last_seen_at' | 'expires_at'>; user: SessionUser; totpRequiredRoles: string | undefined } | undefined> {
  const row = (await sessionAndUser(db, idHash))[0];
  if (!row) return undefined;
  const { session_csrf_token, session_last_seen_at, session_expires_at, session_totp_required_roles, ...user } = row;
  return {
    session: { csrf_token: session_csrf_token, last_seen_at: session_last_seen_at, expires_at: session_expires_at },
    user,
    totpRequiredRoles: session_totp_required_roles ?? undefined,
  };
}

export async function touchSession(db: Db, idHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function insertSetupToken(db: Db, row: SetupTokensTable): Promise<void> {
  await db.insertInto('setup_tokens').values(row).execute();
}

export async function findSetupToken(db: Db, tokenHash: string): Promise<SetupTokensTable | undefined> {
  return db.selectFrom('setup_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks a setup token used; returns false when it was already used (a race). */
export async function consumeSetupToken(db: Db, tokenHash: string, at: string): Promise<boolean> {
  const result = await db.updateTable('setup_tokens').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes every unused setup token (a new link replaces older ones). */
export async function revokeSetupTokens(db: Db, at: string): Promise<void> {
  await db.updateTable('setup_tokens').set({ used_at: at }).where('used_at', 'is', null).execute();
}
