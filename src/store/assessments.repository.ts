import { compiledOnce } from './compiled-once.js';
import type { Db } from './database.js';
import { carryKeptResults } from './assessment-results.repository.js';
import type { GivenVerdict } from '../core/assessment/assessment.types.js';
import type { AssessmentAnswersTable, AssessmentsTable } from './schema.js';

export type AssessmentRow = AssessmentsTable;
export type AnswerRow = AssessmentAnswersTable;

/**
 * An assessment row with the names its views show beside the ids. Its frozen
 * items are large and shared: read them with findChecksheetItems when needed.
 */
export interface AssessmentRecord extends AssessmentRow {
  organisation_name: string;
  product_name: string;
  product_model: string | null;
  assessor_name: string | null;
  edition_title_ja: string;
  edition_title_en: string;
  edition_date: string;
}

/** Which rows a list may return; the caller's visibility is part of it. */
export interface AssessmentFilter {
  organisationId?: string;
  productId?: string;
  status?: string;
}

/** The answer columns an assessor (or a workbook, or a carry-over) writes. */
export type AnswerChange = Pick<
  AnswerRow,
  | 'verdict'
  | 'evidence'
  | 'comment'
  | 'defect_kind'
  | 'defect_note'
  | 'defect_proposal_id'
  | 'review'
  | 'previous_verdict'
  | 'updated_by'
  | 'updated_at'
  | 'source'
>;

/** Rows per INSERT statement: SQLite allows 32,766 bound values per statement, PostgreSQL 65,535. */
const ANSWER_CHUNK = 500;

/** The frozen items of a checksheet as stored: JSON text and its SHA-256 (row.items_hash). */
export interface ChecksheetSnapshot {
  hash: string;
  items: string;
}

export async function insertAssessment(db: Db, row: AssessmentRow, snapshot: ChecksheetSnapshot, answers: readonly AnswerRow[]): Promise<void> {
  if (snapshot.hash !== row.items_hash) throw new Error('the snapshot must be the one the assessment names');
  await db
    .insertInto('checksheet_snapshots')
    .values({ hash: snapshot.hash, items: snapshot.items, created_at: row.created_at })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
  await db.insertInto('assessments').values(row).execute();
  for (let i = 0; i < answers.length; i += ANSWER_CHUNK) {
    await db
      .insertInto('assessment_answers')
      .values(answers.slice(i, i + ANSWER_CHUNK))
      .execute();
  }
}

function selectRecords(db: Db) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .innerJoin('editions as e', 'e.id', 'a.edition_id')
    .leftJoin('users as u', 'u.id', 'a.assessor_id')
    .select([
      'a.id',
      'a.organisation_id',
      'a.product_id',
      'a.edition_id',
      'a.title',
      'a.product_version',
      'a.spec',
      'a.items_hash',
      'a.status',
      'a.assessor_id',
      'a.carried_from',
      'a.version',
      'a.created_by',
      'a.created_at',
      'a.updated_at',
      'a.finalised_at',
      'a.content_hash',
      'o.name as organisation_name',
      'p.name as product_name',
      'p.model as product_model',
      'u.display_name as assessor_name',
      'e.title_ja as edition_title_ja',
      'e.title_en as edition_title_en',
      'e.edition_date as edition_date',
    ]);
}

const assessmentById = compiledOnce((db, id) => selectRecords(db).where('a.id', '=', id));

/** Asked by every request about one assessment: compiled once. */
export async function findAssessment(db: Db, id: string): Promise<AssessmentRecord | undefined> {
  return (await assessmentById(db, id))[0];
}

/** A frozen checksheet's items (JSON) by their hash. */
export async function findChecksheetItems(db: Db, hash: string): Promise<string | undefined> {
  return (await db.selectFrom('checksheet_snapshots').select('items').where('hash', '=', hash).executeTakeFirst())?.items;
}

/** Newest change first. */
export async function listAssessments(db: Db, filter: AssessmentFilter): Promise<AssessmentRecord[]> {
  let q = selectRecords(db);
  if (filter.organisationId !== undefined) q = q.where('a.organisation_id', '=', filter.organisationId);
  if (filter.productId !== undefined) q = q.where('a.product_id', '=', filter.productId);
  if (filter.status !== undefined) q = q.where('a.status', '=', filter.status);
  return q.orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').execute();
}

