import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../core/authorization.js';
import { AppError, validationErrors } from '../core/errors.js';
import { deleteSessionsOf, listSessionsOf, updateUser } from '../store/accounts.repository.js';
import { deleteSession } from '../store/sessions.repository.js';
import { findUserById, type UserRow } from '../store/users.repository.js';
import type { SessionInfo } from './auth.service.js';
import { mutate, type ServiceContext } from './context.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { toUserView, type UserView } from './users.js';

/** Self-service: each user's own password, profile and sessions. */

async function me(ctx: ServiceContext, session: SessionInfo): Promise<UserRow> {
  const user = await findUserById(ctx.store.db, session.user.id);
  if (!user) throw new AppError('unauthenticated');
  return user;
}

export const PasswordChangeInput = z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }).strict();

/** Needs the current password; every other session of the user ends. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  session: SessionInfo,
  input: z.output<typeof PasswordChangeInput>,
): Promise<{ endedSessions: number }> {
  const user = await me(ctx, session);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw validationErrors([{ path: 'currentPassword', message: 'is wrong', code: 'wrong' }], 'the current password is wrong');
  }
  checkPasswordPolicy(input.newPassword, { email: user.email, displayName: user.display_name });
  const hash = await hashPassword(input.newPassword);
  return mutate(
    ctx,
    session.actor,
    (r) => ({ action: 'account.password-changed', targetType: 'user', targetId: user.id, detail: { endedSessions: r.endedSessions } }),
    async (trx) => {
      await updateUser(trx, user.id, { password_hash: hash });
      return { endedSessions: await deleteSessionsOf(trx, user.id, session.idHash) };
    },
  );
}

export const ProfileInput = z
  .object({ displayName: z.string().trim().min(1, 'is required').max(100).optional(), language: z.enum(['ja', 'en']).nullable().optional() })
  .strict();

export async function updateOwnProfile(ctx: ServiceContext, actor: Actor, input: z.output<typeof ProfileInput>): Promise<UserView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const user = await findUserById(ctx.store.db, actor.userId);
  if (!user) throw new AppError('unauthenticated');
  const change: { display_name?: string; language?: string | null } = {};
  if (input.displayName !== undefined) change.display_name = input.displayName;
  if (input.language !== undefined) change.language = input.language;
  // Nothing to change: nothing is written (an empty UPDATE is an SQL error) and nothing audited.
  if (Object.keys(change).length === 0) return toUserView(user);
  await mutate(ctx, actor, { action: 'account.profile-changed', targetType: 'user', targetId: user.id, detail: { ...input } }, (trx) =>
    updateUser(trx, user.id, change),
  );
  return toUserView({ ...user, ...change });
}

export interface OwnSessionView {
  /** A public id derived from the stored hash: naming a session reveals nothing that opens it. */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

const publicId = (idHash: string) => createHash('sha256').update(`session:${idHash}`).digest('hex').slice(0, 24);

export async function ownSessions(ctx: ServiceContext, session: SessionInfo): Promise<OwnSessionView[]> {
  const rows = await listSessionsOf(ctx.store.db, session.user.id);
  return rows.map((r) => ({
    id: publicId(r.id_hash),
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    current: r.id_hash === session.idHash,
  }));
}

export async function endOwnSession(ctx: ServiceContext, session: SessionInfo, id: string): Promise<void> {
  const rows = await listSessionsOf(ctx.store.db, session.user.id);
  const target = rows.find((r) => publicId(r.id_hash) === id);
  if (!target) throw new AppError('not-found');
  await mutate(ctx, session.actor, { action: 'account.session-ended', targetType: 'user', targetId: session.user.id }, (trx) =>
    deleteSession(trx, target.id_hash),
  );
}
