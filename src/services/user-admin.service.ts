import { z } from 'zod';
import { ANONYMOUS, type Actor, isRole } from '../core/authorization.js';
import { AppError, type FieldErrorCode, validationErrors } from '../core/errors.js';
import { ROLES } from '../core/taxonomy.js';
import {
  consumeUserToken,
  deleteSessionsOf,
  findUserToken,
  listUsersWhere,
  revokeUserTokens,
  type UserFilter,
  updateUser,
} from '../store/accounts.repository.js';
import type { Db } from '../store/database.js';
import { findOrganisation } from '../store/organisations.repository.js';
import { findUserByEmail, findUserById, type UserRow } from '../store/users.repository.js';
import { mutate, type ServiceContext } from './context.js';
import { sendMail } from './mailer.js';
import { kickMail, notify } from './notifications.service.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { tokenHash } from './tokens.js';
import { issueUserToken, liveToken, oneTimeLink } from './user-tokens.js';
import { createUserIn, toUserView, type UserView } from './users.js';

/**
 * Account administration: admins manage everyone; an organisation manager
 * (a member with org_manager) invites, deactivates and resets the members
 * of their own organisation and nobody else's.
 */

const INVITATION_DAYS = 7;
const RESET_HOURS = 2;

type Scope = { kind: 'all' } | { kind: 'organisation'; organisationId: string };

async function managerScope(ctx: ServiceContext, actor: Actor): Promise<Scope> {
  if (isRole(actor, 'admin')) return { kind: 'all' };
  if (actor.kind === 'user' && actor.role === 'member' && actor.organisationId) {
    const me = await findUserById(ctx.store.db, actor.userId);
    if (me?.org_manager === 1) return { kind: 'organisation', organisationId: actor.organisationId };
  }
  throw new AppError('forbidden');
}

/** A user the actor may manage; anyone else answers not-found, so other organisations stay invisible. */
async function managedUser(ctx: ServiceContext, actor: Actor, userId: string): Promise<UserRow> {
  const scope = await managerScope(ctx, actor);
  const user = await findUserById(ctx.store.db, userId);
  if (!user) throw new AppError('not-found');
  if (scope.kind === 'organisation' && (user.role !== 'member' || user.organisation_id !== scope.organisationId)) throw new AppError('not-found');
  return user;
}

export const UserListQuery = z.object({ role: z.enum(ROLES).optional(), organisationId: z.string().max(100).optional() }).strict();

export async function listManagedUsers(ctx: ServiceContext, actor: Actor, query: z.output<typeof UserListQuery>): Promise<UserView[]> {
  const scope = await managerScope(ctx, actor);
  const filter: UserFilter = scope.kind === 'all' ? query : { role: 'member', organisationId: scope.organisationId };
  if (scope.kind === 'organisation' && query.organisationId && query.organisationId !== scope.organisationId) return [];
  return (await listUsersWhere(ctx.store.db, filter)).map(toUserView);
}

export const InvitationInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254)),
    role: z.enum(ROLES),
    organisationId: z.string().max(100).nullable().default(null),
    orgManager: z.boolean().default(false),
  })
  .strict();

async function checkPlacement(trx: Db, input: { role: string; organisationId: string | null; orgManager: boolean }): Promise<void> {
  const fail = (path: string, message: string, code: FieldErrorCode) => {
    throw validationErrors([{ path, message, code }], message);
  };
  if (input.role === 'member' && !input.organisationId) fail('organisationId', 'is required for members', 'required');
  if (input.role !== 'member' && input.organisationId) fail('organisationId', 'must be empty for this role', 'invalid');
  if (input.role !== 'member' && input.orgManager) fail('orgManager', 'only members manage an organisation', 'invalid');
  if (input.organisationId) {
    const org = await findOrganisation(trx, input.organisationId);
    if (!org) fail('organisationId', 'unknown organisation', 'unknown');
    if (org?.active === 0) fail('organisationId', 'the organisation is deactivated', 'invalid');
  }
}

export interface InvitationView {
  email: string;
  /** Shown once to the inviter to pass on; the token is in the fragment, never sent to a server in a URL. */
  link: string;
  expiresAt: string;
  mailed: boolean;
}

