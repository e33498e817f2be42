import type { Db } from './database.js';
import type { SelfAssessmentRepliesTable, SelfAssessmentReviewsTable, SelfAssessmentsTable } from './schema.js';

export type SelfAssessmentRow = SelfAssessmentsTable;
export type ReviewRow = SelfAssessmentReviewsTable;
export type ReplyRow = SelfAssessmentRepliesTable;

/** The self-assessment with its organisation's permission (the manager's setting, read with it). */
export type SelfAssessmentRecord = SelfAssessmentRow & { organisation_allows: number };

export async function insertSelfAssessment(db: Db, row: SelfAssessmentRow): Promise<void> {
  await db.insertInto('self_assessments').values(row).execute();
}

export async function findSelfAssessment(db: Db, assessmentId: string): Promise<SelfAssessmentRecord | undefined> {
  const row = await db
    .selectFrom('self_assessments as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .selectAll('s')
    .select('o.self_assessment as organisation_allows')
    .where('s.assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return row ? { ...row, round: Number(row.round), organisation_allows: Number(row.organisation_allows ?? 0) } : undefined;
}

/** The self-assessment states of several assessments (for lists). */
export async function selfAssessmentStates(db: Db, assessmentIds: readonly string[]): Promise<Map<string, string>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await db.selectFrom('self_assessments').select(['assessment_id', 'state']).where('assessment_id', 'in', assessmentIds).execute();
  return new Map(rows.map((r) => [r.assessment_id, r.state] as const));
}

/**
 * Moves the state only from the one the caller read: a move made meanwhile
 * wins and this one changes nothing (returns false).
 */
export async function moveSelfAssessment(
  db: Db,
  assessmentId: string,
  from: string,
  change: Partial<Pick<SelfAssessmentRow, 'state' | 'round' | 'submitted_at' | 'decided_by' | 'decided_at'>>,
): Promise<boolean> {
  const result = await db.updateTable('self_assessments').set(change).where('assessment_id', '=', assessmentId).where('state', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether the organisation's members may self-assess. */
export async function organisationAllowsSelfAssessment(db: Db, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('self_assessment').where('id', '=', organisationId).executeTakeFirst();
  return Number(row?.self_assessment ?? 0) === 1;
}

export async function setOrganisationSelfAssessment(db: Db, organisationId: string, allowed: boolean): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ self_assessment: allowed ? 1 : 0 })
    .where('id', '=', organisationId)
    .execute();
}

/** Writes the review of an item in a round: a second review in the same round replaces the first (its replies stay with it). */
export async function saveReview(db: Db, row: ReviewRow): Promise<string> {
  const existing = await db
    .selectFrom('self_assessment_reviews')
    .select('id')
    .where('assessment_id', '=', row.assessment_id)
    .where('requirement_id', '=', row.requirement_id)
    .where('round', '=', row.round)
    .executeTakeFirst();
  if (!existing) {
    await db.insertInto('self_assessment_reviews').values(row).execute();
    return row.id;
  }
  const { id: _new, assessment_id: _a, requirement_id: _r, round: _n, ...change } = row;
  await db.updateTable('self_assessment_reviews').set(change).where('id', '=', existing.id).execute();
  return existing.id;
}

export type ReviewWithReviewer = ReviewRow & { reviewer_name: string | null };

/** Every review of an assessment, oldest round first. */
export async function listReviews(db: Db, assessmentId: string): Promise<ReviewWithReviewer[]> {
  const rows = await db
    .selectFrom('self_assessment_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.reviewer_id')
    .selectAll('r')
    .select('u.display_name as reviewer_name')
    .where('r.assessment_id', '=', assessmentId)
    .orderBy('r.round')
    .orderBy('r.reviewed_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, round: Number(r.round) }));
}

export async function findReview(db: Db, reviewId: string): Promise<ReviewRow | undefined> {
  const row = await db.selectFrom('self_assessment_reviews').selectAll().where('id', '=', reviewId).executeTakeFirst();
  return row ? { ...row, round: Number(row.round) } : undefined;
}

export async function insertReply(db: Db, row: ReplyRow): Promise<void> {
  await db.insertInto('self_assessment_replies').values(row).execute();
}

export type ReplyWithAuthor = ReplyRow & { author_name: string | null };

/** Every reply on an assessment's reviews, oldest first. */
export async function listReplies(db: Db, assessmentId: string): Promise<ReplyWithAuthor[]> {
  return db
    .selectFrom('self_assessment_replies as p')
    .innerJoin('self_assessment_reviews as r', 'r.id', 'p.review_id')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .selectAll('p')
    .select('u.display_name as author_name')
    .where('r.assessment_id', '=', assessmentId)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}
