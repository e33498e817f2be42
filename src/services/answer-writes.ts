import { randomUUID } from 'node:crypto';
import { type AnswerField, answerContentProblems, storedAnswerContent } from '../core/assessment/answer-rules.js';
import type { Answer, AnswerSource } from '../core/assessment/assessment.types.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import type { Verdict } from '../core/assessment/verdicts.js';
import { AppError, type FieldError, validationErrors } from '../core/errors.js';
import { insertAnswerHistory } from '../store/answer-history.repository.js';
import { type AnswerRow, findAnswersOf, touchForAnswers, updateAnswerIfVersion } from '../store/assessments.repository.js';
import { listAttachmentsOf } from '../store/attachments.repository.js';
import { findSelfAssessment } from '../store/self-assessments.repository.js';
import { SELF_ANSWERABLE_STATES } from '../core/assessment/self-assessment.js';
import type { Db } from '../store/database.js';
import { attachmentMeta, FINAL_READ_ONLY, toAnswer } from './assessment-records.js';
import { keepCurrentResults } from './assessment-results.service.js';

/**
 * The one write path of an answer's verdict, evidence and comment: the form,
 * bulk actions, workbook imports and accepted suggestions all come through
 * here, so every one of them follows the same content rules
 * (core/assessment/answer-rules.ts), is version-checked, leaves a history row
 * and clears the review flag of a carried-over item in the same way.
 */

/** One answer to write. `version` is the one the writer read; a newer stored version refuses the write. */
export interface AnswerWrite {
  item: Pick<ChecksheetItem, 'requirementId' | 'no'>;
  version: number;
  verdict: Verdict;
  evidence: string;
  comment: string;
  source: AnswerSource;
  /** e.g. the probe run of an accepted suggestion. */
  sourceRef?: string | null;
  /** For an accepted suggestion: the runs and checks behind it (AnswerOrigin as JSON). Every other write clears it. */
  origin?: string | null;
  /** Where a field came from, for error messages (e.g. `evidence` of a single answer); default `answers.<no>.<field>`. */
  place?: (field: AnswerField) => string;
}

/** Every content problem of the writes, each named by its place; nothing is written when there is one. */
export function answerWriteProblems(writes: readonly AnswerWrite[]): FieldError[] {
  const problems = new Map<string, FieldError>();
  for (const w of writes) {
    for (const p of answerContentProblems(storedAnswerContent(w))) {
      const path = w.place?.(p.field) ?? `answers.${w.item.no}.${p.field}`;
      // A bulk action's one comment is one place, however many items it goes to.
      problems.set(`${path}\n${p.message}`, { path, message: p.message, code: p.code, ...(p.params ? { params: p.params } : {}) });
    }
  }
  return [...problems.values()];
}

/** The refusal of writes with bad content, naming every place. */

const originOf = (w: AnswerWrite) => (w.source === 'suggestion' ? (w.origin ?? null) : null);

/**
 * A write that would store what is stored already (same verdict, evidence,
 * comment and origin) is no write: no new version, no history row, and the
 * review flag stays. The workbook import relies on this, since a row left as
 * exported must not count as the assessor's review.
 */
export function changesAnswer(stored: Pick<AnswerRow, 'verdict' | 'evidence' | 'comment' | 'source'>, w: AnswerWrite): boolean {
  const next = storedAnswerContent(w);
  return stored.verdict !== next.verdict || stored.evidence !== next.evidence || stored.comment !== next.comment || (stored.source ?? null) !== originOf(w);
}

/** The stored answer with its attachments. */
export async function answerNow(db: Db, assessmentId: string, requirementId: string): Promise<Answer> {
  const [answer] = await answersNow(db, assessmentId, new Set([requirementId]));
  if (!answer) throw new AppError('not-found');
  return answer;
}

/** Several stored answers with their attachments, read once: only those, not the assessment's every answer. */
async function answersNow(db: Db, assessmentId: string, ids: ReadonlySet<string>): Promise<Answer[]> {
  const [rows, files] = await Promise.all([findAnswersOf(db, assessmentId, [...ids]), listAttachmentsOf(db, assessmentId, [...ids])]);
  return rows.map((r) => toAnswer(r, files.filter((f) => f.requirement_id === r.requirement_id).map(attachmentMeta)));
}

