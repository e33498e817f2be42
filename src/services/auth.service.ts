import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import { deleteSession, findSessionWithUser, insertSession, touchSession } from '../store/sessions.repository.js';
import type { Db } from '../store/database.js';
import { findUserByEmail, type UserRow } from '../store/users.repository.js';
import { type ServiceContext, mutate } from './context.js';
import { clearPairFailures, recordLoginFailure, throttleLogin } from './login-throttle.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { newToken, tokenHash } from './tokens.js';
import { requiredRolesIn, startSecondFactor } from './second-factor.js';
import { actorOf, toUserView, type UserView } from './users.js';

export interface LoginResult {
  user: UserView;
  /** The raw session token: goes into the cookie only, stored nowhere. */
  sessionToken: string;
  csrfToken: string;
}

export interface SessionInfo {
  user: UserView;
  actor: Actor;
  csrfToken: string;
  idHash: string;
  /** The user's role must use a second factor and the user has none yet: only enrolment is open. */
  secondFactorMissing: boolean;
}

/** How often last_seen_at is written: idle tracking need not cost a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Logs in. Throttling (services/login-throttle.ts) blocks a client that keeps
 * failing on this account or across accounts, never the account itself: its
 * owner logs in from another client whatever a guesser does.
 */
export async function login(ctx: ServiceContext, rawEmail: string, password: string, ip: string): Promise<LoginResult | { secondFactor: string }> {
  const email = rawEmail.trim().toLowerCase();
  await throttleLogin(ctx, ip, email);
  const user = await findUserByEmail(ctx.store.db, email);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || user.disabled) {
    await recordLoginFailure(ctx, ip, email);
    throw new AppError('invalid-credentials');
  }
  if (user.totp_enabled === 1) {
    // The password was right; the session waits for the second factor (totp.service).
    await clearPairFailures(ctx.store.db, ip, email);
    return { secondFactor: await startSecondFactor(ctx, user, ip) };
  }
  return startSession(ctx, user, ip, 'auth.login', (trx) => clearPairFailures(trx, ip, email));
}

/** Opens a session for a user whose identity is proven (password, second factor, single sign-on). */
export async function startSession(ctx: ServiceContext, user: UserRow, ip: string, action: string, also?: (trx: Db) => Promise<void>): Promise<LoginResult> {
  const now = ctx.now();
  const sessionToken = newToken();
  const csrfToken = newToken();
  const expires = new Date(now.getTime() + ctx.config.sessionMaxHours * 3600_000);
  await mutate(ctx, actorOf(user), { action, targetType: 'user', targetId: user.id, detail: { ip } }, async (trx) => {
    await also?.(trx);
    await insertSession(trx, {
      id_hash: tokenHash(sessionToken),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expires.toISOString(),
    });
  });
  return { user: toUserView(user), sessionToken, csrfToken };
}

/**
 * Finds the live session for a cookie token. Ends it when idle for longer
 * than the idle timeout or past its absolute lifetime.
 */
export async function resolveSession(ctx: ServiceContext, sessionToken: string): Promise<SessionInfo | null> {
  const idHash = tokenHash(sessionToken);
  const found = await findSessionWithUser(ctx.store.db, idHash);
  if (!found) return null;
  const { session, user, totpRequiredRoles } = found;
  const now = ctx.now();
  const lastSeen = Date.parse(session.last_seen_at);
  if (now.toISOString() >= session.expires_at || now.getTime() >= lastSeen + ctx.config.sessionIdleMinutes * 60_000) {
    await deleteSession(ctx.store.db, idHash);
    return null;
  }
  if (user.disabled) return null;
  if (now.getTime() - lastSeen > TOUCH_INTERVAL_MS) {
    await touchSession(ctx.store.db, idHash, now.toISOString());
  }
  const view = toUserView(user);
  const secondFactorMissing = !view.totpEnabled && (requiredRolesIn(totpRequiredRoles) as readonly string[]).includes(user.role);
  return { user: view, actor: actorOf(user), csrfToken: session.csrf_token, idHash, secondFactorMissing };
}

export async function logout(ctx: ServiceContext, session: SessionInfo): Promise<void> {
  await mutate(ctx, session.actor, { action: 'auth.logout', targetType: 'user', targetId: session.user.id }, (trx) => deleteSession(trx, session.idHash));
}
