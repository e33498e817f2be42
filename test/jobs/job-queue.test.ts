import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { createJobQueue } from '../../src/jobs/create-job-queue.js';
import type { JobQueue, JobState } from '../../src/services/ports/job-queue.js';
import type { Store } from '../../src/store/database.js';
import { dropBossSchema } from '../helpers/databases.js';
import { describeEachDatabase } from '../helpers/each-database.js';

/** Resolves when the test lets the job go on. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describeEachDatabase('job queue', (get) => {
  const queues: JobQueue[] = [];
  const stores: Store[] = [];

  /** A queue instance as one server process would have it (its own store connection). */
  function instance(concurrency = 2): JobQueue {
    const { db } = get();
    const store = db.open();
    stores.push(store);
    const queue = createJobQueue(store, db.databaseUrl, { pollMs: 50, staleAfterMs: 400, concurrency });
    queues.push(queue);
    return queue;
  }

  async function waitState(queue: JobQueue, id: string, state: JobState) {
    await vi.waitFor(async () => expect((await queue.status(id))?.state).toBe(state), { timeout: 10_000, interval: 50 });
  }

  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop();
    for (const s of stores.splice(0)) await s.close();
  });

  afterAll(async () => dropBossSchema(get().db));

  /** A started queue running one job whose handler waits until its signal is aborted. */
  async function runningUntilAborted() {
    const worker = instance();
    const started = gate();
    worker.register('wait', async (job) => {
      started.open();
      await new Promise<void>((_resolve, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason)));
    });
    await worker.start();
    const id = await worker.enqueue('wait', {});
    await started.opened;
    return { worker, id };
  }

  it('runs a job, records its progress, and any instance reads its state', async () => {
    const worker = instance();
    const seen: unknown[] = [];
    worker.register<{ n: number }>('count', async (job) => {
      seen.push(job.payload);
      await job.progress(1, 2, 'half way');
      await job.progress(2, 2, 'done');
    });
    await worker.start();
    const id = await worker.enqueue('count', { n: 3 });
    await waitState(worker, id, 'completed');
    const other = instance();
    const status = await other.status(id);
    expect(status).toMatchObject({ kind: 'count', state: 'completed', progress: { done: 2, total: 2, message: 'done' }, error: null, cancelRequested: false });
    expect(status?.startedAt && status.finishedAt).toBeTruthy();
    expect(seen).toEqual([{ n: 3 }]);
    expect(await other.status('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('a cancel requested through another instance aborts the running handler', async () => {
    const { worker, id } = await runningUntilAborted();
    await waitState(worker, id, 'running');
    await instance().requestCancel(id);
    await waitState(worker, id, 'cancelled');
    expect((await worker.status(id))?.cancelRequested).toBe(true);
  });

  it('a queued job cancelled before it starts never runs', async () => {
    const worker = instance(1);
    const release = gate();
    const ran: string[] = [];
    worker.register<{ name: string }>('one', async (job) => {
      ran.push(job.payload.name);
      if (job.payload.name === 'first') await release.opened;
    });
    await worker.start();
    const first = await worker.enqueue('one', { name: 'first' });
    await waitState(worker, first, 'running');
    const second = await worker.enqueue('one', { name: 'second' });
    await worker.requestCancel(second);
    expect((await worker.status(second))?.state).toBe('cancelled');
    release.open();
    await waitState(worker, first, 'completed');
    expect(ran).toEqual(['first']);
  });

  it('a failing handler leaves the job failed with its message', async () => {
    const worker = instance();
    worker.register('boom', async () => {
      throw new Error('scope.window: the run is outside its window');
    });
    await worker.start();
    const id = await worker.enqueue('boom', {});
    await waitState(worker, id, 'failed');
    expect((await worker.status(id))?.error).toBe('scope.window: the run is outside its window');
  });

  it('stopping a server marks its running job interrupted', async () => {
    const { worker, id } = await runningUntilAborted();
    await worker.stop();
    expect((await worker.status(id))?.state).toBe('interrupted');
  });

  it('a job left running by a process that died is marked interrupted when another starts', async () => {
    const { store } = get();
    const at = new Date().toISOString();
    await store.db
      .insertInto('jobs')
      .values({
        id: 'orphan-job',
        kind: 'long',
        state: 'running',
        payload: '{}',
        owner: 'crashed-process',
        cancel_requested: 0,
        created_at: at,
        started_at: at,
      })
      .execute();
    const next = instance();
    next.register('long', async () => undefined);
    await next.start();
    const status = await next.status('orphan-job');
    expect(status?.state).toBe('interrupted');
    expect(status?.error).toMatch(/stopped/);
  });

  it('refuses a job kind nobody handles', async () => {
    const worker = instance();
    await expect(worker.enqueue('nobody', {})).rejects.toThrow(/no handler registered for job kind nobody/);
  });
});
