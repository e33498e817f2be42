import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import { migrate, openStore, type Store } from '../../src/store/database.js';
import { ApiClient } from '../helpers/api-client.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';

const ADMIN = { email: 'root@example.test', displayName: 'Root', password: 'a very long admin passphrase' };

/** A server on an in-memory SQLite database with a clock the test moves. */
async function setUp(configOverrides = {}) {
  const store: Store = openStore({ sqliteFile: ':memory:' });
  await migrate(store);
  let now = new Date('2026-11-25T09:00:00Z');
  const ctx: ServiceContext = { store, config: testConfig(configOverrides), now: () => now };
  const app = await buildApp({ ctx });
  const link = (await issueSetupLink(ctx)) as string;
  return {
    app,
    store,
    ctx,
    link,
    token: new URL(link).hash.replace('#token=', ''),
    advance: (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}

describe('first start and setup link', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    env = await setUp();
  });
  afterAll(async () => env.app.close());

  it('carries its token in the URL fragment, never in the query string', () => {
    const url = new URL(env.link);
    expect(url.pathname).toBe('/setup');
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a wrong token and a weak password, naming the field', async () => {
    const c = new ApiClient(env.app);
    await c.session();
    const wrong = await c.request('POST', '/api/setup', { ...ADMIN, token: 'nope' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('setup-token-invalid');
    const weak = await c.request('POST', '/api/setup', { ...ADMIN, password: 'short', token: env.token });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ path: 'password' });
  });

  it('creates the first administrator once; the link then stops working', async () => {
    const c = new ApiClient(env.app);
    expect((await c.session()).setupRequired).toBe(true);
    expect((await c.request('POST', '/api/setup', { ...ADMIN, token: env.token })).statusCode).toBe(201);
    const again = await c.request('POST', '/api/setup', { ...ADMIN, email: 'x@example.test', token: env.token });
    expect(again.statusCode).toBe(409);
    expect((await c.session()).setupRequired).toBe(false);
    expect(await issueSetupLink(env.ctx)).toBeNull();
    const stored = await env.store.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('sessions', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    env = await setUp({ sessionIdleMinutes: 30, sessionMaxHours: 2, loginMaxAttempts: 3, lockoutMinutes: 15 });
    const c = new ApiClient(env.app);
    await c.session();
    await c.request('POST', '/api/setup', { ...ADMIN, token: env.token });
  });
  afterAll(async () => env.app.close());

  it('sets an HttpOnly, SameSite=Strict session cookie and never puts the session in the body', async () => {
    const c = new ApiClient(env.app);
    await c.session();
    const res = await c.request('POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'tebiki_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(JSON.stringify(res.json())).not.toContain(cookie?.value);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('ends after the idle timeout', async () => {
    const c = new ApiClient(env.app);
    await c.login(ADMIN.email, ADMIN.password);
    env.advance(29);
    expect((await c.session()).user).not.toBeNull();
    env.advance(29); // active 29 minutes ago: still alive
    expect((await c.session()).user).not.toBeNull();
    env.advance(31);
    expect((await c.session()).user).toBeNull();
  });

  it('ends at its absolute lifetime even when active', async () => {
    const c = new ApiClient(env.app);
    await c.login(ADMIN.email, ADMIN.password);
    for (let i = 0; i < 5; i++) {
      env.advance(20);
      expect((await c.session()).user).not.toBeNull();
    }
    env.advance(25); // 125 minutes > 2 hours
    expect((await c.session()).user).toBeNull();
  });

  it('logout ends the session on the server', async () => {
    const c = new ApiClient(env.app);
    await c.login(ADMIN.email, ADMIN.password);
    expect((await c.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await c.session()).user).toBeNull();
  });

  it('blocks a client on an email after repeated failures, known or not, and lets it in after the block', async () => {
    const c = new ApiClient(env.app);
    await c.session();
    for (const email of [ADMIN.email, 'nobody@example.test']) {
      for (let i = 0; i < 3; i++) {
        const r = await c.request('POST', '/api/auth/login', { email, password: 'wrong password here' });
        expect(r.statusCode).toBe(401);
        expect(r.json().code).toBe('invalid-credentials');
      }
      const locked = await c.request('POST', '/api/auth/login', { email, password: ADMIN.password });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('login-blocked');
    }
    env.advance(16);
    expect((await c.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  });

  it('rate-limits login attempts from one address', async () => {
    const limited = await setUp({ loginRatePerMinute: 10 });
    const c = new ApiClient(limited.app);
    await c.session();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await c.request('POST', '/api/auth/login', { email: `r${i}@example.test`, password: 'whatever whatever' })).statusCode);
    }
    expect(codes.slice(0, 10).every((code) => code === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    await limited.app.close();
  });
});

describe('HTTP surface', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = (await setUp()).app;
  });
  afterAll(async () => app.close());

  it('answers health, sends a strict CSP and other security headers', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
    // An API answer is never a page: its CSP allows nothing at all (pages get theirs: served-files.test.ts).
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('answers unknown routes and bad input with problem+json', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ type: 'urn:tebiki:problem:not-found', status: 404, code: 'not-found' });
    const c = new ApiClient(app);
    await c.session();
    const bad = await c.request('POST', '/api/auth/login', { email: 42 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation-failed' });
  });

  it('publishes the OpenAPI document at /api/docs', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/editions/{id}/matrix']));
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('web UI serving', () => {
  it('serves index.html for client routes, including phase ids with dots, and problem+json under /api', async () => {
    const dir = tempDir();
    writeFileSync(join(dir.path, 'index.html'), '<!doctype html><title>tebiki</title>');
    const store = openStore({ sqliteFile: ':memory:' });
    await migrate(store);
    const app = await buildApp({ ctx: { store, config: testConfig(), now: () => new Date() }, webDir: dir.path });
    try {
      const html = { accept: 'text/html,application/xhtml+xml' };
      for (const url of ['/', '/login', '/matrix/service/design.architecture', '/requirements/design-auth-user-authentication']) {
        const r = await app.inject({ method: 'GET', url, headers: html });
        expect(r.statusCode, url).toBe(200);
        expect(r.body).toContain('<title>tebiki</title>');
        expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      }
      const api = await app.inject({ method: 'GET', url: '/api/nope', headers: html });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
    } finally {
      await app.close();
      dir.remove();
    }
  });
});
