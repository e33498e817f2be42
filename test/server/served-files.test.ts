import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { migrate, openStore, type Store } from '../../src/store/database.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';

// The web UI's files and the API documentation are served by routes listed at
// start (src/server/file-routes.ts): each file at its path, with validators for
// caches, and nothing else of the disk.
describe('served files', () => {
  const dir = tempDir();
  let store: Store;
  let app: FastifyInstance;
  const html = { accept: 'text/html,application/xhtml+xml' };

  beforeAll(async () => {
    mkdirSync(join(dir.path, 'assets'));
    writeFileSync(join(dir.path, 'index.html'), '<!doctype html><title>tebiki</title>');
    writeFileSync(join(dir.path, 'assets', 'index-abc.js'), 'console.log("ui");');
    store = openStore({ sqliteFile: ':memory:' });
    await migrate(store);
    app = await buildApp({ ctx: { store, config: testConfig(), now: () => new Date() }, webDir: dir.path });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    dir.remove();
  });

  it('gives pages the page security headers, and API answers those for APIs (nothing allowed, never framed)', async () => {
    for (const url of ['/', '/assets/index-abc.js', '/api/docs']) {
      const page = await app.inject({ method: 'GET', url, headers: html });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(page.headers['permissions-policy'], url).toContain('camera=()');
      expect(page.headers['x-frame-options'], url).toBe('DENY');
      expect(page.headers['x-content-type-options'], url).toBe('nosniff');
    }
    // Health, readiness and HEAD set their headers without a hook; a refused NUL answers before any route does,
    // and a malformed URL before routing (Fastify's framework errors).
    for (const [method, url] of [
      ['GET', '/api/health'],
      ['HEAD', '/api/health'],
      ['GET', '/api/ready'],
      ['GET', '/api/session'],
      ['GET', '/api/nothing-here'],
      ['GET', '/api/editions?q=%00'],
      ['GET', '/api/%zz'],
    ] as const) {
      const answer = await app.inject({ method, url });
      expect(answer.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers['x-frame-options'], url).toBe('DENY');
      expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
      expect(answer.headers['referrer-policy'], url).toBe('no-referrer');
      expect(answer.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(answer.headers['cross-origin-opener-policy'], url).toBeUndefined();
    }
  });

  it('serves each file of the UI with its type and a validator, and answers a revalidation with 304', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.body).toBe('console.log("ui");');
    expect(js.headers.etag).toBeTruthy();
    expect(js.headers['content-security-policy']).toContain("script-src 'self'");
    const again = await app.inject({ method: 'GET', url: '/assets/index-abc.js', headers: { 'if-none-match': String(js.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-abc.js' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    const root = await app.inject({ method: 'GET', url: '/', headers: html });
    expect(root.statusCode).toBe(200);
    expect(root.headers['content-type']).toMatch(/^text\/html/);
    expect(root.body).toContain('<title>tebiki</title>');
  });

  it('answers HEAD as the GET of the same URL without its body, for the API and the files alike', async () => {
    for (const url of ['/api/health', '/api/session', '/api/editions', '/api/nope', '/assets/index-abc.js', '/api/docs/json']) {
      const get = await app.inject({ method: 'GET', url });
      const head = await app.inject({ method: 'HEAD', url });
      expect(head.statusCode, url).toBe(get.statusCode);
      expect(head.body, url).toBe('');
      expect(head.headers['content-type'], url).toBe(get.headers['content-type']);
      expect(head.headers['content-length'], url).toBe(String(get.rawPayload.length));
      expect(head.headers['content-security-policy'], url).toBe(get.headers['content-security-policy']);
    }
  });

  it('answers a path that is not a listed file as not found, and never walks out of the folder', async () => {
    for (const url of ['/assets/missing.js', '/assets/../../etc/passwd', '/etc/passwd', '/index.html.bak', '/assets/index-abc.js/']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toContain('application/problem+json');
    }
    // A client route asked for as a page gets the UI's index.html.
    const page = await app.inject({ method: 'GET', url: '/assessments/42', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>tebiki</title>');
  });

  it('serves the API documentation page with every file it loads, and the OpenAPI document built from the zod inputs', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    const loaded = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(loaded.length).toBeGreaterThanOrEqual(4);
    for (const url of loaded) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body.length, url).toBeGreaterThan(50);
    }
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
    };
    const login = doc.paths['/api/auth/login']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(login?.properties ?? {})).toEqual(expect.arrayContaining(['email', 'password']));
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/assets') || p.startsWith('/api/docs'))).toBe(false);
    const yaml = await app.inject({ method: 'GET', url: '/api/docs/yaml' });
    expect(yaml.statusCode).toBe(200);
    expect(yaml.body).toContain('/api/auth/login');
  });
});
