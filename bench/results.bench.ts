import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { VERDICTS } from '../src/core/assessment/verdicts.js';
import { snapshotOf } from '../src/services/assessment-records.js';
import { keepCurrentResults } from '../src/services/assessment-results.service.js';
import type { ServiceContext } from '../src/services/context.js';
import { issueSetupLink } from '../src/services/setup.service.js';
import { insertAssessment } from '../src/store/assessments.repository.js';
import { assessmentBenchStore, benchAnswerRow, benchAssessmentRow } from './lib/assessment-store.js';
import { freePort, report, serverCpu, startAndTime, stop, untilIdle } from './lib/harness.js';
import { loadUrl, oneByOne, timedOneByOne } from './lib/load-client.js';

/**
 * Issue 6: GET /api/assessments/:id/results (scores, readiness for both
 * schemes, reachable standards) for one assessment of 300 answers in a SQLite
 * store holding 1,000 such assessments, beside GET /api/health of the same
 * server measured in the same run. Issue 22: uncached (another assessment each
 * time, none in the server's memory) with the results kept by the answers'
 * write transaction, and with nothing kept (computed on the read: the
 * fallback, as for results written before an upgrade that the server's
 * background keeper has not reached yet); what keeping costs a write; and how
 * fast the keeper keeps, after start, the results of assessments that have none.
 */
/** How many assessments are read with their results kept (uncached: not in the server's memory), and as many with nothing kept. */
const KEPT_AT_MOST = 400;
let keepMs = 0;
/** Wall time from the server's start until its keeper had kept every assessment seeded without results, per assessment. */
let keeperMs = 0;

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;

