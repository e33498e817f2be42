import type { Db } from './database.js';
import type { AnswerSourcesTable, FirmwareAnalysesTable } from './schema.js';

export type FirmwareAnalysisRow = FirmwareAnalysesTable;
export type AnswerSourceRow = AnswerSourcesTable;

/** The columns a list shows: everything but the findings, binaries and SBOM. */
const SUMMARY = [
  'id',
  'assessment_id',
  'image_sha256',
  'image_name',
  'image_size',
  'state',
  'progress',
  'cancel_requested',
  'error',
  'format',
  'files',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
] as const;
export type FirmwareAnalysisSummaryRow = Pick<FirmwareAnalysisRow, (typeof SUMMARY)[number]>;

/** What a new analysis row holds before the worker has read the image: no progress, no findings, nothing asked to stop. */
export const NOT_ANALYSED_YET = {
  progress: null,
  cancel_requested: 0,
  error: null,
  format: null,
  files: null,
  findings: null,
  binaries: null,
  sbom: null,
} as const satisfies Partial<FirmwareAnalysisRow>;

export async function insertFirmwareAnalysis(db: Db, row: FirmwareAnalysisRow): Promise<void> {
  await db.insertInto('firmware_analyses').values(row).execute();
}

/**
 * An analysis whose job was marked interrupted (its process died: the job queue
 * found its owner gone) shows as interrupted, with the job's error and time; the
 * analysis row itself was left queued or running by the dead process.
 */
async function withInterruptedJobs<R extends Pick<FirmwareAnalysisRow, 'id' | 'state' | 'error' | 'finished_at'>>(db: Db, rows: R[]): Promise<R[]> {
  const unfinished = rows.filter((r) => r.state === 'queued' || r.state === 'running').map((r) => r.id);
  if (unfinished.length === 0) return rows;
  const jobs = await db.selectFrom('jobs').select(['id', 'error', 'finished_at']).where('id', 'in', unfinished).where('state', '=', 'interrupted').execute();
  const ended = new Map(jobs.map((j) => [j.id, j]));
  return rows.map((r) => {
    const job = ended.get(r.id);
    return job ? { ...r, state: 'interrupted', error: job.error, finished_at: job.finished_at } : r;
  });
}

export async function findFirmwareAnalysis(db: Db, assessmentId: string, id: string): Promise<FirmwareAnalysisRow | undefined> {
  const row = await db.selectFrom('firmware_analyses').selectAll().where('assessment_id', '=', assessmentId).where('id', '=', id).executeTakeFirst();
  return row ? (await withInterruptedJobs(db, [row]))[0] : undefined;
}

export async function findFirmwareAnalysisById(db: Db, id: string): Promise<FirmwareAnalysisRow | undefined> {
  return db.selectFrom('firmware_analyses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function listFirmwareAnalyses(db: Db, assessmentId: string): Promise<FirmwareAnalysisSummaryRow[]> {
  const rows = await db
    .selectFrom('firmware_analyses')
    .select(SUMMARY)
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return withInterruptedJobs(db, rows);
}

export async function updateFirmwareAnalysis(db: Db, id: string, change: Partial<Omit<FirmwareAnalysisRow, 'id' | 'assessment_id'>>): Promise<void> {
  await db.updateTable('firmware_analyses').set(change).where('id', '=', id).execute();
}

/** Flags a queued or running analysis for cancel; false when it had already ended. */
export async function requestFirmwareCancel(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('firmware_analyses')
    .set({ cancel_requested: 1 })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Writes the outcome unless a cancel was requested meanwhile; false when it was. */
export async function finishFirmwareAnalysis(db: Db, id: string, change: Partial<Omit<FirmwareAnalysisRow, 'id' | 'assessment_id'>>): Promise<boolean> {
  const r = await db.updateTable('firmware_analyses').set(change).where('id', '=', id).where('cancel_requested', '=', 0).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Analyses left queued or running by a process that stopped. */
export async function interruptUnfinishedAnalyses(db: Db, at: string): Promise<number> {
  const r = await db
    .updateTable('firmware_analyses')
    .set({ state: 'interrupted', finished_at: at, error: 'the server stopped during the analysis' })
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function upsertAnswerSource(db: Db, row: AnswerSourceRow): Promise<void> {
  await db
    .insertInto('answer_sources')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['assessment_id', 'requirement_id'])
        .doUpdateSet({ source: row.source, run_id: row.run_id, suggested: row.suggested, accepted_by: row.accepted_by, accepted_at: row.accepted_at }),
    )
    .execute();
}

export async function listAnswerSources(db: Db, assessmentId: string): Promise<AnswerSourceRow[]> {
  return db.selectFrom('answer_sources').selectAll().where('assessment_id', '=', assessmentId).orderBy('requirement_id').execute();
}

/** The findings (JSON) of the assessment's completed analyses, oldest first: the suggestions across sources read them. */
export async function findCompletedFirmwareFindings(db: Db, assessmentId: string): Promise<Pick<FirmwareAnalysisRow, 'id' | 'findings'>[]> {
  return db
    .selectFrom('firmware_analyses')
    .select(['id', 'findings'])
    .where('assessment_id', '=', assessmentId)
    .where('state', '=', 'completed')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
