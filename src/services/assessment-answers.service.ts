import { z } from 'zod';
import { type Answer, type AnswerHistoryEntry, type AnswerSource, answerProblem } from '../core/assessment/assessment.types.js';
import { ANSWER_LIMITS, DEFECT_KINDS, VERDICTS, type Verdict } from '../core/assessment/verdicts.js';
import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import { listAnswerHistory } from '../store/answer-history.repository.js';
import { type AnswerChange, findAnswer, findAnswers, touchAssessment, updateAnswer } from '../store/assessments.repository.js';
import type { Db } from '../store/database.js';
import { type AnswerWrite, answerNow, writeAnswers } from './answer-writes.js';
import { fileDefectProposal } from './assessment-defects.js';
import { FINAL_READ_ONLY, invalid, itemOf, itemsOf, visibleAssessment, writableAssessment } from './assessment-records.js';
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
    /** The answer's version the writer read: a newer stored one refuses the write (409 conflict). */
    version: z.number().int().min(0),
    /** An undo is a write like any other, recorded as such in the history. */
    source: z.enum(['answer', 'undo']).default('answer'),
  })
  .strict();

export const BulkAnswerInput = z
  .object({
    items: z
      .array(z.object({ requirementId: z.string().min(1).max(200), version: z.number().int().min(0) }).strict())
      .min(1, 'choose at least one item')
      .max(2000, 'at most 2000 items at once'),
    verdict: z.enum(VERDICTS),
    /** Written to every item; for 対象外 it is the one reason for all. */
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

/** Writes a flag change and moves the assessment on (new version; a draft is now in progress). Refused once final. */
async function writeFlag(trx: Db, assessmentId: string, requirementId: string, change: Partial<AnswerChange>, at: string) {
  if (!(await touchAssessment(trx, assessmentId, at, true))) throw new AppError('conflict', FINAL_READ_ONLY);
  await updateAnswer(trx, assessmentId, requirementId, change);
}

/** Answers one item; refused with a conflict naming the item when someone else's answer came first. */
export async function answerItem(ctx: ServiceContext, actor: Actor, id: string, requirementId: string, input: z.output<typeof AnswerInput>): Promise<Answer> {
  const row = await writableAssessment(ctx, actor, id);
  const item = await itemOf(ctx.store.db, row, requirementId);
  const problem = answerProblem(input);
  if (problem) throw invalid('body.comment', problem);
  const write = { item, version: input.version, verdict: input.verdict, evidence: input.evidence, comment: input.comment, source: input.source };
  return mutate(
    ctx,
    actor,
    (a: Answer) => ({
      action: 'assessment.answered',
      targetType: 'assessment',
      targetId: id,
      detail: { requirementId, no: item.no, verdict: input.verdict, version: a.version, source: input.source },
    }),
    async (trx) => {
      const [answer] = await writeAnswers(trx, id, [write], actorId(actor), ctx.now().toISOString());
      if (!answer) throw new AppError('not-found', `item ${requirementId} is not in assessment ${id}`);
      return answer;
    },
  );
}

/**
 * One verdict (and comment) for several items, all or nothing: e.g. 対象外
 * with one reason for a whole group. Any stale item refuses the lot, naming each.
 */
export async function answerItems(ctx: ServiceContext, actor: Actor, id: string, input: z.output<typeof BulkAnswerInput>): Promise<{ answers: Answer[] }> {
  const row = await writableAssessment(ctx, actor, id);
  const items = new Map((await itemsOf(ctx.store.db, row)).map((i) => [i.requirementId, i] as const));
  const problem = answerProblem({ verdict: input.verdict, evidence: '', comment: input.comment });
  if (problem) throw invalid('body.comment', problem);
  const seen = new Set<string>();
  const writes: AnswerWrite[] = [];
  for (const [n, entry] of input.items.entries()) {
    const item = items.get(entry.requirementId);
    if (!item) throw invalid(`body.items.${n}.requirementId`, `item ${entry.requirementId} is not in assessment ${id}`);
    if (seen.has(item.requirementId)) throw invalid(`body.items.${n}.requirementId`, `item ${item.no} is listed twice`);
    seen.add(item.requirementId);
    writes.push({ item, version: entry.version, verdict: input.verdict, evidence: '', comment: input.comment, source: 'bulk' });
  }
  return mutate(
    ctx,
    actor,
    { action: 'assessment.answered-bulk', targetType: 'assessment', targetId: id, detail: { verdict: input.verdict, nos: writes.map((w) => w.item.no) } },
    async (trx) => {
      // Evidence is each item's own: keep what is stored (read under the same transaction).
      const stored = new Map((await findAnswers(trx, id)).map((a) => [a.requirement_id, a.evidence] as const));
      const kept = writes.map((w) => ({ ...w, evidence: stored.get(w.item.requirementId) ?? '' }));
      return { answers: await writeAnswers(trx, id, kept, actorId(actor), ctx.now().toISOString()) };
    },
  );
}

/** One item's history of answers, newest first, as its readers may see it. */
export async function answerHistory(ctx: ServiceContext, actor: Actor, id: string, requirementId: string): Promise<{ history: AnswerHistoryEntry[] }> {
  const row = await visibleAssessment(ctx, actor, id);
  await itemOf(ctx.store.db, row, requirementId);
  const rows = await listAnswerHistory(ctx.store.db, id, requirementId);
  return {
    history: rows.map((r) => ({
      version: Number(r.version),
      verdict: r.verdict as Verdict,
      evidence: r.evidence,
      comment: r.comment,
      source: r.source as AnswerSource,
      sourceRef: r.source_ref,
      by: r.changed_by ? { id: r.changed_by, displayName: r.changed_by_name ?? '' } : null,
      at: r.changed_at,
    })),
  };
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
      await writeFlag(
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
      await writeFlag(
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
