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
import { docSchema, parseInput } from '../validate-input.js';
import { RouteId } from '../route-params.js';
import { sendSession } from './auth.routes.js';

const UserParams = z.object({ userId: RouteId });
const SessionParams = z.object({ sessionId: RouteId });
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

  app.post(
    '/api/auth/second-factor',
    { config: limited, schema: { tags: ['auth'], summary: 'Finish a login with a TOTP or recovery code', body: docSchema(SecondFactorInput) } },
    async (request, reply) => sendSession(reply, await completeSecondFactor(ctx, parseInput(SecondFactorInput, request.body), request.ip), names, secure),
  );

  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Users the caller manages (admin: all; organisation manager: own members)' } },
    async (request) => ({
      users: await listManagedUsers(ctx, request.actor, parseInput(UserListQuery, request.query, 'query')),
    }),
  );
  app.post(
    '/api/users/invitations',
    { schema: { tags: ['users'], summary: 'Invite a user by a one-time link', body: docSchema(InvitationInput) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await inviteUser(ctx, request.actor, parseInput(InvitationInput, request.body)));
    },
  );
  app.patch(
    '/api/users/:userId',
    { schema: { tags: ['users'], summary: 'Change role, organisation, manager flag or activity', body: docSchema(UserPatch) } },
    async (request) => {
      const { userId } = parseInput(UserParams, request.params, 'params');
      return { user: await changeUser(ctx, request.actor, userId, parseInput(UserPatch, request.body)) };
    },
  );
  app.post('/api/users/:userId/reset-link', { schema: { tags: ['users'], summary: 'A one-time password-reset link' } }, async (request) => {
    const { userId } = parseInput(UserParams, request.params, 'params');
    return issuePasswordReset(ctx, request.actor, userId);
  });

  app.put(
    '/api/account/password',
    { schema: { tags: ['account'], summary: 'Change own password (ends other sessions)', body: docSchema(PasswordChangeInput) } },
    async (request) => changeOwnPassword(ctx, requireSession(request), parseInput(PasswordChangeInput, request.body)),
  );
  app.patch(
    '/api/account/profile',
    { schema: { tags: ['account'], summary: 'Own display name and language', body: docSchema(ProfileInput) } },
    async (request) => ({
      user: await updateOwnProfile(ctx, request.actor, parseInput(ProfileInput, request.body)),
    }),
  );
  app.get('/api/account/sessions', { schema: { tags: ['account'], summary: 'Own sessions' } }, async (request) => ({
    sessions: await ownSessions(ctx, requireSession(request)),
  }));
  app.delete('/api/account/sessions/:sessionId', { schema: { tags: ['account'], summary: 'End one of own sessions' } }, async (request, reply) => {
    await endOwnSession(ctx, requireSession(request), parseInput(SessionParams, request.params, 'params').sessionId);
    return reply.status(204).send();
  });
  app.post('/api/account/totp', { schema: { tags: ['account'], summary: 'Start TOTP enrolment: the secret, once' } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return beginTotpEnrolment(ctx, request.actor);
  });
  app.post(
    '/api/account/totp/confirm',
    { schema: { tags: ['account'], summary: 'Confirm TOTP with a code: recovery codes, once', body: docSchema(CodeInput) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return confirmTotpEnrolment(ctx, request.actor, parseInput(CodeInput, request.body).code);
    },
  );
  app.post(
    '/api/account/totp/disable',
    { schema: { tags: ['account'], summary: 'Turn TOTP off (password required)', body: docSchema(PasswordInput) } },
    async (request, reply) => {
      await disableTotp(ctx, request.actor, parseInput(PasswordInput, request.body).password);
      return reply.status(204).send();
    },
  );
  app.get('/api/account/totp', { schema: { tags: ['account'], summary: 'Second-factor state' } }, async (request) => ({
    enabled: requireSession(request).user.totpEnabled,
    recoveryCodesLeft: await recoveryCodesLeft(ctx, request.actor),
  }));

  app.get('/api/notifications', { schema: { tags: ['notifications'], summary: 'Own inbox, newest first' } }, async (request) => inbox(ctx, request.actor));
  app.get('/api/notifications/unread', { schema: { tags: ['notifications'], summary: 'Unread count (header badge)' } }, async (request) => ({
    unread: await unreadCount(ctx, request.actor),
  }));
  app.post(
    '/api/notifications/read',
    { schema: { tags: ['notifications'], summary: 'Mark notifications read', body: docSchema(ReadInput) } },
    async (request, reply) => {
      await markNotificationsRead(ctx, request.actor, parseInput(ReadInput, request.body).ids);
      return reply.status(204).send();
    },
  );
  app.get('/api/notifications/preferences', { schema: { tags: ['notifications'], summary: 'Which kinds arrive by mail' } }, async (request) => ({
    mail: await mailPreferences(ctx, request.actor),
    mailConfigured: ctx.config.mail !== undefined,
  }));
  app.put(
    '/api/notifications/preferences',
    { schema: { tags: ['notifications'], summary: 'Choose mail for one kind', body: docSchema(MailPrefInput) } },
    async (request) => {
      const input = parseInput(MailPrefInput, request.body);
      await setMailPreference(ctx, request.actor, input.kind, input.email);
      return { mail: await mailPreferences(ctx, request.actor) };
    },
  );
}

/** Routes reached with a one-time token in the body (read from the page's URL fragment): no session needed. */
function publicTokenRoutes(app: FastifyInstance, ctx: ServiceContext, limited: object) {
  app.post(
    '/api/invitations/lookup',
    { config: limited, schema: { tags: ['users'], summary: 'What an invitation is for', body: docSchema(TokenInput) } },
    async (request) => lookUpInvitation(ctx, parseInput(TokenInput, request.body).token),
  );
  app.post(
    '/api/invitations/accept',
    { config: limited, schema: { tags: ['users'], summary: 'Create the invited account', body: docSchema(AcceptInvitationInput) } },
    async (request, reply) => reply.status(201).send({ user: await acceptInvitation(ctx, parseInput(AcceptInvitationInput, request.body)) }),
  );
  app.post(
    '/api/password-reset',
    { config: limited, schema: { tags: ['auth'], summary: 'Set a new password with a reset link (ends all sessions)', body: docSchema(ResetInput) } },
    async (request, reply) => {
      await resetPassword(ctx, parseInput(ResetInput, request.body));
      return reply.status(204).send();
    },
  );
}
