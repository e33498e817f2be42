/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state
 * and nonce), off unless TEBIKI_OIDC_* are set. The provider proves who the
 * person is; tebiki still decides who may enter: a known, active user by the
 * configured email claim, or an email holding a live invitation (which the first
 * login spends). An unknown email creates nothing. Second factors are the
 * provider's business for these logins (documented in docs/SECURITY.md).
 */
import type * as Oidc from 'openid-client';
import { ANONYMOUS } from '../core/authorization.js';
import { lazyModule } from '../runtime/lazy-package.js';
import { AppError } from '../core/errors.js';
import { consumeUserToken, findLiveInvitation, findUserToken, insertUserToken } from '../store/accounts.repository.js';
import { findUserByEmail } from '../store/users.repository.js';
import { type LoginResult, startSession } from './auth.service.js';
import { type ServiceContext, mutate } from './context.js';
import { newToken, tokenHash } from './tokens.js';
import { createInvitedUser } from './user-admin.service.js';

/** How long the round trip to the provider may take. */
const ROUND_TRIP_MINUTES = 10;

/** The OpenID Connect client library, imported by the first single sign-on, not at start-up. */
const loadOidc = lazyModule(() => import('openid-client'));

const configurations = new Map<string, Promise<Oidc.Configuration>>();

async function configuration(ctx: ServiceContext): Promise<Oidc.Configuration> {
  const settings = ctx.config.oidc;
  if (!settings) throw new AppError('not-found', 'single sign-on is not configured');
  const oidc = await loadOidc();
  // From here to the map's update nothing awaits: concurrent logins share one discovery.
  const key = `${settings.issuer} ${settings.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine (tests, a local lab provider).
    const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    found = oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, local ? { execute: [oidc.allowInsecureRequests] } : {});
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

export function callbackUrl(ctx: ServiceContext): string {
  return `${ctx.config.publicUrl}/api/auth/oidc/callback`;
}

/** Begins a login: where to send the browser, and the handle to keep in a short-lived HttpOnly cookie. */
export async function startOidcLogin(ctx: ServiceContext): Promise<{ redirectTo: string; handle: string; maxAgeSeconds: number }> {
  const config = await configuration(ctx);
  const oidc = await loadOidc();
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const handle = newToken();
  const now = ctx.now();
  await mutate(ctx, ANONYMOUS, { action: 'auth.sso-started', targetType: 'setup', targetId: null }, (trx) =>
    insertUserToken(trx, {
      token_hash: tokenHash(handle),
      kind: 'oidc',
      user_id: null,
      email: null,
      data: JSON.stringify({ verifier, state, nonce }),
      created_by: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ROUND_TRIP_MINUTES * 60_000).toISOString(),
      used_at: null,
    }),
  );
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(ctx),
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { redirectTo: url.href, handle, maxAgeSeconds: ROUND_TRIP_MINUTES * 60 };
}

/**
 * Ends a login: checks the provider's answer against the round trip begun with
 * `handle` (spent once), then opens a session for a known user or for an
 * invited email; anything else is refused and audited, and creates nothing.
 */
export async function finishOidcLogin(ctx: ServiceContext, handle: string, currentUrl: URL, ip: string): Promise<LoginResult> {
  const settings = ctx.config.oidc;
  if (!settings) throw new AppError('not-found', 'single sign-on is not configured');
  const config = await configuration(ctx);
  const oidc = await loadOidc();
  const now = ctx.now().toISOString();
  const row = await findUserToken(ctx.store.db, tokenHash(handle), 'oidc');
  if (!row || row.used_at || row.expires_at <= now || !(await consumeUserToken(ctx.store.db, row.token_hash, now))) {
    throw new AppError('invalid-credentials', 'the single sign-on attempt is unknown, used or expired; start again');
  }
  const { verifier, state, nonce } = JSON.parse(row.data) as { verifier: string; state: string; nonce: string };
  let email: string | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    // Many providers put email only in the UserInfo answer, not in the ID token.
    const claims: Record<string, unknown> =
      idClaims && typeof idClaims[settings.emailClaim] === 'string'
        ? idClaims
        : await oidc.fetchUserInfo(config, tokens.access_token, idClaims?.sub ?? oidc.skipSubjectCheck);
    const value = claims[settings.emailClaim];
    if (typeof value === 'string' && claims.email_verified !== false) email = value.trim().toLowerCase();
  } catch (err) {
    await refuse(ctx, ip, 'provider answer rejected', err instanceof Error ? err.message : String(err));
  }
  if (!email) return refuse(ctx, ip, `no verified ${settings.emailClaim} claim`);
  const user = await findUserByEmail(ctx.store.db, email);
  if (user && !user.disabled) return startSession(ctx, user, ip, 'auth.login-sso');
  if (!user) {
    const invitation = await findLiveInvitation(ctx.store.db, email, now);
    if (invitation) {
      // The account's password is a random secret nobody knows; a reset link sets one if ever needed.
      const created = await createInvitedUser(ctx, invitation.token_hash, email.split('@')[0] ?? email, `${newToken()}${newToken()}`);
      const fresh = await findUserByEmail(ctx.store.db, created.email);
      if (fresh) return startSession(ctx, fresh, ip, 'auth.login-sso');
    }
  }
  return refuse(ctx, ip, 'no active user or invitation for this email', email);
}

async function refuse(ctx: ServiceContext, ip: string, reason: string, detail?: string): Promise<never> {
  await mutate(
    ctx,
    ANONYMOUS,
    { action: 'auth.sso-refused', targetType: 'account', targetId: null, detail: { ip, reason, ...(detail ? { detail } : {}) } },
    async () => undefined,
  );
  throw new AppError('invalid-credentials', 'single sign-on did not lead to an account here');
}
