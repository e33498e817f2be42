import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import { validationError } from '../core/errors.js';
import type { ServiceContext } from '../services/context.js';
import { apiDocsRoutes } from './api-docs.js';
import { fileRoutes, filesBelow, sendFileOf } from './file-routes.js';
import { handleError, problemOf, sendProblem } from './problem.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { documentedSchema, nulCharacterPath } from './validate-input.js';
import { accountRoutes } from './routes/accounts.routes.js';
import { adminRoutes } from './routes/admin.routes.js';
import { assessmentRoutes } from './routes/assessments.routes.js';
import { attachedTextRoutes } from './routes/attached-text.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { browseRoutes } from './routes/browse.routes.js';
import { checksheetRoutes } from './routes/checksheets.routes.js';
import { coverageRoutes } from './routes/coverage.routes.js';
import { craRoutes } from './routes/cra.routes.js';
import { draftRoutes } from './routes/drafts.routes.js';
import { editionRoutes } from './routes/editions.routes.js';
import { firmwareRoutes } from './routes/firmware.routes.js';
import { landscapeRoutes } from './routes/landscape.routes.js';
import { organisationRoutes } from './routes/organisations.routes.js';
import { probeRunRoutes } from './routes/probe-runs.routes.js';
import { proposalRoutes } from './routes/proposals.routes.js';
import { sbomRoutes } from './routes/sboms.routes.js';
import { searchRoutes } from './routes/search.routes.js';
import { selfAssessmentRoutes } from './routes/self-assessments.routes.js';
import { securityHeaderSets, securityHeadersPlugin } from './security-headers.plugin.js';
import { secondFactorGuard } from './second-factor-guard.plugin.js';
import { sessionPlugin } from './session.plugin.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when the process starts shutting down: readiness answers 503 so the proxy stops sending. */
    tebikiState: { draining: boolean };
  }
}

export interface AppOptions {
  ctx: ServiceContext;
  /** Folder of the built web UI (dist/web); the UI is not served when missing. */
  webDir?: string;
  logger?: boolean;
}

