import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../core/errors.js';

/** What a user who must still set up a second factor may reach: who am I, enrolment, logout. */
const ALLOWED = ['/api/session', '/api/auth/logout', '/api/account/totp'];

/**
 * Where an admin requires a second factor for a role, a session of that role
 * without one can only enrol it: every other API answers
 * `second-factor-required`. Checked per request, so the rule holds at once:
 * the setting is read with the session (services/auth.service.ts).
 */
export const secondFactorGuard = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    if (!request.session?.secondFactorMissing || !request.url.startsWith('/api/')) return done();
    const path = request.url.split('?')[0] ?? '';
    if (ALLOWED.some((p) => path === p || path.startsWith(`${p}/`))) return done();
    done(new AppError('second-factor-required'));
  });
});
