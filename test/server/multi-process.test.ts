import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type Platform, startPlatform } from '../../src/server/start-platform.js';
import { migrate, openStore } from '../../src/store/database.js';
import { ApiClient } from '../helpers/api-client.js';
import { freshPostgres, postgresAvailable, type TestDatabase } from '../helpers/databases.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';

const ADMIN = { email: 'root@example.test', displayName: 'Root', password: 'a very long admin passphrase' };
const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

describe.runIf(await postgresAvailable())('several processes starting together on one fresh PostgreSQL', () => {
  let db: TestDatabase;
  const platforms: Platform[] = [];
  afterAll(async () => {
    await Promise.all(platforms.map((p) => p.close()));
    await db?.drop();
  });

  it('migrate and import the bundled edition once; every printed setup link works whichever process answers', async () => {
    db = await freshPostgres();
    const config = testConfig({ databaseUrl: db.databaseUrl, dataDir: tempDir().path });
    const started = await Promise.all(
      [0, 1, 2].map(() => startPlatform(config, { print: () => undefined, ...(db.pgSchema ? { pgSchema: db.pgSchema } : {}) })),
    );
    platforms.push(...started);
    const links = started.map((p) => p.setupUrl);
    expect(links.every((l) => typeof l === 'string')).toBe(true);
    expect(new Set(links).size).toBe(3);

    // The link printed by the first process, used through the last one.
    const viaLast = new ApiClient(started[2]?.app as Platform['app']);
    await viaLast.session();
    const done = await viaLast.request('POST', '/api/setup', { ...ADMIN, token: tokenOf(links[0] as string) });
    expect(done.statusCode).toBe(201);

    // Once an administrator exists no link works, from any process.
    const viaFirst = new ApiClient(started[0]?.app as Platform['app']);
    await viaFirst.session();
    const again = await viaFirst.request('POST', '/api/setup', { ...ADMIN, email: 'b@example.test', token: tokenOf(links[1] as string) });
    expect(again.statusCode).toBe(409);

    for (const p of started) expect((await p.app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ status: 'ready' });
  });
});

describe.runIf(await postgresAvailable())('limits shared by two processes on one PostgreSQL', () => {
  it('counts login attempts of one client address across both processes', async () => {
    const db = await freshPostgres();
    const stores = [db.open(), db.open()];
    await migrate(stores[0] as ReturnType<typeof db.open>);
    const config = testConfig({ loginRatePerMinute: 4 });
    const apps = await Promise.all(stores.map((store) => buildApp({ ctx: { store, config, now: () => new Date() } })));
    const clients = apps.map((app) => new ApiClient(app));
    for (const c of clients) await c.session();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      // Twelve different emails would not help either: the limit is per address and route.
      const res = await clients[i % 2]?.request('POST', '/api/auth/login', { email: `u${i}@example.test`, password: 'wrong password here' });
      statuses.push(res?.statusCode ?? 0);
    }
    expect(statuses.slice(0, 4).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(4)).toEqual([429, 429]);
    await Promise.all(apps.map((a) => a.close()));
    await Promise.all(stores.map((s) => s.close()));
    await db.drop();
  });
});

describe('the client address behind a reverse proxy', () => {
  async function appWith(trustProxy: boolean | string[]) {
    const store = openStore({ sqliteFile: ':memory:' });
    await migrate(store);
    return buildApp({ ctx: { store, config: testConfig({ loginRatePerMinute: 2, trustProxy }), now: () => new Date() } });
  }

  async function loginStatuses(app: Awaited<ReturnType<typeof appWith>>, forwardedFor: string[]): Promise<number[]> {
    const c = new ApiClient(app);
    await c.session();
    const out: number[] = [];
    for (const xff of forwardedFor) {
      const res = await c.request(
        'POST',
        '/api/auth/login',
        { email: 'x@example.test', password: 'wrong password here' },
        { headers: { 'x-forwarded-for': xff } },
      );
      out.push(res.statusCode);
    }
    return out;
  }

  it('is the proxy itself while no proxy is trusted (the default): one limit for everybody behind it', async () => {
    const app = await appWith(false);
    const statuses = await loginStatuses(app, ['203.0.113.1', '203.0.113.1', '203.0.113.2']);
    expect(statuses[2]).toBe(429);
    await app.close();
  });

  it('is the forwarded client when the proxy is trusted: each client has its own limit', async () => {
    const app = await appWith(['127.0.0.1']);
    const statuses = await loginStatuses(app, ['203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.1']);
    expect(statuses[2]).not.toBe(429);
    expect(statuses[3]).toBe(429);
    await app.close();
  });
});

describe('readiness', () => {
  it('answers 503 once the process is shutting down, so the proxy stops sending it requests', async () => {
    const store = openStore({ sqliteFile: ':memory:' });
    await migrate(store);
    const app = await buildApp({ ctx: { store, config: testConfig(), now: () => new Date() } });
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    app.tebikiState.draining = true;
    const res = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('unavailable');
    await app.close();
  });
});
