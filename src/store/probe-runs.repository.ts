import type { Db } from './database.js';
import type { ProbeFindingsTable, ProbeRunsTable } from './schema.js';

export type ProbeRunRow = ProbeRunsTable;
export type ProbeFindingRow = ProbeFindingsTable;

/** A run with the state of its job (state, progress, cancel request, error). */
export interface ProbeRunRecord extends ProbeRunRow {
  /** Null when the job was never queued (the queue failed right after the run was stored). */
  job_state: string | null;
  job_progress_done: number | null;
  job_progress_total: number | null;
  job_progress_message: string | null;
  job_cancel_requested: number | null;
  job_error: string | null;
  started_by_name: string | null;
}

/** Rows per INSERT statement: well under SQLite's bound-value limit with ten columns. */
const FINDING_CHUNK = 200;

function runsWithJobs(db: Db) {
  return db
    .selectFrom('probe_runs as r')
    .leftJoin('jobs as j', 'j.id', 'r.job_id')
    .leftJoin('users as u', 'u.id', 'r.started_by')
    .selectAll('r')
    .select([
      'j.state as job_state',
      'j.progress_done as job_progress_done',
      'j.progress_total as job_progress_total',
      'j.progress_message as job_progress_message',
      'j.cancel_requested as job_cancel_requested',
      'j.error as job_error',
      'u.display_name as started_by_name',
    ]);
}

export async function insertProbeRun(db: Db, row: ProbeRunRow): Promise<void> {
  await db.insertInto('probe_runs').values(row).execute();
}

export async function listProbeRuns(db: Db, assessmentId: string): Promise<ProbeRunRecord[]> {
  return runsWithJobs(db).where('r.assessment_id', '=', assessmentId).orderBy('r.created_at', 'desc').orderBy('r.id').execute();
}

/** A run of this assessment; a run of another assessment is not found. */
export async function findProbeRun(db: Db, assessmentId: string, runId: string): Promise<ProbeRunRecord | undefined> {
  return runsWithJobs(db).where('r.assessment_id', '=', assessmentId).where('r.id', '=', runId).executeTakeFirst();
}

export async function findProbeRunById(db: Db, runId: string): Promise<ProbeRunRow | undefined> {
  return db.selectFrom('probe_runs').selectAll().where('id', '=', runId).executeTakeFirst();
}

export async function markProbeRunStarted(db: Db, runId: string, at: string): Promise<void> {
  await db.updateTable('probe_runs').set({ started_at: at }).where('id', '=', runId).execute();
}

/** Stores what the run found, and the scope as the runner read it. */
export async function completeProbeRun(
  db: Db,
  runId: string,
  outcome: Pick<ProbeRunRow, 'scope_name' | 'scope_authorised_by' | 'scope_sha256' | 'started_at' | 'finished_at'>,
  findings: Omit<ProbeFindingRow, 'run_id' | 'seq'>[],
): Promise<void> {
  await db.updateTable('probe_runs').set(outcome).where('id', '=', runId).execute();
  const rows = findings.map((f, seq) => ({ ...f, run_id: runId, seq }));
  for (let i = 0; i < rows.length; i += FINDING_CHUNK) {
    await db
      .insertInto('probe_findings')
      .values(rows.slice(i, i + FINDING_CHUNK))
      .execute();
  }
}

export async function findProbeFindings(db: Db, runId: string): Promise<ProbeFindingRow[]> {
  return db.selectFrom('probe_findings').selectAll().where('run_id', '=', runId).orderBy('seq').execute();
}

/** Every finding of the assessment's completed runs, oldest run first. */
export async function findCompletedFindings(db: Db, assessmentId: string): Promise<ProbeFindingRow[]> {
  return db
    .selectFrom('probe_findings as f')
    .innerJoin('probe_runs as r', 'r.id', 'f.run_id')
    .innerJoin('jobs as j', 'j.id', 'r.job_id')
    .selectAll('f')
    .where('r.assessment_id', '=', assessmentId)
    .where('j.state', '=', 'completed')
    .orderBy('r.created_at')
    .orderBy('f.run_id')
    .orderBy('f.seq')
    .execute();
}
