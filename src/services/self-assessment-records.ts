import type { Answer } from '../core/assessment/assessment.types.js';
import { isOwnMember, isReviewer, type Refusal, type ReviewDecision, reviewedVerdict, type SelfAssessmentState } from '../core/assessment/self-assessment.js';
import type { Verdict } from '../core/assessment/verdicts.js';
import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import type { AssessmentRecord } from '../store/assessments.repository.js';
import type { ReportSelfAssessment } from '../reports/assessment/self-assessment-section.js';
import type { Db } from '../store/database.js';
import { findSelfAssessment, listReplies, listReviews, type SelfAssessmentRecord } from '../store/self-assessments.repository.js';
import { assessmentView, visibleAssessment } from './assessment-records.js';
import type { ServiceContext } from './context.js';

import type { ItemReview, ReviewReply, SelfAssessedItem, SelfAssessmentView } from '../core/assessment/self-assessment.types.js';
export type { ItemReview, ReviewReply, SelfAssessedItem, SelfAssessmentView };

/** The assessment and its self-assessment, both visible to the actor; anything else is not found. */
export async function visibleSelfAssessment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  db: Db = ctx.store.db,
): Promise<{ row: AssessmentRecord; self: SelfAssessmentRecord }> {
  const row = await visibleAssessment(ctx, actor, id, db);
  const self = await findSelfAssessment(db, id);
  if (!self) throw new AppError('not-found', `assessment ${id} is not a self-assessment`);
  return { row, self };
}

/** A refusal from the core as the error the API answers. */
export function refusalError(refusal: Refusal, id: string): AppError {
  if (refusal.kind === 'not-found') return new AppError('not-found', `assessment ${id} not found`);
  return new AppError(refusal.kind, refusal.message);
}

export const factsOf = (self: SelfAssessmentRecord) => ({ organisationId: self.organisation_id, state: self.state as SelfAssessmentState });

/** The latest review per item. */
export function latestReviews(reviews: readonly ItemReview[]): Map<string, ItemReview> {
  const latest = new Map<string, ItemReview>();
  for (const r of reviews) latest.set(r.requirementId, r);
  return latest;
}

/** The self-assessment as its readers see it. */
export async function selfAssessmentView(db: Db, actor: Actor, row: AssessmentRecord, self: SelfAssessmentRecord): Promise<SelfAssessmentView> {
  const [view, reviewRows, replyRows] = await Promise.all([assessmentView(db, row), listReviews(db, row.id), listReplies(db, row.id)]);
  const nos = new Map(view.items.map((i) => [i.requirementId, i.no] as const));
  const reviews: ItemReview[] = reviewRows.map((r) => {
    const decision = r.decision as ReviewDecision;
    const selfVerdict = r.self_verdict as Verdict;
    const correctedVerdict = (r.corrected_verdict as Verdict | null) ?? null;
    return {
      id: r.id,
      requirementId: r.requirement_id,
      no: nos.get(r.requirement_id) ?? r.requirement_id,
      round: r.round,
      decision,
      comment: r.comment,
      selfVerdict,
      correctedVerdict,
      reviewedVerdict: reviewedVerdict({ decision, selfVerdict, correctedVerdict }),
      reviewer: { id: r.reviewer_id, displayName: r.reviewer_name ?? '' },
      at: r.reviewed_at,
      replies: replyRows
        .filter((p) => p.review_id === r.id)
        .map((p) => ({ id: p.id, body: p.body, by: { id: p.author_id, displayName: p.author_name ?? '' }, at: p.created_at })),
    };
  });
  const latest = latestReviews(reviews);
  const items = view.answers.map((a: Answer) => {
    const review = latest.get(a.requirementId) ?? null;
    return { requirementId: a.requirementId, no: a.no, selfVerdict: a.verdict, reviewedVerdict: review?.reviewedVerdict ?? null, review };
  });
  const state = self.state as SelfAssessmentState;
  const allows = self.organisation_allows === 1;
  const member = isOwnMember(actor, self.organisation_id);
  const reviewer = isReviewer(actor);
  const memberTurn = member && allows && (state === 'draft' || state === 'changes-requested');
  return {
    assessmentId: row.id,
    organisationId: self.organisation_id,
    state,
    round: self.round,
    organisationAllows: allows,
    createdBy: self.created_by,
    submittedAt: self.submitted_at,
    decidedAt: self.decided_at,
    items,
    reviews,
    can: {
      answer: memberTurn,
      submit: memberTurn,
      review: reviewer && state === 'submitted',
      decide: reviewer && state === 'submitted',
      reply: (member || reviewer) && state !== 'accepted',
    },
  };
}

/** Reads a self-assessment the actor may see, as a view. */
export async function readSelfAssessment(ctx: ServiceContext, actor: Actor, id: string): Promise<SelfAssessmentView> {
  const { row, self } = await visibleSelfAssessment(ctx, actor, id);
  return selfAssessmentView(ctx.store.db, actor, row, self);
}

/** Both verdicts per item for the reports; null when the assessment is not a self-assessment. */
export async function selfAssessmentForReport(ctx: ServiceContext, actor: Actor, id: string): Promise<ReportSelfAssessment | null> {
  const self = await findSelfAssessment(ctx.store.db, id);
  if (!self) return null;
  const { row } = await visibleSelfAssessment(ctx, actor, id);
  const view = await selfAssessmentView(ctx.store.db, actor, row, self);
  return {
    state: view.state,
    round: view.round,
    items: view.items.map((i) => ({
      requirementId: i.requirementId,
      no: i.no,
      selfVerdict: i.selfVerdict,
      reviewedVerdict: i.reviewedVerdict,
      decision: i.review?.decision ?? null,
      comment: i.review?.comment ?? '',
    })),
  };
}
