import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startNginxProxy } from '../test/helpers/nginx-proxy.js';
import { freePort, stop } from './lib/harness.js';

/**
 * Issue 22: 50 concurrent users for a fixed time doing what people do — browse the
 * matrix and items, search in Japanese and English, open an assessment, answer
 * an item (on one assessment all share, and on one of the user's own), export a
 * checksheet — against (a) SQLite, one process; (b) PostgreSQL,
 * one process; (c) PostgreSQL, two processes behind Debian's nginx. Each prints
 * throughput, p50, p99 and errors, beside GET /api/health driven the same way in
 * the same run. Loopback only.
 */
const PASSWORD = 'Load-Bench-Passphrase-2026';
const PG_URL = process.env.TEBIKI_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

interface Server {
  url: string;
  stop(): Promise<void>;
}

async function startServer(root: string, env: Record<string, string>): Promise<{ child: ChildProcess; setupToken: Promise<string | null> }> {
  const child = spawn('node', [join(root, 'dist/src/server/main.js')], {
    env: { ...process.env, TEBIKI_LOG_LEVEL: 'silent', TEBIKI_LOGIN_RATE_PER_MINUTE: '10000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const setupToken = new Promise<string | null>((resolve) => {
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /setup#token=([A-Za-z0-9_-]+)/.exec(out);
      if (m) resolve(m[1] ?? null);
      else if (/serving edition/.test(out) && !/no administrator/.test(out)) setTimeout(() => resolve(null), 200);
    });
  });
  return { child, setupToken };
}

async function ready(url: string): Promise<void> {
  for (;;) {
    const ok = await fetch(`${url}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A user's session over fetch: cookies and the CSRF token. */
class User {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    if (set.length) {
      const jar = new Map(
        this.cookie
          .split('; ')
          .filter(Boolean)
          .map((kv) => [kv.split('=')[0] ?? '', kv] as const),
      );
      for (const kv of set) jar.set(kv.split('=')[0] ?? '', kv);
      this.cookie = [...jar.values()].join('; ');
    }
    const type = res.headers.get('content-type') ?? '';
    let json: unknown = null;
    if (type.includes('json')) json = await res.json();
    else await res.arrayBuffer();
    return { status: res.status, json };
  }
  async setUp(token: string): Promise<{ status: number; json: unknown }> {
    this.csrf = ((await this.call('GET', '/api/session')).json as { csrfToken: string }).csrfToken;
    return this.call('POST', '/api/setup', { token, email: 'admin@example.test', displayName: 'Admin', password: PASSWORD });
  }
  async login(email: string): Promise<void> {
    this.csrf = ((await this.call('GET', '/api/session')).json as { csrfToken: string }).csrfToken;
    const res = await this.call('POST', '/api/auth/login', { email, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.json)}`);
    this.csrf = (res.json as { csrfToken: string }).csrfToken;
  }
}

interface World {
  edition: string;
  assessmentId: string;
  items: { requirementId: string }[];
  /** One assessment of each user's own, as most assessments are worked on: answers there queue behind nobody's. */
  own: string[];
}

