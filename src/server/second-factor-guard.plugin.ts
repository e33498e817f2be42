import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../core/errors.js';
import type { ServiceContext } from '../services/context.js';
import { totpRequiredRoles } from '../services/totp.service.js';

/** What a user who must still set up a second factor may reach: who am I, enrolment, logout. */
const ALLOWED = ['/api/session', '/api/auth/logout', '/api/account/totp'];

/**
 * Where an admin requires a second factor for a role, a session of that role
 * without one can only enrol it: every other API answers
 * `second-factor-required`. Checked per request, so the rule holds at once.
 */
export const secondFactorGuard = fp(async (app: FastifyInstance, opts: { ctx: ServiceContext }) => {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const session = request.session;
    if (!session || session.user.totpEnabled || !request.url.startsWith('/api/')) return;
    const path = request.url.split('?')[0] ?? '';
    if (ALLOWED.some((p) => path === p || path.startsWith(`${p}/`))) return;
    if ((await totpRequiredRoles(opts.ctx)).includes(session.user.role)) throw new AppError('second-factor-required');
  });
});
