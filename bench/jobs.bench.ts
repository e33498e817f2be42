import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createJobQueue } from '../src/jobs/create-job-queue.js';
import type { JobQueue } from '../src/services/ports/job-queue.js';
import { migrate, openStore, type Store } from '../src/store/database.js';
import { report } from './lib/harness.js';

const PG_URL = process.env.TEBIKI_BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** Enqueue → completed for `count` jobs that do nothing but report progress once, in ms per job. */
async function throughput(queue: JobQueue, count: number): Promise<number> {
  let done = 0;
  let finish: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finish = resolve));
  queue.register<{ n: number }>('bench', async (job) => {
    await job.progress(1, 1, 'done');
    done += 1;
    if (done === count) finish();
  });
  await queue.start();
  const started = process.hrtime.bigint();
  for (let n = 0; n < count; n++) await queue.enqueue('bench', { n });
  await all;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await queue.stop();
  return ms / count;
}

/** The same work done directly: one row insert, one progress update and one final update per job, no queue. */
async function baseline(store: Store, count: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let n = 0; n < count; n++) {
    const id = `b-${n}-${randomBytes(4).toString('hex')}`;
    const at = new Date().toISOString();
    await store.db.insertInto('jobs').values({ id, kind: 'bench', state: 'queued', payload: '{}', owner: null, cancel_requested: 0, created_at: at }).execute();
    await store.db.updateTable('jobs').set({ state: 'running', progress_done: 1, progress_total: 1, started_at: at }).where('id', '=', id).execute();
    await store.db.updateTable('jobs').set({ state: 'completed', finished_at: at }).where('id', '=', id).execute();
  }
  return Number(process.hrtime.bigint() - started) / 1e6 / count;
}

async function pgAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * The job queue (issue 17): trivial jobs through the in-process queue on SQLite
 * and through pg-boss on PostgreSQL, beside the same rows written directly.
 * pg-boss polls every 0.5 s, so its figure is dominated by delivery latency.
 */
export async function jobsBench(options: { jobs: number }) {
  console.log('\njob queue');
  const dir = mkdtempSync(join(tmpdir(), 'tebiki-bench-jobs-'));
  try {
    const store = openStore({ sqliteFile: join(dir, 'tebiki.sqlite') });
    await migrate(store);
    const base = await baseline(store, options.jobs);
    report('in-process queue (SQLite), per job', await throughput(createJobQueue(store, undefined), options.jobs), 'ms', 'direct rows', base);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!(await pgAvailable())) {
    console.log('pg-boss queue: skipped (no PostgreSQL at TEBIKI_BENCH_DATABASE_URL)');
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const store = openStore({ databaseUrl: PG_URL, pgSchema: schema });
    await migrate(store);
    const base = await baseline(store, options.jobs);
    report('pg-boss queue (PostgreSQL), per job', await throughput(createJobQueue(store, PG_URL), options.jobs), 'ms', 'direct rows', base);
    await store.close();
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.query(`drop schema if exists ${schema}_boss cascade`);
    await admin.end();
  }
}
