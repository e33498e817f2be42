import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import { findUserToken, insertUserToken, type UserTokenRow } from '../store/accounts.repository.js';
import type { Db } from '../store/database.js';
import type { ServiceContext } from './context.js';
import { newToken, tokenHash } from './tokens.js';

/** One-time tokens of the account flows: stored as SHA-256 only, carried in URL fragments. */

export type UserTokenKind = 'invitation' | 'reset' | 'second-factor' | 'oidc';

export async function issueUserToken(
  ctx: ServiceContext,
  trx: Db,
  spec: { kind: UserTokenKind; email: string | null; userId: string | null; data: object; createdBy: Actor | null; hours: number },
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + spec.hours * 3600_000).toISOString();
  await insertUserToken(trx, {
    token_hash: tokenHash(token),
    kind: spec.kind,
    user_id: spec.userId,
    email: spec.email,
    data: JSON.stringify(spec.data),
    created_by: spec.createdBy?.kind === 'user' ? spec.createdBy.userId : null,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  return { token, expiresAt };
}

/** The unused, unexpired token of a kind; anything else is "not found" (no hint which). */
export async function liveToken(ctx: ServiceContext, db: Db, kind: UserTokenKind, token: string): Promise<UserTokenRow> {
  const row = await findUserToken(db, tokenHash(token), kind);
  if (!row || row.used_at || row.expires_at <= ctx.now().toISOString()) throw new AppError('not-found', 'the link is invalid, used or expired');
  return row;
}

/** A link into the web UI whose token rides in the fragment, which browsers never send to a server. */
export function oneTimeLink(ctx: ServiceContext, path: string, token: string): string {
  return `${ctx.config.publicUrl}${path}#token=${token}`;
}
