import { z } from 'zod';
import type { AssessmentView } from '../core/assessment/assessment.types.js';
import type { Actor } from '../core/authorization.js';
import { AppError, type FieldError } from '../core/errors.js';
import type { Edition } from '../core/model/edition.schema.js';
import { findAnswers, touchAssessment, updateAnswer } from '../store/assessments.repository.js';
import { readChecksheetWorkbook } from '../workbook/read-checksheet-workbook.js';
import { type WorkbookCover, writeChecksheetWorkbook } from '../workbook/write-checksheet-workbook.js';
import { lastAnswerWrites } from '../store/answer-history.repository.js';
import type { Db } from '../store/database.js';
import { type AnswerWrite, answerNow, staleAnswersError, writeAnswers } from './answer-writes.js';
import { fileDefectProposal } from './assessment-defects.js';
import { checksheetOf, FINAL_READ_ONLY, fileSlug, itemsOf, writableAssessment } from './assessment-records.js';
import { assessmentWithEdition } from './assessment-results.service.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { checksheetHints } from './attached-texts.service.js';

export const LangQuery = z.object({ lang: z.enum(['ja', 'en']).default('ja') }).strict();

/** What the cover sheet of an assessment's workbook shows. */
export function coverOf(view: AssessmentView, now: Date): WorkbookCover {
  return {
    title: view.title,
    organisation: view.organisation.name,
    product: view.product.model ? `${view.product.name} (${view.product.model})` : view.product.name,
    productVersion: view.productVersion,
    assessor: view.assessor?.displayName ?? null,
    date: (view.finalisedAt ?? now.toISOString()).slice(0, 10),
    assessmentId: view.id,
  };
}

/** An ASCII-safe download name: assessment-<product>-<date>.<ext>. */
export function assessmentFilename(view: AssessmentView, now: Date, ext: string): string {
  return `assessment-${fileSlug(view.product.name, view.product.id.slice(0, 8))}-${now.toISOString().slice(0, 10)}.${ext}`;
}

/** The assessment's filled workbook, with the publisher's text beside 確認方法 where its edition's mappings reach attached text. */
export async function assessmentWorkbook(ctx: ServiceContext, view: AssessmentView, edition: Edition, lang: 'ja' | 'en', now: Date): Promise<Buffer> {
  const hints = await checksheetHints(
    ctx,
    edition,
    view.items.map((i) => i.requirementId),
  );
  return writeChecksheetWorkbook(checksheetOf(view, edition), { lang, cover: coverOf(view, now), answers: view.answers, now, hints });
}

/** The assessment's checksheet as a filled workbook. */
export async function exportWorkbook(ctx: ServiceContext, actor: Actor, id: string, lang: 'ja' | 'en') {
  const { view, edition } = await assessmentWithEdition(ctx, actor, id);
  const now = ctx.now();
  return { filename: assessmentFilename(view, now, 'xlsx'), content: await assessmentWorkbook(ctx, view, edition, lang, now) };
}

/**
 * A workbook row that differs from an answer written after the workbook was
 * exported would overwrite someone's newer answer: refused like a stale API
 * write, naming each item with its stored answer. Without the export time
 * (no _tebiki sheet) the reader has already warned that nothing can be checked.
 */
async function refuseStaleRows(trx: Db, id: string, writes: readonly AnswerWrite[], exportedAt: string | null): Promise<void> {
  if (!exportedAt || writes.length === 0) return;
  const last = await lastAnswerWrites(trx, id);
  const stale = writes.filter((w) => (last.get(w.item.requirementId) ?? '') > exportedAt);
  if (stale.length === 0) return;
  throw staleAnswersError(
    await Promise.all(
      stale.map(async (w) => ({
        requirementId: w.item.requirementId,
        no: w.item.no,
        sentVersion: w.version,
        current: await answerNow(trx, id, w.item.requirementId),
        reason: `was answered again after the workbook was exported (${exportedAt}); export it again or change the item in the browser`,
      })),
    ),
  );
}

const sameDefect = (a: { kind: string; note: string } | null, b: { kind: string; note: string } | null) =>
  a === null ? b === null : b !== null && a.kind === b.kind && a.note === b.note;

/**
 * Reads a filled workbook and stores every changed answer in one transaction.
 * A workbook with any bad cell stores nothing (the reader lists every one).
 * New or changed defect flags become proposals, as through the API.
 */
export async function importWorkbook(ctx: ServiceContext, actor: Actor, id: string, data: Buffer): Promise<{ updated: number; warnings: FieldError[] }> {
  const row = await writableAssessment(ctx, actor, id);
  const items = await itemsOf(ctx.store.db, row);
  const reading = await readChecksheetWorkbook(data, items, { editionId: row.edition_id, assessmentId: id });
  const byItem = new Map(items.map((i) => [i.requirementId, i] as const));
  const at = ctx.now().toISOString();
  const by = actorId(actor);
  const updated = await mutate<number>(
    ctx,
    actor,
    (n) => ({ action: 'assessment.workbook-imported', targetType: 'assessment', targetId: id, detail: { updated: n, warnings: reading.warnings.length } }),
    async (trx) => {
      const stored = new Map((await findAnswers(trx, id)).map((a) => [a.requirement_id, a] as const));
      const changed = reading.answers.filter((a) => {
        const before = stored.get(a.requirementId);
        if (!before || !byItem.has(a.requirementId)) return false;
        const oldDefect = before.defect_kind ? { kind: before.defect_kind, note: before.defect_note ?? '' } : null;
        return before.verdict !== a.verdict || before.evidence !== a.evidence || before.comment !== a.comment || !sameDefect(oldDefect, a.defect);
      });
      if (changed.length === 0) return 0;
      // Verdict, evidence and comment go through the one versioned write path (source: import).
      const answerWrites: AnswerWrite[] = [];
      for (const a of changed) {
        const before = stored.get(a.requirementId);
        const item = byItem.get(a.requirementId);
        if (!before || !item) continue;
        if (before.verdict !== a.verdict || before.evidence !== a.evidence || before.comment !== a.comment)
          answerWrites.push({ item, version: Number(before.version), verdict: a.verdict, evidence: a.evidence, comment: a.comment, source: 'import' });
      }
      await refuseStaleRows(trx, id, answerWrites, reading.meta.exportedAt);
      await writeAnswers(trx, id, answerWrites, by, at);
      if (answerWrites.length === 0 && !(await touchAssessment(trx, id, at, true))) throw new AppError('conflict', FINAL_READ_ONLY);
      for (const a of changed) {
        const before = stored.get(a.requirementId);
        const item = byItem.get(a.requirementId);
        if (!before || !item) continue;
        const oldDefect = before.defect_kind ? { kind: before.defect_kind, note: before.defect_note ?? '' } : null;
        if (sameDefect(oldDefect, a.defect)) continue;
        const proposalId = a.defect
          ? await fileDefectProposal(trx, {
              assessmentId: id,
              editionId: row.edition_id,
              item,
              kind: a.defect.kind,
              note: a.defect.note,
              assessorId: by ?? '',
              at,
            })
          : null;
        await updateAnswer(trx, id, a.requirementId, {
          defect_kind: a.defect?.kind ?? null,
          defect_note: a.defect?.note ?? null,
          defect_proposal_id: proposalId,
          updated_by: by,
          updated_at: at,
        });
      }
      return changed.length;
    },
  );
  return { updated, warnings: reading.warnings };
}