/** What a browser sends: the server may compress what it answers. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

export async function resultsBench(options: { seconds: number; assessments?: number; items?: number }) {
  const count = options.assessments ?? 1000;
  const itemCount = options.items ?? 300;
  const keptCount = Math.min(KEPT_AT_MOST, Math.floor((count - 1) / 2));
  // Enough items for a 300-item checksheet: the bundled edition twice over.
  const { dir, store, ctx, items: all, at } = await assessmentBenchStore('tebiki-bench-results-', itemCount);
  const app = await (async () => {
    const items = all.slice(0, itemCount);
    const snapshot = snapshotOf(items);
    const started = process.hrtime.bigint();
    let firstId = '';
    const ids: string[] = [];
    await store.db.transaction().execute(async (trx) => {
      for (let n = 0; n < count; n++) {
        const id = randomUUID();
        firstId ||= id;
        ids.push(id);
        const answers = items.map((item, i) => benchAnswerRow(id, item, VERDICTS[(n + i) % 4] ?? 'pass', at));
        const row = benchAssessmentRow(id, `診断 ${n}`, snapshot.hash, at);
        await insertAssessment(trx, row, snapshot, answers);
      }
    });
    const seeded = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`(seeded ${count} assessments × ${items.length} answers in ${(seeded / 1000).toFixed(1)} s)`);
    // What an answer's write transaction does last: keep the results at the new version. Kept for the
    // first `keptCount` assessments after the first (the rest are read with nothing kept, as after an upgrade).
    const keeping: number[] = [];
    for (const id of ids.slice(1, 1 + keptCount)) {
      const t0 = process.hrtime.bigint();
      await store.db.transaction().execute((trx) => keepCurrentResults(trx, id));
      keeping.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    keepMs = median(keeping);
    // A long-running server's write-ahead log is mostly checkpointed; the seeding left ~75 MB in it.
    await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
    // The server runs as its own process on the seeded data folder, as it is deployed:
    // the load generator below then does not share the server's event loop.
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', TEBIKI_DATA_DIR: dir, TEBIKI_LOG_LEVEL: 'silent', DATABASE_URL: '' };
    const startedAt = process.hrtime.bigint();
    const { child } = await startAndTime('node', [join(import.meta.dirname, '..', 'dist/src/server/main.js')], env, `http://127.0.0.1:${port}/api/health`);
    // The server's keeper keeps, in the background, the results of every assessment seeded without them.
    const unkept = count - keptCount;
    for (;;) {
      const { n } = await store.db
        .selectFrom('assessment_results')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(n) >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    keeperMs = Number(process.hrtime.bigint() - startedAt) / 1e6 / unkept;
    return { child, ctx, firstId, ids, unkept, base: `http://127.0.0.1:${port}` };
  })();

  try {
    const { child, ctx, firstId, ids, unkept, base } = app;
    const cookie = await adminCookie(ctx, base);
    const cpu = serverCpu(child.pid as number);
    const rps = async (path: string, seconds: number) => {
      const before = cpu();
      const result = await loadUrl(`${base}${path}`, { seconds, headers: { cookie, 'accept-encoding': BROWSER_ENCODINGS } });
      return { rps: result.rps, cpuMs: (cpu() - before) / result.total, client: result.client };
    };
    await untilIdle(cpu);
    const resultsPath = `/api/assessments/${firstId}/results`;
    await rps(resultsPath, 1);
    await rps('/api/health', 1);
    // Rounds that alternate results and health, so both meet the same spells of a busy machine.
    const ROUNDS = 5;
    const results = { rps: 0, cpuMs: 0, client: '' };
    const health = { rps: 0, cpuMs: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const r = await rps(resultsPath, Math.max(1, Math.round(options.seconds / ROUNDS)));
      const h = await rps('/api/health', Math.max(1, Math.round(options.seconds / ROUNDS)));
      results.rps += r.rps / ROUNDS;
      results.cpuMs += r.cpuMs / ROUNDS;
      results.client = r.client;
      health.rps += h.rps / ROUNDS;
      health.cpuMs += h.cpuMs / ROUNDS;
    }
    // Uncached: one request after another, each for another assessment (more of them than the results cache holds).
    const sequential = async (paths: string[]) => {
      const before = cpu();
      const rps = await oneByOne(
        paths.map((path) => `${base}${path}`),
        { cookie, 'accept-encoding': BROWSER_ENCODINGS },
      );
      return { rps, cpuMs: (cpu() - before) / paths.length };
    };
    // The same one by one with a health request after each results request: both met the same moments of a
    // busy machine, so their ratio does not move with what else ran during one of two separate batches.
    const alternating = async (paths: string[]) => {
      const took = await timedOneByOne(
        paths.flatMap((path) => [`${base}${path}`, `${base}/api/health`]),
        { cookie, 'accept-encoding': BROWSER_ENCODINGS },
      );
      const rpsOf = (parity: number) => paths.length / (took.filter((_, i) => i % 2 === parity).reduce((a, b) => a + b, 0) / 1000);
      return { rps: rpsOf(0), healthRps: rpsOf(1) };
    };
    const resultsOf = (list: string[]) => list.map((id) => `/api/assessments/${id}/results`);
    // Half of each kind is read alternating with health (throughput), the other half alone (server CPU).
    const half = Math.floor(keptCount / 2);
    const kept = resultsOf(ids.slice(1, 1 + keptCount));
    // Results the keeper has not reached (written before an upgrade): gone again, as if never kept.
    const notKeptIds = ids.slice(1 + keptCount, 1 + 2 * keptCount);
    await store.db.deleteFrom('assessment_results').where('assessment_id', 'in', notKeptIds).execute();
    const notKept = resultsOf(notKeptIds);
    const coldRps = await alternating(kept.slice(0, half));
    const computedRps = await alternating(notKept.slice(0, half));
    const cold = await sequential(kept.slice(half));
    const computed = await sequential(notKept.slice(half));
    // Ten times as many: a health request costs the server so little that fewer would be a tick or two of CPU.
    const healthOneByOne = await sequential(Array.from({ length: 10 * half }, () => '/api/health'));
    // CPU time of the server process per request: steadier than throughput on a busy machine.
    // A ratio above 0.3 means a results request costs less than 3.3 health requests.
    console.log(`(load client: ${results.client})`);
    return [
      report(`GET results, 1 of ${count} × ${itemCount} answers, req/s`, results.rps, 'req/s', 'GET /api/health', health.rps),
      report(`GET results uncached, ${half} assessments one by one, req/s`, coldRps.rps, 'req/s', 'GET /api/health, one after each', coldRps.healthRps),
      report(
        `GET results not kept (fallback: computed on the read), ${half} one by one`,
        computedRps.rps,
        'req/s',
        'GET /api/health, one after each',
        computedRps.healthRps,
      ),
      report('results requests per server CPU second', 1000 / results.cpuMs, 'req/s', 'health', 1000 / health.cpuMs),
      report('uncached results requests per server CPU second', 1000 / cold.cpuMs, 'req/s', 'health', 1000 / healthOneByOne.cpuMs),
      report('results computed on the read per CPU second', 1000 / computed.cpuMs, 'req/s', 'health', 1000 / healthOneByOne.cpuMs),
      report('keeping results in an answer write, ms', keepMs, 'ms', 'GET results computed on the read, server CPU', computed.cpuMs),
      report(`keeper after start: ${unkept} assessments without results, ms each`, keeperMs, 'ms', 'keeping results in an answer write', keepMs),
    ];
  } finally {
    await stop(app.child);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sets up the first admin and logs in; returns the session cookie header. */
export async function adminCookie(ctx: ServiceContext, base: string): Promise<string> {
  const token = new URL((await issueSetupLink(ctx)) as string).hash.replace('#token=', '');
  const jar = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown, csrf?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k) jar.set(k, v ?? '');
    }
    return res;
  };
  const session = (await (await call('GET', '/api/session')).json()) as { csrfToken: string };
  const admin = { email: 'bench@example.test', password: 'correct horse battery staple 42' };
  const setup = await call('POST', '/api/setup', { token, ...admin, displayName: 'Bench' }, session.csrfToken);
  if (setup.status >= 300) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const again = (await (await call('GET', '/api/session')).json()) as { csrfToken: string };
  const login = await call('POST', '/api/auth/login', admin, again.csrfToken);
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await resultsBench({ seconds: Number(process.argv[2] ?? 3), assessments: Number(process.argv[3] ?? 1000) });
}
