import type { Db } from './database.js';
import type { JobsTable } from './schema.js';

export type JobRow = JobsTable;

/** States in which a job is not finished yet. */
const UNFINISHED = ['queued', 'running'];

/** How a job can end. */
export type JobEnd = 'completed' | 'failed' | 'cancelled' | 'interrupted';

export async function insertJob(db: Db, row: Pick<JobRow, 'id' | 'kind' | 'payload' | 'owner' | 'created_at'>): Promise<void> {
  await db
    .insertInto('jobs')
    .values({ ...row, state: 'queued', cancel_requested: 0 })
    .execute();
}

/** A job that ran outside the queue (e.g. a probe run from the CLI attached afterwards). */
export async function insertFinishedJob(db: Db, row: Pick<JobRow, 'id' | 'kind' | 'payload' | 'created_at' | 'started_at' | 'finished_at'>): Promise<void> {
  await db
    .insertInto('jobs')
    .values({ ...row, state: 'completed', owner: null, cancel_requested: 0 })
    .execute();
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a queued job to running under `owner`; false when it is no longer queued (cancelled or interrupted meanwhile). */
export async function claimJob(db: Db, id: string, owner: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'running', owner, started_at: at })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .where('cancel_requested', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setJobProgress(db: Db, id: string, done: number, total: number, message: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress_done: done, progress_total: total, progress_message: message })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

/** Ends an unfinished job; a job already ended (e.g. marked interrupted) keeps its first end. */
export async function finishJob(db: Db, id: string, state: JobEnd, error: string | null, at: string): Promise<boolean> {
  const result = await db.updateTable('jobs').set({ state, error, finished_at: at }).where('id', '=', id).where('state', 'in', UNFINISHED).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a cancel request; a job still queued is cancelled at once. Returns the job after the change. */
export async function requestJobCancel(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('jobs').set({ cancel_requested: 1 }).where('id', '=', id).where('state', 'in', UNFINISHED).execute();
  await db.updateTable('jobs').set({ state: 'cancelled', finished_at: at }).where('id', '=', id).where('state', '=', 'queued').execute();
}

export async function isCancelRequested(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('jobs').select('cancel_requested').where('id', '=', id).executeTakeFirst();
  return Number(row?.cancel_requested ?? 0) === 1;
}

export async function beat(db: Db, workerId: string, at: string): Promise<void> {
  const updated = await db.updateTable('job_workers').set({ heartbeat_at: at }).where('id', '=', workerId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('job_workers').values({ id: workerId, started_at: at, heartbeat_at: at }).execute();
}

export async function removeWorker(db: Db, workerId: string): Promise<void> {
  await db.deleteFrom('job_workers').where('id', '=', workerId).execute();
}

/**
 * Marks interrupted every unfinished job whose owner is `owner` (a stopping
 * instance), or, without `owner`, whose owner is gone or has not beaten since
 * `staleBefore`. Returns the ids it marked.
 */
export async function interruptOrphans(db: Db, at: string, selector: { owner: string } | { staleBefore: string }): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('jobs').select('id').where('state', 'in', UNFINISHED).where('owner', 'is not', null);
    if ('owner' in selector) query = query.where('owner', '=', selector.owner);
    else {
      const alive = trx.selectFrom('job_workers').select('id').where('heartbeat_at', '>=', selector.staleBefore);
      query = query.where('owner', 'not in', alive);
    }
    const ids = (await query.execute()).map((r) => r.id);
    if (ids.length === 0) return ids;
    await trx
      .updateTable('jobs')
      .set({ state: 'interrupted', error: 'the process running this job stopped', finished_at: at })
      .where('id', 'in', ids)
      .where('state', 'in', UNFINISHED)
      .execute();
    if (!('owner' in selector)) await trx.deleteFrom('job_workers').where('heartbeat_at', '<', selector.staleBefore).execute();
    return ids;
  });
}