/** The first admin, an organisation, a product, an assessment of the whole edition that all users share, one of each user's own, and 50 assessor accounts. */
async function seed(base: string, setupToken: string, users: number): Promise<World> {
  const setup = await new User(base).setUp(setupToken);
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.json)}`);
  const a = new User(base);
  await a.login('admin@example.test');
  const edition = ((await a.call('GET', '/api/editions')).json as { current: string }).current;
  const org = (await a.call('POST', '/api/organisations', { name: 'Load 株式会社' })).json as { id: string };
  const product = (await a.call('POST', `/api/organisations/${org.id}/products`, { name: 'Gateway', model: null })).json as { id: string };
  for (let i = 0; i < users; i++) {
    const r = await a.call('POST', '/api/admin/users', {
      email: `user${i}@example.test`,
      displayName: `User ${i}`,
      password: PASSWORD,
      role: 'assessor',
      organisationId: null,
    });
    if (r.status !== 201) throw new Error(`user ${i}: ${r.status} ${JSON.stringify(r.json)}`);
  }
  const assessment = async (title: string) => {
    const created = await a.call('POST', '/api/assessments', {
      productId: product.id,
      title,
      productVersion: '1.0',
      editionId: edition,
      spec: { layers: [], phases: [], profile: null },
    });
    if (created.status !== 201) throw new Error(`assessment: ${created.status} ${JSON.stringify(created.json)}`);
    return created.json as { id: string; items: { requirementId: string }[] };
  };
  const view = await assessment('Load');
  const own: string[] = [];
  for (let i = 0; i < users; i++) own.push((await assessment(`Load ${i}`)).id);
  return { edition, assessmentId: view.id, items: view.items, own };
}

interface Figures {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

function figures(latencies: number[], errors: number, seconds: number): Figures {
  const sorted = [...latencies].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { requests: latencies.length, errors, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/** What one request of a user did: its action's name, whether it succeeded. */
type Step = (user: number, n: number) => Promise<{ action: string; ok: boolean }>;

/** `users` loops for `seconds`, each running `step` over and over; latency of every request, overall and by action. */
async function drive(users: number, seconds: number, step: Step): Promise<Figures & { byAction: Map<string, Figures> }> {
  const latencies: number[] = [];
  const byAction = new Map<string, { latencies: number[]; errors: number }>();
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let n = 0; Date.now() < end; n++) {
        const t = performance.now();
        const { action, ok } = await step(u, n).catch(() => ({ action: 'failed', ok: false }));
        const took = performance.now() - t;
        latencies.push(took);
        const kept = byAction.get(action) ?? { latencies: [], errors: 0 };
        kept.latencies.push(took);
        if (!ok) {
          errors += 1;
          kept.errors += 1;
        }
        byAction.set(action, kept);
      }
    }),
  );
  return {
    ...figures(latencies, errors, seconds),
    byAction: new Map([...byAction].map(([action, kept]) => [action, figures(kept.latencies, kept.errors, seconds)])),
  };
}

async function scenario(name: string, base: string, setupToken: string, options: { users: number; seconds: number }) {
  const world = await seed(base, setupToken, options.users);
  const people = await Promise.all(
    Array.from({ length: options.users }, async (_, i) => {
      const u = new User(base);
      await u.login(`user${i}@example.test`);
      return u;
    }),
  );
  /** User u answers one item of one assessment again and again, each time with the version its last write made. */
  const answering = (assessmentOf: (u: number) => string, itemOf: (u: number) => string) => {
    const versions = new Map<number, number>();
    return async (u: number) => {
      const version = versions.get(u) ?? 0;
      const res = await people[u]?.call('PUT', `/api/assessments/${assessmentOf(u)}/answers/${encodeURIComponent(itemOf(u))}`, {
        verdict: version % 2 ? 'pass' : 'fail',
        evidence: `load ${version}`,
        comment: '',
        version,
      });
      if (res?.status === 200) versions.set(u, version + 1);
      return res?.status === 200;
    };
  };
  const e = encodeURIComponent(world.edition);
  const actions: [string, (u: number) => Promise<boolean>][] = [
    ['matrix', async (u) => (await people[u]?.call('GET', `/api/editions/${e}/matrix`))?.status === 200],
    [
      'item',
      async (u) =>
        (await people[u]?.call('GET', `/api/editions/${e}/requirements/${encodeURIComponent(world.items[u % world.items.length]?.requirementId ?? '')}`))
          ?.status === 200,
    ],
    ['search ja', async (u) => (await people[u]?.call('GET', `/api/editions/${e}/search?q=${encodeURIComponent('認証')}`))?.status === 200],
    ['search en', async (u) => (await people[u]?.call('GET', `/api/editions/${e}/search?q=firmware`))?.status === 200],
    ['assessment', async (u) => (await people[u]?.call('GET', `/api/assessments/${world.assessmentId}`))?.status === 200],
    // Each user answers its own item, so writers never collide: every 409 would be a bug.
    [
      'answer',
      answering(
        () => world.assessmentId,
        (u) => world.items[u % world.items.length]?.requirementId ?? '',
      ),
    ],
    // The same write on the user's own assessment: what one writer waits, without 49 others on the same row.
    [
      'answer own',
      answering(
        (u) => world.own[u] ?? '',
        () => world.items[0]?.requirementId ?? '',
      ),
    ],
    [
      'export',
      async (u) =>
        (
          await people[u]?.call('POST', '/api/checksheets/export?format=json&lang=ja', {
            editionId: world.edition,
            spec: { layers: ['device'], phases: [], profile: null },
          })
        )?.status === 200,
    ],
  ];
  // Each action alone, one after another (the median of five, after one to warm up): what a request costs without the queue.
  const alone = new Map<string, number>();
  for (const [action, run] of actions) {
    const took: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      await run(0);
      if (i > 0) took.push(performance.now() - t);
    }
    alone.set(action, took.sort((x, y) => x - y)[2] ?? 0);
  }
  const health = await drive(options.users, Math.max(3, Math.round(options.seconds / 4)), async (u) => ({
    action: 'health',
    ok: (await people[u]?.call('GET', '/api/health'))?.status === 200,
  }));
  const work = await drive(options.users, options.seconds, async (u, n) => {
    const [action, run] = actions[(u + n) % actions.length] ?? ['none', async () => false];
    return { action, ok: await run(u) };
  });
  const ratio = work.perSecond / health.perSecond;
  console.log(
    `load ${name.padEnd(34)} ${work.perSecond.toFixed(0).padStart(6)} req/s p50 ${work.p50.toFixed(1)} ms p99 ${work.p99.toFixed(1)} ms errors ${work.errors} | baseline /api/health same users: ${health.perSecond.toFixed(0)} req/s p50 ${health.p50.toFixed(1)} ms | ratio ${ratio.toFixed(2)}`,
  );
  // Which action the time goes to (each user cycles through all of them in turn).
  for (const [action, f] of work.byAction) {
    console.log(
      `       ${action.padEnd(12)} ${f.requests} requests p50 ${f.p50.toFixed(1)} ms p99 ${f.p99.toFixed(1)} ms errors ${f.errors} | alone ${(alone.get(action) ?? 0).toFixed(1)} ms`,
    );
  }
  return { name, work, health, ratio };
}

export async function loadBench(options: { seconds: number; users?: number }) {
  const root = join(import.meta.dirname, '..');
  const users = options.users ?? 50;
  const results = [];

  // (a) SQLite, one process.
  {
    const dir = mkdtempSync(join(tmpdir(), 'tebiki-load-'));
    const port = await freePort();
    const s = await startServer(root, { PORT: String(port), HOST: '127.0.0.1', TEBIKI_DATA_DIR: dir, DATABASE_URL: '' });
    const base = `http://127.0.0.1:${port}`;
    await ready(base);
    results.push(await scenario('(a) SQLite, 1 process', base, (await s.setupToken) ?? '', { users, seconds: options.seconds }));
    await stop(s.child);
    rmSync(dir, { recursive: true, force: true });
  }

  // (b) and (c): PostgreSQL, each on a schema of its own.
  for (const processes of [1, 2]) {
    const schema = `load_${Date.now().toString(36)}_${processes}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dir = mkdtempSync(join(tmpdir(), 'tebiki-load-'));
    const ports = await Promise.all(Array.from({ length: processes }, () => freePort()));
    const servers = await Promise.all(
      ports.map((port) =>
        startServer(root, { PORT: String(port), HOST: '127.0.0.1', TEBIKI_DATA_DIR: dir, DATABASE_URL: url.toString(), TEBIKI_TRUST_PROXY: '127.0.0.1' }),
      ),
    );
    for (const port of ports) await ready(`http://127.0.0.1:${port}`);
    const proxy: Server | null = processes > 1 ? await startNginxProxy(ports) : null;
    const base = proxy ? proxy.url : `http://127.0.0.1:${ports[0]}`;
    const token = (await Promise.all(servers.map((s) => s.setupToken))).find(Boolean) ?? '';
    const label = processes > 1 ? '(c) PostgreSQL, 2 processes + nginx' : '(b) PostgreSQL, 1 process';
    results.push(await scenario(label, base, token, { users, seconds: options.seconds }));
    await proxy?.stop();
    for (const s of servers) await stop(s.child);
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await loadBench({ seconds: process.argv.includes('--quick') ? 5 : 60 });
}
