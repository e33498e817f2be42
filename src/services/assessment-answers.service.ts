import { z } from 'zod';
import { type Answer, answerProblem } from '../core/assessment/assessment.types.js';
import { ANSWER_LIMITS, DEFECT_KINDS, VERDICTS } from '../core/assessment/verdicts.js';
import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import { type AnswerChange, findAnswer, touchAssessment, updateAnswer } from '../store/assessments.repository.js';
import { listAttachments } from '../store/attachments.repository.js';
import type { Db } from '../store/database.js';
import { fileDefectProposal } from './assessment-defects.js';
import { attachmentMeta, FINAL_READ_ONLY, invalid, itemOf, toAnswer, writableAssessment } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { notifyDefectFlagged } from './notification-events.js';
import { kickMail } from './notifications.service.js';
import { CONTROLS_MESSAGE, noControls } from './proposals.service.js';

const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`).refine(noControls(true), CONTROLS_MESSAGE);

export const AnswerInput = z
  .object({
    verdict: z.enum(VERDICTS),
    evidence: longText(ANSWER_LIMITS.evidence).default(''),
    comment: longText(ANSWER_LIMITS.comment).default(''),
  })
  .strict();

export const DefectInput = z
  .object({
    kind: z.enum(DEFECT_KINDS),
    note: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(ANSWER_LIMITS.defectNote, `must be at most ${ANSWER_LIMITS.defectNote} characters`)
      .refine(noControls(true), CONTROLS_MESSAGE),
  })
  .strict();

/** The stored answer, after a change, with its attachments. */
async function answerNow(db: Db, assessmentId: string, requirementId: string): Promise<Answer> {
  const row = await findAnswer(db, assessmentId, requirementId);
  if (!row) throw new AppError('not-found');
  const files = (await listAttachments(db, assessmentId)).filter((f) => f.requirement_id === requirementId).map(attachmentMeta);
  return toAnswer(row, files);
}

/** Writes an answer change and moves the assessment on (new version; a draft is now in progress). Refused once final. */
async function writeAnswer(trx: Db, assessmentId: string, requirementId: string, change: Partial<AnswerChange>, at: string) {
  if (!(await touchAssessment(trx, assessmentId, at, true))) throw new AppError('conflict', FINAL_READ_ONLY);
  await updateAnswer(trx, assessmentId, requirementId, change);
}

export async function answerItem(ctx: ServiceContext, actor: Actor, id: string, requirementId: string, input: z.output<typeof AnswerInput>): Promise<Answer> {
  const row = await writableAssessment(ctx, actor, id);
  const item = await itemOf(ctx.store.db, row, requirementId);
  const problem = answerProblem(input);
  if (problem) throw invalid('body.comment', problem);
  const at = ctx.now().toISOString();
  const change = { verdict: input.verdict, evidence: input.evidence, comment: input.comment, review: null, updated_by: actorId(actor), updated_at: at };
  return mutate(
    ctx,
    actor,
    { action: 'assessment.answered', targetType: 'assessment', targetId: id, detail: { requirementId, no: item.no, verdict: input.verdict } },
    async (trx) => {
      await writeAnswer(trx, id, requirementId, change, at);
      return answerNow(trx, id, requirementId);
    },
  );
}

/**
 * Flags the check item itself (unclear, wrong, missing, too strict): stored
 * on the answer and filed as a proposal for the editors in the same
 * transaction. The same flag again files nothing new.
 */
export async function flagDefect(ctx: ServiceContext, actor: Actor, id: string, requirementId: string, input: z.output<typeof DefectInput>): Promise<Answer> {
  const row = await writableAssessment(ctx, actor, id);
  const item = await itemOf(ctx.store.db, row, requirementId);
  const at = ctx.now().toISOString();
  const assessorId = actorId(actor) ?? '';
  const flagged = await mutate<Answer>(
    ctx,
    actor,
    (answer: Answer) => ({
      action: 'assessment.defect-flagged',
      targetType: 'assessment',
      targetId: id,
      detail: { requirementId, no: item.no, kind: input.kind, proposalId: answer.defect?.proposalId ?? null },
    }),
    async (trx) => {
      const before = await findAnswer(trx, id, requirementId);
      const same = before?.defect_kind === input.kind && before.defect_note === input.note;
      const proposalId = same
        ? (before?.defect_proposal_id ?? null)
        : await fileDefectProposal(trx, { assessmentId: id, editionId: row.edition_id, item, kind: input.kind, note: input.note, assessorId, at });
      if (!same && proposalId) await notifyDefectFlagged(ctx, trx, { proposalId, no: item.no, title: item.title.ja });
      await writeAnswer(
        trx,
        id,
        requirementId,
        { defect_kind: input.kind, defect_note: input.note, defect_proposal_id: proposalId, updated_by: assessorId, updated_at: at },
        at,
      );
      return answerNow(trx, id, requirementId);
    },
  );
  kickMail(ctx);
  return flagged;
}

/** Clears the flag on the answer; the proposal stays in the editors' queue. */
export async function clearDefect(ctx: ServiceContext, actor: Actor, id: string, requirementId: string): Promise<Answer> {
  const row = await writableAssessment(ctx, actor, id);
  const item = await itemOf(ctx.store.db, row, requirementId);
  const at = ctx.now().toISOString();
  return mutate(
    ctx,
    actor,
    { action: 'assessment.defect-cleared', targetType: 'assessment', targetId: id, detail: { requirementId, no: item.no } },
    async (trx) => {
      await writeAnswer(
        trx,
        id,
        requirementId,
        { defect_kind: null, defect_note: null, defect_proposal_id: null, updated_by: actorId(actor), updated_at: at },
        at,
      );
      return answerNow(trx, id, requirementId);
    },
  );
}