/** Answers counted by verdict for each listed assessment. */
export async function verdictCounts(db: Db, assessmentIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (let i = 0; i < assessmentIds.length; i += ANSWER_CHUNK) {
    const rows = await db
      .selectFrom('assessment_answers')
      .select(['assessment_id', 'verdict', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('assessment_id', 'in', assessmentIds.slice(i, i + ANSWER_CHUNK))
      .groupBy(['assessment_id', 'verdict'])
      .execute();
    for (const r of rows) {
      const counts = out.get(r.assessment_id) ?? new Map<string, number>();
      counts.set(r.verdict, Number(r.n));
      out.set(r.assessment_id, counts);
    }
  }
  return out;
}

export async function findAnswers(db: Db, assessmentId: string): Promise<AnswerRow[]> {
  return db.selectFrom('assessment_answers').selectAll().where('assessment_id', '=', assessmentId).execute();
}

/** The answers of these items only: a write reads what it changes, not every answer's evidence and comment. */
export async function findAnswersOf(db: Db, assessmentId: string, requirementIds: readonly string[]): Promise<AnswerRow[]> {
  if (requirementIds.length === 0) return [];
  return db.selectFrom('assessment_answers').selectAll().where('assessment_id', '=', assessmentId).where('requirement_id', 'in', requirementIds).execute();
}

const verdictsOf = compiledOnce((db, assessmentId) =>
  db.selectFrom('assessment_answers').select(['requirement_id as requirementId', 'verdict']).where('assessment_id', '=', assessmentId),
);

/**
 * Only the verdicts of an assessment's answers, already in the shape the
 * core computes scores and readiness from (the check constraint keeps
 * `verdict` one of the verdicts): no second object per answer.
 */
export async function findVerdicts(db: Db, assessmentId: string): Promise<readonly GivenVerdict[]> {
  return Object.freeze(await verdictsOf(db, assessmentId)) as readonly GivenVerdict[];
}

export async function findAnswer(db: Db, assessmentId: string, requirementId: string): Promise<AnswerRow | undefined> {
  return db
    .selectFrom('assessment_answers')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('requirement_id', '=', requirementId)
    .executeTakeFirst();
}

/**
 * Writes verdict, evidence and comment only while the answer still has the
 * version the writer read, and bumps it. Returns whether it was written.
 */
export async function updateAnswerIfVersion(
  db: Db,
  assessmentId: string,
  requirementId: string,
  version: number,
  change: Partial<AnswerChange>,
): Promise<boolean> {
  const result = await db
    .updateTable('assessment_answers')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('assessment_id', '=', assessmentId)
    .where('requirement_id', '=', requirementId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateAnswer(db: Db, assessmentId: string, requirementId: string, change: Partial<AnswerChange>): Promise<void> {
  await db.updateTable('assessment_answers').set(change).where('assessment_id', '=', assessmentId).where('requirement_id', '=', requirementId).execute();
}

/**
 * Changes an assessment only while it still has the version the caller read
 * and is not final, and bumps the version (kept results move with it: none of
 * these fields is a verdict). Returns whether it was changed.
 */
export async function updateAssessmentIfCurrent(
  db: Db,
  id: string,
  version: number,
  change: Partial<Pick<AssessmentRow, 'title' | 'product_version' | 'status' | 'finalised_at' | 'content_hash' | 'updated_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('assessments')
    .set({ ...change, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '<>', 'final')
    .executeTakeFirst();
  const changed = Number(result.numUpdatedRows) > 0;
  if (changed) await carryKeptResults(db, id);
  return changed;
}

/**
 * After a change that is not a verdict (an attachment, a flag, a submission):
 * a new version, and with `startWork` a draft starts being worked on. Kept
 * results move with the version. Returns whether it was changed (not final).
 */
export async function touchAssessment(db: Db, id: string, at: string, startWork: boolean): Promise<boolean> {
  const changed = await moveVersion(db, id, at, startWork);
  if (changed) await carryKeptResults(db, id);
  return changed;
}

/**
 * Before answers are written: a new version, and a draft is now in progress.
 * Kept results stay behind: the write keeps its own (keepCurrentResults).
 * Returns whether it was changed (not final).
 */
export function touchForAnswers(db: Db, id: string, at: string): Promise<boolean> {
  return moveVersion(db, id, at, true);
}

async function moveVersion(db: Db, id: string, at: string, startWork: boolean): Promise<boolean> {
  const result = await db
    .updateTable('assessments')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: at,
      ...(startWork ? { status: eb.case().when('status', '=', 'draft').then('in-progress').else(eb.ref('status')).end() } : {}),
    }))
    .where('id', '=', id)
    .where('status', '<>', 'final')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
