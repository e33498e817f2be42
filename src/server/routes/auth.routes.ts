import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { type LoginResult, login, logout } from '../../services/auth.service.js';
import type { ServiceContext } from '../../services/context.js';
import { completeSetup, isSetupRequired, SetupInput } from '../../services/setup.service.js';
import { totpRequiredRoles } from '../../services/totp.service.js';
import { type CookieNames, cookieNames, ensureAnonymousCsrf } from '../session.plugin.js';
import { docSchema, parseInput } from '../validate-input.js';

const LoginInput = z.object({ email: z.string().max(254), password: z.string().max(1024) }).strict();

export async function authRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  const secure = ctx.config.secureCookies;
  const names = cookieNames(secure);

  app.get('/api/session', { schema: { tags: ['auth'], summary: 'Who am I; the CSRF token to send on changes' } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const csrfToken = request.session ? request.session.csrfToken : ensureAnonymousCsrf(request, reply, secure);
    const user = request.session?.user ?? null;
    const totpSetupRequired = user !== null && !user.totpEnabled && (await totpRequiredRoles(ctx)).includes(user.role);
    return { user, csrfToken, setupRequired: await isSetupRequired(ctx), totpSetupRequired, singleSignOn: ctx.config.oidc !== undefined };
  });

  app.post(
    '/api/setup',
    {
      config: { rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Create the first administrator with the one-time setup token', body: docSchema(SetupInput) },
    },
    async (request, reply) => {
      const user = await completeSetup(ctx, parseInput(SetupInput, request.body));
      return reply.status(201).send({ user });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Log in; sets an HttpOnly session cookie', body: docSchema(LoginInput) },
    },
    async (request, reply) => {
      const input = parseInput(LoginInput, request.body);
      const result = await login(ctx, input.email, input.password, request.ip);
      reply.header('cache-control', 'no-store');
      // With a second factor the password only earns a short-lived token for the code step.
      if ('secondFactor' in result) return { secondFactor: result.secondFactor };
      return sendSession(reply, result, names, secure);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (request, reply) => {
    if (!request.session) throw new AppError('unauthenticated');
    await logout(ctx, request.session);
    reply.clearCookie(names.session, { path: '/' });
    return reply.status(204).send();
  });
}

/** Sets the session cookie and answers with the user and their CSRF token. */
export function sendSession(reply: FastifyReply, result: LoginResult, names: CookieNames, secure: boolean) {
  reply.setCookie(names.session, result.sessionToken, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  reply.header('cache-control', 'no-store');
  return { user: result.user, csrfToken: result.csrfToken };
}