export async function inviteUser(ctx: ServiceContext, actor: Actor, input: z.output<typeof InvitationInput>): Promise<InvitationView> {
  const scope = await managerScope(ctx, actor);
  if (scope.kind === 'organisation' && (input.role !== 'member' || input.organisationId !== scope.organisationId || input.orgManager)) {
    throw new AppError('forbidden', 'an organisation manager invites members of their own organisation only');
  }
  const issued = await mutate(
    ctx,
    actor,
    {
      action: 'user.invited',
      targetType: 'invitation',
      targetId: null,
      detail: { email: input.email, role: input.role, organisationId: input.organisationId, orgManager: input.orgManager },
    },
    async (trx) => {
      await checkPlacement(trx, input);
      if (await findUserByEmail(trx, input.email))
        throw new AppError('conflict', 'a user with this email exists', [{ path: 'email', message: 'already registered', code: 'already-exists' }]);
      await revokeUserTokens(trx, 'invitation', { email: input.email }, ctx.now().toISOString());
      const data = { role: input.role, organisationId: input.organisationId, orgManager: input.orgManager };
      return issueUserToken(ctx, trx, { kind: 'invitation', email: input.email, userId: null, data, createdBy: actor, hours: INVITATION_DAYS * 24 });
    },
  );
  const link = oneTimeLink(ctx, '/invite', issued.token);
  const mailed = ctx.config.mail !== undefined;
  if (ctx.config.mail) {
    void sendMail(ctx.config.mail, {
      to: input.email,
      subject: 'tebiki への招待 / Invitation to tebiki',
      text: `tebiki に招待されました。次のリンクからアカウントを作成してください（${INVITATION_DAYS}日間有効）。\nYou are invited to tebiki. Create your account with this link (valid ${INVITATION_DAYS} days).\n\n${link}`,
    }).catch(() => undefined);
  }
  return { email: input.email, link, expiresAt: issued.expiresAt, mailed };
}

interface InvitationData {
  role: UserRow['role'];
  organisationId: string | null;
  orgManager: boolean;
}

/** What the invitation page shows before the account is made. */
export async function lookUpInvitation(ctx: ServiceContext, token: string): Promise<{ email: string; role: string; organisation: string | null }> {
  const row = await liveToken(ctx, ctx.store.db, 'invitation', token);
  const data = JSON.parse(row.data) as InvitationData;
  const org = data.organisationId ? await findOrganisation(ctx.store.db, data.organisationId) : undefined;
  return { email: row.email ?? '', role: data.role, organisation: org?.name ?? null };
}

export const AcceptInvitationInput = z.object({ token: z.string().min(1).max(200), displayName: z.string(), password: z.string().max(1024) }).strict();

/** Creates the invited account from an invitation, once; by password here, or by single sign-on (see oidc.service). */
export async function acceptInvitation(ctx: ServiceContext, input: z.output<typeof AcceptInvitationInput>): Promise<UserView> {
  const row = await liveToken(ctx, ctx.store.db, 'invitation', input.token);
  return createInvitedUser(ctx, row.token_hash, input.displayName, input.password);
}

/** Used by invitation acceptance and by a first single sign-on: makes the user and spends the invitation in one transaction. */
export async function createInvitedUser(ctx: ServiceContext, hash: string, displayName: string, password: string): Promise<UserView> {
  const user = await mutate<UserRow>(
    ctx,
    ANONYMOUS,
    (u) => ({ action: 'user.invitation-accepted', targetType: 'user', targetId: u.id, detail: { email: u.email, role: u.role } }),
    async (trx) => {
      const token = await findUserToken(trx, hash, 'invitation');
      if (!token?.email || token.used_at || token.expires_at <= ctx.now().toISOString())
        throw new AppError('not-found', 'the invitation is invalid, used or expired');
      const data = JSON.parse(token.data) as InvitationData;
      await checkPlacement(trx, data);
      const created = await createUserIn(
        trx,
        { email: token.email, displayName: displayName.trim(), password, role: data.role as UserView['role'], organisationId: data.organisationId },
        ctx.now(),
      );
      if (data.orgManager) await updateUser(trx, created.id, { org_manager: 1 });
      if (!(await consumeToken(trx, hash, ctx))) throw new AppError('not-found', 'the invitation is invalid, used or expired');
      if (token.created_by) {
        await notify(
          ctx,
          trx,
          { userIds: [token.created_by] },
          {
            kind: 'invitation',
            title: { ja: `${created.display_name} さんが招待を受けました`, en: `${created.display_name} accepted your invitation` },
            body: { ja: `${created.email} のアカウントが作成されました。`, en: `The account ${created.email} was created.` },
            link: null,
          },
        );
      }
      return { ...created, org_manager: data.orgManager ? 1 : 0 };
    },
  );
  kickMail(ctx);
  return toUserView(user);
}