/** Builds the HTTP server: routes validate, authorise through services, present. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { ctx } = options;
  const apiHeaders = securityHeaderSets(ctx.config.secureCookies).api;
  const app = Fastify({
    // Silent means no logger at all: Fastify would still make a child logger for every request.
    logger:
      options.logger && ctx.config.logLevel !== 'silent'
        ? { level: ctx.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] }
        : false,
    bodyLimit: 256 * 1024,
    // HEAD is answered by one route (answerHeadAsGet below), not by a twin of every GET route.
    exposeHeadRoutes: false,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    // A malformed URL or an over-long path parameter leaves as problem+json too, not Fastify's own JSON,
    // with the API's security headers: no hook runs for a request refused before routing.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply.headers(apiHeaders)),
    // Route schemas document the API (OpenAPI); input is validated by zod in each
    // route (Fastify's own ajv would coerce types and drop unknown keys first), and
    // no route declares a response schema. So neither of Fastify's schema compilers
    // is loaded at start-up: a schema passes as valid, an answer is plain JSON.
    schemaController: { compilersFactory: NO_SCHEMA_COMPILERS },
  });
  app.setErrorHandler(handleError);

  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(ctx.store.db) });
  await app.register(swagger, {
    transform: ({ schema, url }) => ({ schema: schema && documentedSchema(schema), url }),
    openapi: {
      info: { title: 'tebiki API', version: '0.1.0', description: 'IoT security guidebook platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tebiki_session' } } },
    },
  });

  // Health and readiness answer the proxy and the monitor: no hook runs for them (every hook
  // lives in the child context below); the API's security headers are part of their answer,
  // set in one call. Never cached, as every API answer.
  app.decorate('tebikiState', { draining: false });
  const healthyHeaders = { ...apiHeaders, ...HEALTHY_HEADERS };
  // A proxy or monitor asks these every few seconds: only their warnings and errors are logged.
  app.get('/api/health', { logLevel: 'warn', schema: { tags: ['health'], summary: 'Liveness' } }, (_request, reply) => {
    return reply.headers(healthyHeaders).send(HEALTHY);
  });
  answerHeadAsGet(app);
  app.get(
    '/api/ready',
    { logLevel: 'warn', schema: { tags: ['health'], summary: 'Readiness: the database answers and the process is not shutting down' } },
    async (_request, reply) => {
      reply.headers(apiHeaders);
      if (app.tebikiState.draining) return sendProblem(reply, problemOf('unavailable', 'shutting down', '/api/ready'));
      await sql`select 1`.execute(ctx.store.db);
      return { status: 'ready' };
    },
  );

  // Everything else: an encapsulated context whose hooks (security headers, the NUL checks,
  // cookies, session, CSRF, second factor) apply to its routes, its static files and its
  // not-found answers.
  await app.register(async (api) => {
    await api.register(securityHeadersPlugin, { https: ctx.config.secureCookies });
    // Parameters are refused before any route hook looks them up; the body once it is parsed.
    const refuseNul = (where: 'params' | 'query' | 'body', value: unknown) => {
      const path = nulCharacterPath(value, where);
      if (path) throw validationError(path, 'must not contain the NUL character (U+0000)', 'nul-character');
    };
    // A NUL reaches the path or the query only percent-encoded (the HTTP parser refuses the raw byte).
    api.addHook(
      'onRequest',
      checkHook((request) => {
        if (!request.url.includes('%00')) return;
        refuseNul('params', request.params);
        refuseNul('query', request.query);
      }),
    );
    api.addHook(
      'preValidation',
      checkHook((request) => {
        if (request.body !== undefined && request.body !== null) refuseNul('body', request.body);
      }),
    );
    await api.register(cookie);
    apiDocsRoutes(api);
    await api.register(sessionPlugin, { ctx });
    await api.register(secondFactorGuard);
    await registerRoutes(api, options);
  });
  return app;
}

/** The API's routes, the web UI's files and the not-found answer, inside the hooked context. */
async function registerRoutes(app: FastifyInstance, options: AppOptions): Promise<void> {
  const { ctx } = options;
  await app.register(authRoutes, { ctx });
  await app.register(editionRoutes, { ctx });
  await app.register(organisationRoutes, { ctx });
  await app.register(sbomRoutes, { ctx });
  await app.register(adminRoutes, { ctx });
  await app.register(accountRoutes, { ctx });
  await app.register(proposalRoutes, { ctx });
  await app.register(browseRoutes, { ctx });
  await app.register(coverageRoutes, { ctx });
  await app.register(draftRoutes, { ctx });
  await app.register(landscapeRoutes, { ctx });
  await app.register(searchRoutes, { ctx });
  await app.register(checksheetRoutes, { ctx });
  await app.register(assessmentRoutes, { ctx });
  await app.register(selfAssessmentRoutes, { ctx });
  await app.register(probeRunRoutes, { ctx });
  await app.register(firmwareRoutes, { ctx });
  await app.register(attachedTextRoutes, { ctx });
  await app.register(craRoutes, { ctx });

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    fileRoutes(app, webDir, filesBelow(webDir));
    app.get('/', { schema: { hide: true } }, (request, reply) => sendFileOf(webDir, '/index.html', request, reply));
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = String(request.headers.accept ?? '').includes('text/html');
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api/') && wantsPage) {
      // A client-side route of the single-page UI (phase ids contain dots, so no extension test).
      return sendFileOf(webDir, '/index.html', request, reply);
    }
    return sendProblem(reply, problemOf('not-found', `no route for ${request.method} ${path}`, path));
  });
}

/**
 * HEAD of any URL: the GET of the same URL, run through every hook as the
 * client sent it, answered with its status and headers and no body. Fastify
 * would otherwise register a HEAD twin of each GET route, which cost a tenth of
 * the server's start-up; HEAD is rare enough to pay for a GET when asked.
 */
function answerHeadAsGet(app: FastifyInstance): void {
  app.head('/*', { schema: { hide: true } }, async (request, reply) => {
    const { host: _host, 'content-length': _length, ...headers } = request.headers;
    const answer = await app.inject({ method: 'GET', url: request.url, headers: { ...headers, host: request.host }, remoteAddress: request.ip });
    const { 'content-length': _body, 'transfer-encoding': _chunked, connection: _connection, ...kept } = answer.headers;
    return reply
      .code(answer.statusCode)
      .headers({ ...kept, 'content-length': String(answer.rawPayload.length) })
      .send();
  });
}

/** A check as a callback-style hook (no promise per request): what it throws answers the request. */
function checkHook(check: (request: FastifyRequest) => void) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    try {
      check(request);
      done();
    } catch (err) {
      done(err as Error);
    }
  };
}

/** Fastify's schema compilers replaced by ones that load nothing: every schema valid, every answer JSON.stringify. */
const NO_SCHEMA_COMPILERS = {
  buildValidator: () => () => () => true,
  buildSerializer: () => () => JSON.stringify,
} as unknown as NonNullable<FastifyServerOptions['schemaController']>['compilersFactory'];

/** The liveness answer, serialised once. */
const HEALTHY = JSON.stringify({ status: 'ok' });
const HEALTHY_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** Fastify's option for the configured proxies; a hop count trusts that many hops nearest the server. */
function trustProxyOption(trust: boolean | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
