import { rowVersion } from './input-rules.js';
import { z } from 'zod';
import type { AnswerField } from '../core/assessment/answer-rules.js';
import type { Answer, AnswerHistoryEntry, AnswerSource } from '../core/assessment/assessment.types.js';
import { DEFECT_KINDS, VERDICTS, type Verdict } from '../core/assessment/verdicts.js';
import type { Actor } from '../core/authorization.js';
import { AppError, validationError } from '../core/errors.js';
import { listAnswerHistory } from '../store/answer-history.repository.js';
import { findAnswers, touchAssessment } from '../store/assessments.repository.js';
import type { Db } from '../store/database.js';
import { type AnswerWrite, answerNow, writeAnswers } from './answer-writes.js';
import { FINAL_READ_ONLY, itemOf, itemsOf, visibleAssessment, writableAssessment } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { defectFlagProblem, writeDefectFlag } from './defect-flag-writes.js';
import { kickMail } from './notifications.service.js';

/**
 * Free text of an answer: its rules (control characters, length, the reason
 * of 対象外) are checked by the one write path, so that the API and the
 * workbook import refuse the same text with the same message. The cap here
 * only bounds what is parsed.
 */
const answerText = z.string().max(100_000, 'is far too long');

export const AnswerInput = z
  .object({
    verdict: z.enum(VERDICTS),
    evidence: answerText.default(''),
    comment: answerText.default(''),
    /** The answer's version the writer read: a newer stored one refuses the write (409 conflict). */
    version: rowVersion(0),
    /** An undo is a write like any other, recorded as such in the history. */
    source: z.enum(['answer', 'undo']).default('answer'),
  })
  .strict();

export const BulkAnswerInput = z
  .object({
    items: z
      .array(z.object({ requirementId: z.string().min(1).max(200), version: rowVersion(0) }).strict())
      .min(1, 'choose at least one item')
      .max(2000, 'at most 2000 items at once'),
    verdict: z.enum(VERDICTS),
    /** Written to every item; for 対象外 it is the one reason for all. */
    comment: answerText.default(''),
  })
  .strict();

export const DefectInput = z
  .object({
    kind: z.enum(DEFECT_KINDS),
    /** Checked by the one flag write (defectNoteProblem), as for a workbook cell. */
    note: answerText,
  })
  .strict();

/** Moves the assessment on (new version; a draft is now in progress) before a flag is written. Refused once final. */
async function touchForFlag(trx: Db, assessmentId: string, at: string) {
  if (!(await touchAssessment(trx, assessmentId, at, true))) throw new AppError('conflict', FINAL_READ_ONLY);
}

/** Answers one item; refused with a conflict naming the item when someone else's answer came first. */
export async function answerItem(ctx: ServiceContext, actor: Actor, id: string, requirementId: string, input: z.output<typeof AnswerInput>): Promise<Answer> {
  const row = await writableAssessment(ctx, actor, id);
  const item = await itemOf(ctx.store.db, row, requirementId);
  const write: AnswerWrite = {
    item,
    version: input.version,
    verdict: input.verdict,
    evidence: input.evidence,
    comment: input.comment,
    source: input.source,
    place: (field) => field,
  };
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

/** The bulk comment is the body's; each item's kept evidence is its own. */
const bulkPlace = (no: string) => (field: AnswerField) => (field === 'evidence' ? `answers.${no}.evidence` : field);

/**
 * One verdict (and comment) for several items, all or nothing: e.g. 対象外
 * with one reason for a whole group. Any stale item refuses the lot, naming each.
 */
export async function answerItems(ctx: ServiceContext, actor: Actor, id: string, input: z.output<typeof BulkAnswerInput>): Promise<{ answers: Answer[] }> {
  const row = await writableAssessment(ctx, actor, id);
  const items = new Map((await itemsOf(ctx.store.db, row)).map((i) => [i.requirementId, i] as const));
  const seen = new Set<string>();
  const writes: AnswerWrite[] = [];
  for (const [n, entry] of input.items.entries()) {
    const item = items.get(entry.requirementId);
    if (!item) throw validationError(`items.${n}.requirementId`, `item ${entry.requirementId} is not in assessment ${id}`, 'invalid');
    if (seen.has(item.requirementId)) throw validationError(`items.${n}.requirementId`, `item ${item.no} is listed twice`, 'invalid');
    seen.add(item.requirementId);
    writes.push({ item, version: entry.version, verdict: input.verdict, evidence: '', comment: input.comment, source: 'bulk', place: bulkPlace(item.no) });
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
 * transaction, through the one flag write the workbook import uses too.
 * The same flag again files nothing new.
 */
export async function flagDefect(ctx: ServiceContext, actor: Actor, id: string, requirementId: string, input: z.output<typeof DefectInput>): Promise<Answer> {
  const row = await writableAssessment(ctx, actor, id);
  const item = await itemOf(ctx.store.db, row, requirementId);
  const at = ctx.now().toISOString();
  const flag = { assessmentId: id, editionId: row.edition_id, item, defect: input, by: actorId(actor), at, place: 'note' };
  const problem = defectFlagProblem(flag.defect);
  if (problem) throw validationError('note', problem.message, problem.code);
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
      await touchForFlag(trx, id, at);
      await writeDefectFlag(ctx, trx, flag);
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
      await touchForFlag(trx, id, at);
      await writeDefectFlag(ctx, trx, { assessmentId: id, editionId: row.edition_id, item, defect: null, by: actorId(actor), at, place: 'body' });
      return answerNow(trx, id, requirementId);
    },
  );
}
