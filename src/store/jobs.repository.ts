import { appendAudit } from './audit.repository.js';
import type { Db } from './database.js';
import type { DialectName } from './dialect.js';
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

export async function beat(db: Db, workerId: string, at: string, process: string | null = null): Promise<void> {
  const updated = await db.updateTable('job_workers').set({ heartbeat_at: at }).where('id', '=', workerId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('job_workers').values({ id: workerId, started_at: at, heartbeat_at: at, process }).execute();
}

/** Every queue instance that has beaten, with its process (other than `except`). */
export async function listWorkers(db: Db, except: string): Promise<{ id: string; process: string | null }[]> {
  return db.selectFrom('job_workers').select(['id', 'process']).where('id', '!=', except).execute();
}

export async function removeWorker(db: Db, workerId: string): Promise<void> {
  await db.deleteFrom('job_workers').where('id', '=', workerId).execute();
}

/** Why a job was marked interrupted (kept in its audit entry). */
export type InterruptReason = 'server-stopped' | 'process-gone' | 'heartbeat-stale';

/** Which unfinished jobs to interrupt: those of a stopping instance, or those whose owner is gone or silent. */
export type OrphanSelector = { owner: string } | { staleBefore: string; gone?: readonly string[] };

/**
 * Marks interrupted every unfinished job whose owner is `owner` (a stopping
 * instance), or, without `owner`, whose owner is known to be gone (`gone`: its
 * process no longer runs), has no heartbeat or has not beaten since
 * `staleBefore`. Each job marked gets a system audit entry
 * (`job.interrupted`) in the same transaction. Returns the ids it marked.
 */
export async function interruptOrphans(db: Db, dialect: DialectName, at: string, selector: OrphanSelector): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('jobs').select(['id', 'kind', 'owner']).where('state', 'in', UNFINISHED).where('owner', 'is not', null);
    const gone = 'owner' in selector ? [] : [...(selector.gone ?? [])];
    if ('owner' in selector) query = query.where('owner', '=', selector.owner);
    else {
      const alive = trx.selectFrom('job_workers').select('id').where('heartbeat_at', '>=', selector.staleBefore);
      query = query.where((eb) => (gone.length ? eb.or([eb('owner', 'not in', alive), eb('owner', 'in', gone)]) : eb('owner', 'not in', alive)));
    }
    const jobs = await query.execute();
    const ids = jobs.map((r) => r.id);
    if (ids.length > 0) {
      await trx
        .updateTable('jobs')
        .set({ state: 'interrupted', error: 'the process running this job stopped', finished_at: at })
        .where('id', 'in', ids)
        .where('state', 'in', UNFINISHED)
        .execute();
      for (const job of jobs) {
        const reason: InterruptReason = 'owner' in selector ? 'server-stopped' : gone.includes(job.owner ?? '') ? 'process-gone' : 'heartbeat-stale';
        await appendAudit(
          trx,
          dialect,
          { actorId: null, action: 'job.interrupted', targetType: 'job', targetId: job.id, detail: { kind: job.kind, reason } },
          new Date(at),
        );
      }
    }
    if (!('owner' in selector)) {
      await trx.deleteFrom('job_workers').where('heartbeat_at', '<', selector.staleBefore).execute();
      if (gone.length) await trx.deleteFrom('job_workers').where('id', 'in', gone).execute();
    }
    return ids;
  });
}
