import { z } from 'zod';
import type { AssessmentView } from '../core/assessment/assessment.types.js';
import type { Actor } from '../core/authorization.js';
import { AppError, type FieldError } from '../core/errors.js';
import type { Edition } from '../core/model/edition.schema.js';
import { findAnswers, touchAssessment, updateAnswer } from '../store/assessments.repository.js';
import { readChecksheetWorkbook } from '../workbook/read-checksheet-workbook.js';
import { type WorkbookCover, writeChecksheetWorkbook } from '../workbook/write-checksheet-workbook.js';
import { fileDefectProposal } from './assessment-defects.js';
import { checksheetOf, FINAL_READ_ONLY, fileSlug, itemsOf, writableAssessment } from './assessment-records.js';
import { assessmentWithEdition } from './assessment-results.service.js';
import { actorId, mutate, type ServiceContext } from './context.js';

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

export async function assessmentWorkbook(view: AssessmentView, edition: Edition, lang: 'ja' | 'en', now: Date): Promise<Buffer> {
  return writeChecksheetWorkbook(checksheetOf(view, edition), { lang, cover: coverOf(view, now), answers: view.answers, now });
}

/** The assessment's checksheet as a filled workbook. */
export async function exportWorkbook(ctx: ServiceContext, actor: Actor, id: string, lang: 'ja' | 'en') {
  const { view, edition } = await assessmentWithEdition(ctx, actor, id);
  const now = ctx.now();
  return { filename: assessmentFilename(view, now, 'xlsx'), content: await assessmentWorkbook(view, edition, lang, now) };
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
      if (!(await touchAssessment(trx, id, at, true))) throw new AppError('conflict', FINAL_READ_ONLY);
      for (const a of changed) {
        const before = stored.get(a.requirementId);
        const item = byItem.get(a.requirementId);
        if (!before || !item) continue;
        const oldDefect = before.defect_kind ? { kind: before.defect_kind, note: before.defect_note ?? '' } : null;
        const verdictSame = before.verdict === a.verdict && before.evidence === a.evidence && before.comment === a.comment;
        let defect = {};
        if (!sameDefect(oldDefect, a.defect)) {
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
          defect = { defect_kind: a.defect?.kind ?? null, defect_note: a.defect?.note ?? null, defect_proposal_id: proposalId };
        }
        await updateAnswer(trx, id, a.requirementId, {
          verdict: a.verdict,
          evidence: a.evidence,
          comment: a.comment,
          // A changed verdict is the assessor's own: it no longer comes from an accepted suggestion.
          ...(verdictSame ? {} : { review: null, source: null }),
          ...defect,
          updated_by: by,
          updated_at: at,
        });
      }
      return changed.length;
    },
  );
  return { updated, warnings: reading.warnings };
}