function consumeToken(trx: Db, hash: string, ctx: ServiceContext): Promise<boolean> {
  return consumeUserToken(trx, hash, ctx.now().toISOString());
}

export const UserPatch = z
  .object({
    role: z.enum(ROLES).optional(),
    organisationId: z.string().max(100).nullable().optional(),
    orgManager: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict();

/**
 * Changes role, organisation, manager flag or activity. Admins may change
 * everything; organisation managers only activity of their own members.
 * Deactivating ends every session of the user at once.
 */
export async function changeUser(ctx: ServiceContext, actor: Actor, userId: string, patch: z.output<typeof UserPatch>): Promise<UserView> {
  const user = await managedUser(ctx, actor, userId);
  const admin = isRole(actor, 'admin');
  const placement = patch.role !== undefined || patch.organisationId !== undefined || patch.orgManager !== undefined;
  if (!admin && placement) throw new AppError('forbidden', 'only administrators change roles and organisations');
  if (actor.kind === 'user' && actor.userId === userId && (patch.active === false || (patch.role && patch.role !== user.role))) {
    throw new AppError('conflict', 'you cannot deactivate yourself or change your own role');
  }
  const role = patch.role ?? user.role;
  const organisationId = patch.organisationId !== undefined ? patch.organisationId : role === 'member' ? user.organisation_id : null;
  const orgManager = role === 'member' ? (patch.orgManager ?? user.org_manager === 1) : false;
  const next: UserRow = {
    ...user,
    role,
    organisation_id: organisationId,
    org_manager: orgManager ? 1 : 0,
    disabled: patch.active === undefined ? user.disabled : patch.active ? 0 : 1,
  };
  const action = patch.active === false ? 'user.deactivated' : patch.active === true ? 'user.activated' : 'user.changed';
  await mutate(ctx, actor, { action, targetType: 'user', targetId: userId, detail: { ...patch } }, async (trx) => {
    if (placement) await checkPlacement(trx, { role, organisationId, orgManager });
    await updateUser(trx, userId, { role, organisation_id: organisationId, org_manager: next.org_manager ?? 0, disabled: next.disabled });
    if (next.disabled === 1) await deleteSessionsOf(trx, userId);
  });
  return toUserView(next);
}

/** A one-time password-reset link for a user (shown to the admin, mailed to the user when mail is set up). */
export async function issuePasswordReset(ctx: ServiceContext, actor: Actor, userId: string): Promise<{ link: string; expiresAt: string; mailed: boolean }> {
  const user = await managedUser(ctx, actor, userId);
  const issued = await mutate(ctx, actor, { action: 'user.reset-link-issued', targetType: 'user', targetId: userId }, async (trx) => {
    await revokeUserTokens(trx, 'reset', { userId }, ctx.now().toISOString());
    return issueUserToken(ctx, trx, { kind: 'reset', email: user.email, userId, data: {}, createdBy: actor, hours: RESET_HOURS });
  });
  const link = oneTimeLink(ctx, '/reset', issued.token);
  if (ctx.config.mail) {
    void sendMail(ctx.config.mail, {
      to: user.email,
      subject: 'tebiki パスワードの再設定 / Password reset',
      text: `次のリンクから新しいパスワードを設定してください（${RESET_HOURS}時間有効）。\nSet a new password with this link (valid ${RESET_HOURS} hours).\n\n${link}`,
    }).catch(() => undefined);
  }
  return { link, expiresAt: issued.expiresAt, mailed: ctx.config.mail !== undefined };
}

export const ResetInput = z.object({ token: z.string().min(1).max(200), password: z.string().max(1024) }).strict();

/** Sets a new password with a reset link, once, and ends every session of the user. */
export async function resetPassword(ctx: ServiceContext, input: z.output<typeof ResetInput>): Promise<void> {
  const token = await liveToken(ctx, ctx.store.db, 'reset', input.token);
  const user = token.user_id ? await findUserById(ctx.store.db, token.user_id) : undefined;
  if (!user || user.disabled) throw new AppError('not-found', 'the link is invalid, used or expired');
  checkPasswordPolicy(input.password, { email: user.email, displayName: user.display_name });
  const hash = await hashPassword(input.password);
  await mutate(ctx, ANONYMOUS, { action: 'user.password-reset', targetType: 'user', targetId: user.id }, async (trx) => {
    if (!(await consumeToken(trx, tokenHash(input.token), ctx))) throw new AppError('not-found', 'the link is invalid, used or expired');
    await updateUser(trx, user.id, { password_hash: hash });
    await deleteSessionsOf(trx, user.id);
  });
}