/** One stale item of a refused write: what the writer had, and what is stored now. */
export interface StaleAnswer {
  requirementId: string;
  no: string;
  sentVersion: number;
  current: Answer;
  /** Why it is stale, when not a version the writer sent. */
  reason?: string;
}

/** The refusal of a stale write: names every item and carries each one's current answer. */
export function staleAnswersError(stale: readonly StaleAnswer[]): AppError {
  const names = stale.map((s) => s.no).join(', ');
  const detail =
    stale.length === 1
      ? `item ${names} was changed by someone else meanwhile (now version ${stale[0]?.current.version}); nothing was saved: look at their answer, then save yours again`
      : `items ${names} were changed by someone else meanwhile; nothing was saved`;
  return new AppError(
    'conflict',
    detail,
    stale.map((s) => ({
      path: `answers.${s.no}.version`,
      message: s.reason ?? `is ${s.sentVersion}; the stored answer is version ${s.current.version}`,
      code: 'invalid',
    })),
    { conflicts: stale.map((s) => ({ requirementId: s.requirementId, no: s.no, current: s.current })) },
  );
}

/**
 * Writes answers inside the caller's transaction, all or none: content that
 * breaks a rule refuses the lot naming each place; any stale one throws a
 * conflict naming all stale items with their stored answers. A write that
 * changes nothing is skipped (see {@link changesAnswer}). Every real write
 * clears the item's review flag. Moves the assessment to a new version once
 * (refused when final) and keeps its results at that version.
 */
export async function writeAnswers(trx: Db, assessmentId: string, writes: readonly AnswerWrite[], by: string | null, at: string): Promise<Answer[]> {
  if (writes.length === 0) return [];
  const problems = answerWriteProblems(writes);
  if (problems.length > 0) throw validationErrors(problems);
  // First, so that concurrent writers of one assessment queue on its row (PostgreSQL) before reading the answers.
  if (!(await touchForAnswers(trx, assessmentId, at))) throw new AppError('conflict', FINAL_READ_ONLY);
  // Checked again under the assessment's row lock: a self-assessment submitted meanwhile is no longer the member's to change.
  const self = await findSelfAssessment(trx, assessmentId);
  if (self && !SELF_ANSWERABLE_STATES.has(self.state)) throw new AppError('conflict', `the self-assessment is ${self.state}; answers cannot change now`);
  const written = [...new Set(writes.map((w) => w.item.requirementId))];
  const stored = new Map((await findAnswersOf(trx, assessmentId, written)).map((a) => [a.requirement_id, a] as const));
  const stale: StaleAnswer[] = [];
  for (const w of writes) {
    const before = stored.get(w.item.requirementId);
    const content = storedAnswerContent(w);
    if (before && Number(before.version) === w.version && !changesAnswer(before, w)) continue;
    // An answer typed, imported or bulk-set is the assessor's own: it no longer comes from a run.
    const change = {
      verdict: content.verdict,
      evidence: content.evidence,
      comment: content.comment,
      review: null,
      source: originOf(w),
      updated_by: by,
      updated_at: at,
    };
    if (await updateAnswerIfVersion(trx, assessmentId, w.item.requirementId, w.version, change)) {
      await insertAnswerHistory(trx, {
        id: randomUUID(),
        assessment_id: assessmentId,
        requirement_id: w.item.requirementId,
        version: w.version + 1,
        verdict: content.verdict,
        evidence: content.evidence,
        comment: content.comment,
        source: w.source,
        source_ref: w.sourceRef ?? null,
        changed_by: by,
        changed_at: at,
      });
    } else {
      stale.push({
        requirementId: w.item.requirementId,
        no: w.item.no,
        sentVersion: w.version,
        current: await answerNow(trx, assessmentId, w.item.requirementId),
      });
    }
  }
  // Throwing rolls the whole transaction back: the writes that did go through are undone too.
  if (stale.length > 0) throw staleAnswersError(stale);
  await keepCurrentResults(trx, assessmentId);
  return answersNow(trx, assessmentId, new Set(writes.map((w) => w.item.requirementId)));
}
