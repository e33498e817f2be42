import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, type Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import { resolveSession, type SessionInfo } from '../services/auth.service.js';
import type { ServiceContext } from '../services/context.js';
import { newToken, sameToken } from '../services/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    actor: Actor;
  }
}

export interface CookieNames {
  session: string;
  csrf: string;
}

export function cookieNames(secure: boolean): CookieNames {
  // __Host- cookies are bound to this origin and path /, and require https.
  return secure ? { session: '__Host-tebiki_session', csrf: '__Host-tebiki_csrf' } : { session: 'tebiki_session', csrf: 'tebiki_csrf' };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into request.actor and enforces CSRF on every
 * state-changing request: the x-csrf-token header must match the session's
 * token (or, before login, the double-submit cookie), and a cross-site
 * Origin or Sec-Fetch-Site is refused outright.
 */
export const sessionPlugin = fp(async (app: FastifyInstance, opts: { ctx: ServiceContext }) => {
  const names = cookieNames(opts.ctx.config.secureCookies);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as never);

  // Callback-style hook: no promise per request on the paths that need no I/O (bench/server-health).
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    request.actor = ANONYMOUS;
    if (!request.url.startsWith('/api/') || (!request.cookies[names.session] && !UNSAFE.has(request.method))) return done();
    checkRequest(request, reply).then(() => done(), done);
  });

  async function checkRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = request.cookies[names.session];
    if (token) {
      const session = await resolveSession(opts.ctx, token);
      if (session) {
        request.session = session;
        request.actor = session.actor;
      } else {
        reply.clearCookie(names.session, { path: '/' });
      }
    }
    if (!UNSAFE.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('csrf-failed', 'cross-site request refused');
    const origin = request.headers.origin;
    if (origin && origin !== 'null' && !isSameHost(origin, request.headers.host)) throw new AppError('csrf-failed', 'cross-origin request refused');
    const header = request.headers['x-csrf-token'];
    const expected = request.session ? request.session.csrfToken : request.cookies[names.csrf];
    if (typeof header !== 'string' || !expected || !sameToken(header, expected)) {
      throw new AppError('csrf-failed', 'send the x-csrf-token header from GET /api/session');
    }
  }
});

/**
 * Whether an Origin header names this host. A header that is no URL at all
 * (`::::`) is not this host: refused as cross-origin, never a server error.
 */
export function isSameHost(origin: string, host: string | undefined): boolean {
  if (!URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

/** The CSRF token for a visitor without a session: a double-submit cookie. */
export function ensureAnonymousCsrf(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const names = cookieNames(secure);
  const existing = request.cookies[names.csrf];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newToken();
  reply.setCookie(names.csrf, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  return token;
}
