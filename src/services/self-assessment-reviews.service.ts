import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { moveRefusal, replyRefusal, reviewProblem, reviewRefusal } from '../core/assessment/self-assessment.js';
import { ANSWER_LIMITS, VERDICTS, type Verdict } from '../core/assessment/verdicts.js';
import type { Actor } from '../core/authorization.js';
import { AppError, validationError } from '../core/errors.js';
import { findAnswer, findAnswers } from '../store/assessments.repository.js';
import type { Db } from '../store/database.js';
import { findReview, insertReply, listReviews, moveSelfAssessment, type SelfAssessmentRecord, saveReview } from '../store/self-assessments.repository.js';
import { itemOf } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { kickMail } from './notifications.service.js';
import { optionalText } from './input-rules.js';
import { factsOf, refusalError, readSelfAssessment, type SelfAssessmentView, visibleSelfAssessment } from './self-assessment-records.js';
import { notifySelfAssessmentDecided } from './self-assessment-notices.js';

/**
 * Self-assessment, the consortium's side: an assessor reviews a submitted
 * self-assessment item by item (agree, or disagree with a comment and a
 * corrected verdict), then sends it back or accepts it. Both sides reply to
 * review comments. Every step is one audited transaction.
 */

export const ReviewInput = z
  .object({
    decision: z.enum(['agree', 'disagree']),
    comment: optionalText(ANSWER_LIMITS.comment).default(''),
    correctedVerdict: z.enum(VERDICTS).nullable().default(null),
  })
  .strict();

export const ReplyInput = z.object({ body: optionalText(ANSWER_LIMITS.comment).pipe(z.string().min(1, 'is required')) }).strict();

/** Records the assessor's review of one item in the current round (a second review in the round replaces the first). */
export async function reviewItem(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  requirementId: string,
  input: z.output<typeof ReviewInput>,
): Promise<SelfAssessmentView> {
  const { row, self } = await visibleSelfAssessment(ctx, actor, id);
  const refusal = reviewRefusal(actor, factsOf(self));
  if (refusal) throw refusalError(refusal, id);
  const item = await itemOf(ctx.store.db, row, requirementId);
  const answer = await findAnswer(ctx.store.db, id, requirementId);
  const selfVerdict = (answer?.verdict ?? 'unassessed') as Verdict;
  const problem = reviewProblem(input, selfVerdict);
  if (problem) throw validationError(problem.path, problem.message, problem.code);
  const at = ctx.now().toISOString();
  await mutate(
    ctx,
    actor,
    {
      action: 'self-assessment.reviewed',
      targetType: 'assessment',
      targetId: id,
      detail: { requirementId, no: item.no, round: self.round, decision: input.decision, selfVerdict, correctedVerdict: input.correctedVerdict },
    },
    (trx) =>
      saveReview(trx, {
        id: randomUUID(),
        assessment_id: id,
        requirement_id: requirementId,
        round: self.round,
        decision: input.decision,
        comment: input.comment,
        self_verdict: selfVerdict,
        corrected_verdict: input.decision === 'disagree' ? input.correctedVerdict : null,
        reviewer_id: actorId(actor) ?? '',
        reviewed_at: at,
      }),
  );
  return readSelfAssessment(ctx, actor, id);
}

/** Reviews of the current round; disagreements given earlier on an unchanged verdict still hold. */
async function currentDisagreements(trx: Db, self: SelfAssessmentRecord): Promise<number> {
  return (await listReviews(trx, self.assessment_id)).filter((r) => r.round === self.round && r.decision === 'disagree').length;
}

/** Sends the self-assessment back to the member for changes; needs at least one disagreement in this round. */
export async function sendBack(ctx: ServiceContext, actor: Actor, id: string): Promise<SelfAssessmentView> {
  const { self } = await visibleSelfAssessment(ctx, actor, id);
  const move = moveRefusal(actor, factsOf(self), 'send-back', self.organisation_allows === 1);
  if ('kind' in move) throw refusalError(move, id);
  const at = ctx.now().toISOString();
  await mutate<number>(
    ctx,
    actor,
    (disagreements: number) => ({ action: 'self-assessment.sent-back', targetType: 'assessment', targetId: id, detail: { round: self.round, disagreements } }),
    async (trx) => {
      const disagreements = await currentDisagreements(trx, self);
      if (disagreements === 0) throw new AppError('conflict', 'disagree with at least one item, saying why, before sending the self-assessment back');
      await decide(trx, self, { state: move.to, decided_by: actorId(actor), decided_at: at });
      await notifySelfAssessmentDecided(ctx, trx, id, 'sent-back');
      return disagreements;
    },
  );
  kickMail(ctx);
  return readSelfAssessment(ctx, actor, id);
}

