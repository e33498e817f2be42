/**
 * Two server processes on one database (simulated in one test process: two
 * stores, two queues, two HTTP apps): a run started through one is shown and
 * cancelled through the other, and stopping the servers marks an unfinished
 * run interrupted, which a server started afterwards still shows.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createJobQueue } from '../../src/jobs/create-job-queue.js';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { JobQueue } from '../../src/services/ports/job-queue.js';
import { registerProbeRunJob } from '../../src/services/probe-runs.service.js';
import type { Store } from '../../src/store/database.js';
import { ApiClient } from '../helpers/api-client.js';
import { dropBossSchema } from '../helpers/databases.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';
import { type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';
import { FixedProbeRunner, linksFor, scopeText } from './probe-runs.fixture.js';

describeEachDatabase('probe runs across two server processes', (get) => {
  // Registered first, so it runs last: after every server and the world have closed.
  afterAll(async () => dropBossSchema(get().db));
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  const servers: { store: Store; jobs: JobQueue; app: FastifyInstance; as1: ApiClient }[] = [];

  /** A server process: its own connection, queue and app over the shared database; sessions are shared through the database. */
  async function server(): Promise<(typeof servers)[number]> {
    const store = get().db.open();
    const jobs = createJobQueue(store, get().db.databaseUrl, { pollMs: 50, staleAfterMs: 500 });
    const ctx: ServiceContext = {
      store,
      config: testConfig(),
      now: () => new Date(),
      evidence: { jobs, probeRunner: new FixedProbeRunner(), checkLinks: { links: async () => linksFor(a.items.map((i) => i.requirementId)) } },
    };
    registerProbeRunJob(ctx);
    await jobs.start();
    const app = await buildApp({ ctx });
    const as1 = new ApiClient(app);
    expect((await as1.login('as1@example.test', 'another long passphrase 42')).statusCode).toBe(200);
    const s = { store, jobs, app, as1 };
    servers.push(s);
    return s;
  }

  beforeAll(async () => {
    a = await w.create({ title: '二台のサーバー' });
  });
  afterAll(async () => {
    for (const s of servers) {
      await s.jobs.stop();
      await s.app.close();
      await s.store.close();
    }
  });

  const runUrl = (runId = '') => `/api/assessments/${a.id}/probe-runs${runId ? `/${runId}` : ''}`;
  // Waits on what the API shows; generous because a loaded 2-core machine may take long to stop and start pg-boss.
  async function stateOn(s: (typeof servers)[number], runId: string, state: string) {
    await vi.waitFor(async () => expect((await s.as1.request('GET', runUrl(runId))).json().state).toBe(state), { timeout: 45_000, interval: 100 });
  }

  it('a run started on one server is watched and cancelled on the other', { timeout: 150_000 }, async () => {
    const one = await server();
    const two = await server();
    const started = await one.as1.request('POST', runUrl(), { scope: scopeText('hangs') });
    expect(started.statusCode, started.body).toBe(202);
    const runId = started.json().id as string;
    await stateOn(two, runId, 'running');
    await vi.waitFor(async () => expect((await two.as1.request('GET', runUrl(runId))).json().progress?.done).toBe(1), { timeout: 45_000 });
    expect((await two.as1.request('POST', `${runUrl(runId)}/cancel`)).statusCode).toBe(200);
    await stateOn(one, runId, 'cancelled');
  });

  it('stopping the servers marks a running run interrupted; a server started later still shows it so', { timeout: 150_000 }, async () => {
    const [one, two] = servers;
    if (!one || !two) throw new Error('the first test starts the servers');
    const runId = (await one.as1.request('POST', runUrl(), { scope: scopeText('hangs') })).json().id as string;
    await stateOn(one, runId, 'running');
    await one.jobs.stop();
    await two.jobs.stop();
    await stateOn(one, runId, 'interrupted');
    const three = await server();
    await stateOn(three, runId, 'interrupted');
    expect((await three.as1.request('GET', runUrl(runId))).json().error).toMatch(/stopped/);
  });
});
