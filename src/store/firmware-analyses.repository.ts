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

export async function insertFirmwareAnalysis(db: Db, row: FirmwareAnalysisRow): Promise<void> {
  await db.insertInto('firmware_analyses').values(row).execute();
}

export async function findFirmwareAnalysis(db: Db, assessmentId: string, id: string): Promise<FirmwareAnalysisRow | undefined> {
  return db.selectFrom('firmware_analyses').selectAll().where('assessment_id', '=', assessmentId).where('id', '=', id).executeTakeFirst();
}

export async function findFirmwareAnalysisById(db: Db, id: string): Promise<FirmwareAnalysisRow | undefined> {
  return db.selectFrom('firmware_analyses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function listFirmwareAnalyses(db: Db, assessmentId: string): Promise<FirmwareAnalysisSummaryRow[]> {
  return db.selectFrom('firmware_analyses').select(SUMMARY).where('assessment_id', '=', assessmentId).orderBy('created_at', 'desc').orderBy('id').execute();
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
