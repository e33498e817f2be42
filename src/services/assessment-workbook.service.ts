import { z } from 'zod';
import type { AssessmentView } from '../core/assessment/assessment.types.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import type { Edition } from '../core/model/edition.schema.js';
import { findAnswers, touchAssessment } from '../store/assessments.repository.js';
import { readChecksheetWorkbook, type WorkbookAnswer, type WorkbookWarning } from '../workbook/read-checksheet-workbook.js';
import { COLUMN, SHEETS } from '../workbook/workbook-layout.js';
import { type WorkbookCover, writeChecksheetWorkbook } from '../workbook/write-checksheet-workbook.js';
import { lastAnswerWrites } from '../store/answer-history.repository.js';
import type { Db } from '../store/database.js';
import { type AnswerWrite, answerNow, changesAnswer, staleAnswersError, writeAnswers } from './answer-writes.js';
import { writeDefectFlag } from './defect-flag-writes.js';
import { kickMail } from './notifications.service.js';
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

/**
 * Reads a filled workbook and stores every changed answer in one transaction.
 * A workbook with any bad cell stores nothing (the reader lists every one).
 * Answers go through the one write path (writeAnswers, source import) and
 * flags through the one flag write (writeDefectFlag), so a row obeys the
 * same rules as the API: a row left as exported is no write and keeps the
 * item's review flag; a changed row clears it; a new or changed flag is filed
 * as a proposal and its editors are notified.
 */
export async function importWorkbook(ctx: ServiceContext, actor: Actor, id: string, data: Buffer): Promise<{ updated: number; warnings: WorkbookWarning[] }> {
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
      const answerWrites: AnswerWrite[] = [];
      const flags: { item: ChecksheetItem; defect: WorkbookAnswer['defect']; row: number }[] = [];
      for (const a of reading.answers) {
        const before = stored.get(a.requirementId);
        const item = byItem.get(a.requirementId);
        if (!before || !item) continue;
        const write: AnswerWrite = {
          item,
          version: Number(before.version),
          verdict: a.verdict,
          evidence: a.evidence,
          comment: a.comment,
          source: 'import',
          place: (field) => `${SHEETS.items}!${COLUMN[field].letter}${a.row}`,
        };
        if (changesAnswer(before, write)) answerWrites.push(write);
        const oldDefect = before.defect_kind ? { kind: before.defect_kind, note: before.defect_note ?? '' } : null;
        if (!sameDefect(oldDefect, a.defect)) flags.push({ item, defect: a.defect, row: a.row });
      }
      const changed = new Set([...answerWrites.map((w) => w.item.requirementId), ...flags.map((f) => f.item.requirementId)]);
      if (changed.size === 0) return 0;
      await refuseStaleRows(trx, id, answerWrites, reading.meta.exportedAt);
      await writeAnswers(trx, id, answerWrites, by, at);
      if (answerWrites.length === 0 && !(await touchAssessment(trx, id, at, true))) throw new AppError('conflict', FINAL_READ_ONLY);
      for (const f of flags) {
        await writeDefectFlag(ctx, trx, {
          assessmentId: id,
          editionId: row.edition_id,
          item: f.item,
          defect: f.defect,
          by,
          at,
          place: `${SHEETS.items}!${COLUMN.defect.letter}${f.row}`,
        });
      }
      return changed.size;
    },
  );
  kickMail(ctx);
  return { updated, warnings: reading.warnings };
}

const sameDefect = (a: { kind: string; note: string } | null, b: { kind: string; note: string } | null) =>
  a === null ? b === null : b !== null && a.kind === b.kind && a.note === b.note;
