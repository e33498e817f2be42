import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { changeOwnPassword, endOwnSession, ownSessions, PasswordChangeInput, ProfileInput, updateOwnProfile } from '../../services/account.service.js';
import type { SessionInfo } from '../../services/auth.service.js';
import type { ServiceContext } from '../../services/context.js';
import { inbox, mailPreferences, markNotificationsRead, NOTIFICATION_KINDS, setMailPreference, unreadCount } from '../../services/notifications.service.js';
import {
  beginTotpEnrolment,
  completeSecondFactor,
  confirmTotpEnrolment,
  disableTotp,
  recoveryCodesLeft,
  SecondFactorInput,
} from '../../services/totp.service.js';
import {
  AcceptInvitationInput,
  acceptInvitation,
  changeUser,
  InvitationInput,
  inviteUser,
  issuePasswordReset,
  listManagedUsers,
  lookUpInvitation,
  ResetInput,
  resetPassword,
  UserListQuery,
  UserPatch,
} from '../../services/user-admin.service.js';
import { cookieNames } from '../session.plugin.js';
import { taggedRoutes } from '../tagged-routes.js';
import { SessionParams, UserParams } from '../route-params.js';
import { sendSession } from './auth.routes.js';

const TokenInput = z.object({ token: z.string().min(1).max(200) }).strict();
const CodeInput = z.object({ code: z.string().max(20) }).strict();
const PasswordInput = z.object({ password: z.string().max(1024) }).strict();
const ReadInput = z.object({ ids: z.union([z.array(z.string().max(100)).max(500), z.literal('all')]) }).strict();
const MailPrefInput = z.object({ kind: z.enum(NOTIFICATION_KINDS), email: z.boolean() }).strict();

function requireSession(request: FastifyRequest): SessionInfo {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session;
}

/** Users and invitations, one-time links, the second factor, self-service and the inbox. */
export async function accountRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  const secure = ctx.config.secureCookies;
  const names = cookieNames(secure);
  const limited = { rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } };
  publicTokenRoutes(app, ctx, limited);
  const users = taggedRoutes(app, ['users']);
  const account = taggedRoutes(app, ['account']);
  const notifications = taggedRoutes(app, ['notifications']);

  taggedRoutes(app, ['auth']).post(
    { url: '/api/auth/second-factor', summary: 'Finish a login with a TOTP or recovery code', body: SecondFactorInput, options: { config: limited } },
    async ({ body, request, reply }) => sendSession(reply, await completeSecondFactor(ctx, body, request.ip), names, secure),
  );

  users.get(
    { url: '/api/users', summary: 'Users the caller manages (admin: all; organisation manager: own members)', query: UserListQuery },
    async ({ actor, query }) => ({
      users: await listManagedUsers(ctx, actor, query),
    }),
  );
  users.post({ url: '/api/users/invitations', summary: 'Invite a user by a one-time link', body: InvitationInput, status: 201 }, ({ actor, body, reply }) => {
    reply.header('cache-control', 'no-store');
    return inviteUser(ctx, actor, body);
  });
  users.patch(
    { url: '/api/users/:userId', summary: 'Change role, organisation, manager flag or activity', params: UserParams, body: UserPatch },
    async ({ actor, params, body }) => ({ user: await changeUser(ctx, actor, params.userId, body) }),
  );
  users.post({ url: '/api/users/:userId/reset-link', summary: 'A one-time password-reset link', params: UserParams }, ({ actor, params }) =>
    issuePasswordReset(ctx, actor, params.userId),
  );

  account.put({ url: '/api/account/password', summary: 'Change own password (ends other sessions)', body: PasswordChangeInput }, ({ body, request }) =>
    changeOwnPassword(ctx, requireSession(request), body),
  );
  account.patch({ url: '/api/account/profile', summary: 'Own display name and language', body: ProfileInput }, async ({ actor, body }) => ({
    user: await updateOwnProfile(ctx, actor, body),
  }));
  account.get({ url: '/api/account/sessions', summary: 'Own sessions' }, async ({ request }) => ({
    sessions: await ownSessions(ctx, requireSession(request)),
  }));
  account.delete({ url: '/api/account/sessions/:sessionId', summary: 'End one of own sessions', params: SessionParams, status: 204 }, ({ params, request }) =>
    endOwnSession(ctx, requireSession(request), params.sessionId),
  );
  account.post({ url: '/api/account/totp', summary: 'Start TOTP enrolment: the secret, once' }, ({ actor, reply }) => {
    reply.header('cache-control', 'no-store');
    return beginTotpEnrolment(ctx, actor);
  });
  account.post({ url: '/api/account/totp/confirm', summary: 'Confirm TOTP with a code: recovery codes, once', body: CodeInput }, ({ actor, body, reply }) => {
    reply.header('cache-control', 'no-store');
    return confirmTotpEnrolment(ctx, actor, body.code);
  });
  account.post({ url: '/api/account/totp/disable', summary: 'Turn TOTP off (password required)', body: PasswordInput, status: 204 }, ({ actor, body }) =>
    disableTotp(ctx, actor, body.password),
  );
  account.get({ url: '/api/account/totp', summary: 'Second-factor state' }, async ({ actor, request }) => ({
    enabled: requireSession(request).user.totpEnabled,
    recoveryCodesLeft: await recoveryCodesLeft(ctx, actor),
  }));

  notifications.get({ url: '/api/notifications', summary: 'Own inbox, newest first' }, ({ actor }) => inbox(ctx, actor));
  notifications.get({ url: '/api/notifications/unread', summary: 'Unread count (header badge)' }, async ({ actor }) => ({
    unread: await unreadCount(ctx, actor),
  }));
  notifications.post({ url: '/api/notifications/read', summary: 'Mark notifications read', body: ReadInput, status: 204 }, ({ actor, body }) =>
    markNotificationsRead(ctx, actor, body.ids),
  );
  notifications.get({ url: '/api/notifications/preferences', summary: 'Which kinds arrive by mail' }, async ({ actor }) => ({
    mail: await mailPreferences(ctx, actor),
    mailConfigured: ctx.config.mail !== undefined,
  }));
  notifications.put({ url: '/api/notifications/preferences', summary: 'Choose mail for one kind', body: MailPrefInput }, async ({ actor, body }) => {
    await setMailPreference(ctx, actor, body.kind, body.email);
    return { mail: await mailPreferences(ctx, actor) };
  });
}

/** Routes reached with a one-time token in the body (read from the page's URL fragment): no session needed. */
function publicTokenRoutes(app: FastifyInstance, ctx: ServiceContext, limited: object) {
  const options = { config: limited };
  const users = taggedRoutes(app, ['users']);
  users.post({ url: '/api/invitations/lookup', summary: 'What an invitation is for', body: TokenInput, options }, ({ body }) =>
    lookUpInvitation(ctx, body.token),
  );
  users.post(
    { url: '/api/invitations/accept', summary: 'Create the invited account', body: AcceptInvitationInput, status: 201, options },
    async ({ body }) => ({
      user: await acceptInvitation(ctx, body),
    }),
  );
  taggedRoutes(app, ['auth']).post(
    { url: '/api/password-reset', summary: 'Set a new password with a reset link (ends all sessions)', body: ResetInput, status: 204, options },
    ({ body }) => resetPassword(ctx, body),
  );
}
