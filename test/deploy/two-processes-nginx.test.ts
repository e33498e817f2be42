import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshPostgres, postgresAvailable, type TestDatabase } from '../helpers/databases.js';
import { HttpSession } from '../helpers/http-session.js';
import { freePort, type NginxProxy, nginxPresent, startNginxProxy } from '../helpers/nginx-proxy.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Two real server processes on one PostgreSQL behind Debian's nginx (round robin),
 * as docs/DEPLOY.md describes, and a journey driven through the proxy.
 */
const ADMIN = { email: 'root@example.test', displayName: 'Root', password: 'Correct-Horse-Battery-Staple-42' };
const NEXT = '2099.1';
const ASSESSOR = { email: 'assessor@example.test', displayName: '診断員', password: 'Another-Long-Passphrase-77' };

/** A loopback web service whose answers never end (a byte now and then): a probe run on it lasts until its budgets run out, or until cancelled. */
async function tricklingService(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 1000000\r\n\r\n');
    const timer = setInterval(() => socket.write('x'), 500);
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const run = (await postgresAvailable()) && nginxPresent();

/** One failed login sent from a given loopback source address (a CSRF cookie fetched first); the status. */
async function loginFrom(localAddress: string, base: string, email: string): Promise<number> {
  const call = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const url = new URL(path, base);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method, localAddress, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const session = await call('GET', '/api/session', {});
  const cookie = (session.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(session.text) as { csrfToken: string };
  const body = JSON.stringify({ email, password: 'wrong password here' });
  return (await call('POST', '/api/auth/login', { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body)).status;
}

describe.runIf(run)('two processes on one PostgreSQL behind nginx', () => {
  let db: TestDatabase;
  let proxy: NginxProxy;
  const ports: number[] = [];
  const servers: ServerProcess[] = [];
  const dir = tempDir();

  beforeAll(async () => {
    db = await freshPostgres();
    for (let i = 0; i < 2; i += 1) ports.push(await freePort());
    // Both start at once on the fresh database: migrations and the bundled import run once.
    for (const port of ports) {
      servers.push(
        startServerProcess({
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: db.databaseUrl as string,
          TEBIKI_DATA_DIR: dir.path,
          TEBIKI_TRUST_PROXY: '127.0.0.1',
          TEBIKI_LOGIN_RATE_PER_MINUTE: '10',
        }),
      );
    }
    await Promise.all(servers.map((s) => s.waitFor(/serving edition/)));
    proxy = await startNginxProxy(ports);
  }, 180_000);

  afterAll(async () => {
    await proxy?.stop();
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await db?.drop();
    dir.remove();
  });

  const direct = (i: number) => new HttpSession(`http://127.0.0.1:${ports[i]}`);

  it('both processes started on the fresh database; a setup link printed by either works through the proxy', async () => {
    const links = await Promise.all(servers.map((s) => s.waitFor(/\/setup#token=([A-Za-z0-9_-]+)/)));
    const admin = new HttpSession(proxy.url);
    await admin.refreshCsrf();
    const setup = await admin.request('POST', '/api/setup', { ...ADMIN, token: links[1]?.[1] });
    expect(setup.status, JSON.stringify(setup.body)).toBe(201);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
  });

  it('an edition published through the proxy is served by both processes', async () => {
    const editor = new HttpSession(proxy.url);
    expect(await editor.login(ADMIN.email, ADMIN.password)).toBe(200);
    const opened = await editor.request('POST', '/api/drafts', { id: NEXT, title: { ja: '試験版', en: 'Trial edition' } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const published = await editor.request('POST', `/api/drafts/${NEXT}/publish`, { changelog: { ja: '試験のための版。', en: 'An edition for the test.' } });
    expect(published.status, JSON.stringify(published.body)).toBeLessThan(300);
    for (const i of [0, 1]) {
      const viewer = direct(i);
      expect(await viewer.login(ADMIN.email, ADMIN.password)).toBe(200);
      expect(((await viewer.request('GET', '/api/editions')).body as { current: string }).current).toBe(NEXT);
    }
  });

  describe('an assessment worked on through both processes', () => {
    let assessmentId: string;
    let requirementId: string;
    const sessions: HttpSession[] = [];

    beforeAll(async () => {
      const admin = new HttpSession(proxy.url);
      expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
      const org = await admin.request('POST', '/api/organisations', { name: '二台構成 株式会社' });
      expect(org.status, JSON.stringify(org.body)).toBe(201);
      const orgId = (org.body as { id: string }).id;
      const product = await admin.request('POST', `/api/organisations/${orgId}/products`, { name: 'ゲートウェイ', model: 'GW-2' });
      expect(product.status, JSON.stringify(product.body)).toBe(201);
      const user = await admin.request('POST', '/api/admin/users', { ...ASSESSOR, role: 'assessor', organisationId: null });
      expect(user.status, JSON.stringify(user.body)).toBe(201);
      for (const i of [0, 1]) {
        const session = direct(i);
        expect(await session.login(ASSESSOR.email, ASSESSOR.password)).toBe(200);
        sessions.push(session);
      }
      const created = await (sessions[0] as HttpSession).request('POST', '/api/assessments', {
        productId: (product.body as { id: string }).id,
        title: '二台構成での診断',
        productVersion: '2.0.0',
        editionId: NEXT,
        spec: { layers: ['device'], phases: [], profile: null },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const body = created.body as { id: string; items: { requirementId: string }[] };
      assessmentId = body.id;
      requirementId = body.items[0]?.requirementId as string;
    });

    it('answers written alternately through each process are read fresh by the other, with their results; a stale version is refused', async () => {
      const url = `/api/assessments/${assessmentId}/answers/${requirementId}`;
      for (let version = 0; version < 6; version += 1) {
        const writer = sessions[version % 2] as HttpSession;
        const reader = sessions[(version + 1) % 2] as HttpSession;
        const evidence = `書き込み ${version + 1}`;
        const put = await writer.request('PUT', url, { verdict: version % 2 ? 'fail' : 'pass', evidence, comment: '', version });
        expect(put.status, JSON.stringify(put.body)).toBe(200);
        const read = await reader.request('GET', `/api/assessments/${assessmentId}`);
        const answer = (read.body as { answers: { requirementId: string; evidence: string; version: number }[] }).answers.find(
          (x) => x.requirementId === requirementId,
        );
        expect(answer).toMatchObject({ evidence, version: version + 1 });
        // The results the writer's transaction kept are the ones the other process serves.
        const results = await reader.request('GET', `/api/assessments/${assessmentId}/results`);
        const counts = (results.body as { scores: { overall: { counts: Record<string, number> } } }).scores.overall.counts;
        expect(counts).toMatchObject(version % 2 ? { fail: 1, pass: 0 } : { pass: 1, fail: 0 });
      }
      const stale = await (sessions[1] as HttpSession).request('PUT', url, { verdict: 'pass', evidence: '古い版から', comment: '', version: 3 });
      expect(stale.status).toBe(409);
    });

    it('a probe run started through one process is watched and cancelled through the other', { timeout: 180_000 }, async () => {
      const target = await tricklingService();
      try {
        const scope = [
          'name: two processes',
          'authorisedBy: 山田 太郎 (Example Corp)',
          'window: { from: 2026-01-01T00:00:00Z, to: 2099-12-31T00:00:00Z }',
          'targets:',
          '  - host: 127.0.0.1',
          '    services:',
          `      - { port: ${target.port}, kind: http }`,
        ].join('\n');
        const runs = `/api/assessments/${assessmentId}/probe-runs`;
        const started = await (sessions[0] as HttpSession).request('POST', runs, { scope, fileName: 'two.yaml' });
        expect(started.status, JSON.stringify(started.body)).toBe(202);
        const runId = (started.body as { id: string }).id;
        const stateOn = (i: number, state: string) =>
          vi.waitFor(
            async () => expect(((await (sessions[i] as HttpSession).request('GET', `${runs}/${runId}`)).body as { state: string }).state).toBe(state),
            { timeout: 90_000, interval: 200 },
          );
        await stateOn(1, 'running');
        const cancel = await (sessions[1] as HttpSession).request('POST', `${runs}/${runId}/cancel`);
        expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
        await stateOn(0, 'cancelled');
      } finally {
        await target.close();
      }
    });
  });

  it('the login rate limit holds per client whichever process answers', async () => {
    // The guesser reaches nginx from its own loopback address, so its count is its own.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push(await loginFrom('127.0.0.9', proxy.url, `nobody${i}@example.test`));
    }
    expect(statuses.slice(0, 10)).not.toContain(429);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('a stopping process finishes the request in flight, then exits cleanly', async () => {
    const port = ports[1] as number;
    const body = JSON.stringify({ email: 'late@example.test', password: 'wrong password here' });
    const half = Math.floor(body.length / 2);
    const response = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': body.length } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      // The server has the request once another request on a new connection has been answered after it;
      // it is stopping once it refuses new connections. Only then does the rest of the body follow.
      fetch(`http://127.0.0.1:${port}/api/health`)
        .then(async () => {
          servers[1]?.child.kill('SIGTERM');
          while (
            await fetch(`http://127.0.0.1:${port}/api/health`).then(
              () => true,
              () => false,
            )
          ) {
            // still accepting connections: shutdown has not begun yet
          }
          req.end(body.slice(half));
        })
        .catch(reject);
    });
    const status = await response;
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(await servers[1]?.exited).toBe(0);
    // The proxy still serves through the process that is left.
    expect((await fetch(`${proxy.url}/api/ready`)).status).toBe(200);
  });
});