async function decide(trx: Db, self: SelfAssessmentRecord, change: Parameters<typeof moveSelfAssessment>[3]): Promise<void> {
  if (!(await moveSelfAssessment(trx, self.assessment_id, self.state, change)))
    throw new AppError('conflict', `self-assessment ${self.assessment_id} has changed meanwhile; reload and try again`);
}

/**
 * Accepts the self-assessment. Every answered item not reviewed in this round
 * gets its review now: an earlier disagreement on a verdict the member kept
 * still holds; anything else is agreed. So every answered item has both verdicts.
 */
export async function accept(ctx: ServiceContext, actor: Actor, id: string): Promise<SelfAssessmentView> {
  const { self } = await visibleSelfAssessment(ctx, actor, id);
  const move = moveRefusal(actor, factsOf(self), 'accept', self.organisation_allows === 1);
  if ('kind' in move) throw refusalError(move, id);
  const at = ctx.now().toISOString();
  const by = actorId(actor) ?? '';
  await mutate<{ agreed: number; disagreed: number }>(
    ctx,
    actor,
    (counts: { agreed: number; disagreed: number }) => ({
      action: 'self-assessment.accepted',
      targetType: 'assessment',
      targetId: id,
      detail: { round: self.round, ...counts },
    }),
    async (trx) => {
      const reviews = await listReviews(trx, id);
      const latest = new Map(reviews.map((r) => [r.requirement_id, r] as const));
      for (const a of await findAnswers(trx, id)) {
        const last = latest.get(a.requirement_id);
        if (a.verdict === 'unassessed' || last?.round === self.round) continue;
        const keep = last?.decision === 'disagree' && last.self_verdict === a.verdict;
        await saveReview(trx, {
          id: randomUUID(),
          assessment_id: id,
          requirement_id: a.requirement_id,
          round: self.round,
          decision: keep ? 'disagree' : 'agree',
          comment: keep ? (last?.comment ?? '') : '',
          self_verdict: a.verdict,
          corrected_verdict: keep ? (last?.corrected_verdict ?? null) : null,
          reviewer_id: keep ? (last?.reviewer_id ?? by) : by,
          reviewed_at: at,
        });
      }
      await decide(trx, self, { state: move.to, decided_by: by, decided_at: at });
      await notifySelfAssessmentDecided(ctx, trx, id, 'accepted');
      const final = (await listReviews(trx, id)).filter((r) => r.round === self.round);
      return { agreed: final.filter((r) => r.decision === 'agree').length, disagreed: final.filter((r) => r.decision === 'disagree').length };
    },
  );
  kickMail(ctx);
  return readSelfAssessment(ctx, actor, id);
}

/** A reply to a review comment, by the organisation's member or an assessor. */
export async function replyToReview(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  reviewId: string,
  input: z.output<typeof ReplyInput>,
): Promise<SelfAssessmentView> {
  const { self } = await visibleSelfAssessment(ctx, actor, id);
  const refusal = replyRefusal(actor, factsOf(self));
  if (refusal) throw refusalError(refusal, id);
  const review = await findReview(ctx.store.db, reviewId);
  if (!review || review.assessment_id !== id) throw new AppError('not-found', `review ${reviewId} is not in assessment ${id}`);
  const replyId = randomUUID();
  await mutate(
    ctx,
    actor,
    { action: 'self-assessment.replied', targetType: 'assessment', targetId: id, detail: { reviewId, replyId, requirementId: review.requirement_id } },
    (trx) => insertReply(trx, { id: replyId, review_id: reviewId, author_id: actorId(actor) ?? '', body: input.body, created_at: ctx.now().toISOString() }),
  );
  return readSelfAssessment(ctx, actor, id);
}
