import { createHash } from 'node:crypto';
import type { Answer, AnswerOrigin, AssessmentView, AttachmentMeta } from '../core/assessment/assessment.types.js';
import { assessmentScope, canSeeAssessment, writeRefusal } from '../core/assessment/assessment-access.js';
import type { Checksheet, ChecksheetItem, ChecksheetSpec } from '../core/assessment/checksheet.types.js';
import type { AssessmentStatus, DefectKind, Verdict } from '../core/assessment/verdicts.js';
import type { Actor } from '../core/authorization.js';
import { downloadFilename } from '../core/assessment/attachment-rules.js';
import { AppError } from '../core/errors.js';
import type { Edition } from '../core/model/edition.schema.js';
import {
  type AnswerRow,
  type AssessmentRecord,
  findAnswers,
  findAssessment,
  findChecksheetItems,
  type ChecksheetSnapshot,
} from '../store/assessments.repository.js';
import { type AttachmentRow, listAttachments } from '../store/attachments.repository.js';
import { findSelfAssessment } from '../store/self-assessments.repository.js';
import { answerWriteRefusal, type SelfAssessmentState } from '../core/assessment/self-assessment.js';
import type { Db } from '../store/database.js';
import { RecentMap } from '../core/recent-map.js';
import type { ServiceContext } from './context.js';

/** What every write to a final assessment answers. */
export const FINAL_READ_ONLY = 'final assessments are read-only';

export function requireUser(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
}

/** Another organisation's assessment answers "not found", never "forbidden": its existence is not revealed. */
export async function visibleAssessment(ctx: ServiceContext, actor: Actor, id: string, db: Db = ctx.store.db): Promise<AssessmentRecord> {
  requireUser(actor);
  return seenOrNotFound(actor, id, await findAssessment(db, id));
}

/** The row when the actor may see it; else not found (see {@link visibleAssessment}). */
export function seenOrNotFound<R extends { organisation_id: string }>(actor: Extract<Actor, { kind: 'user' }>, id: string, row: R | undefined): R {
  if (!row || !canSeeAssessment(actor, { organisationId: row.organisation_id })) throw new AppError('not-found', `assessment ${id} not found`);
  return row;
}

/**
 * Visible, changeable by this actor, and not final; checked before anything is
 * written. A self-assessment follows its own rule (core/assessment/self-assessment.ts).
 */
export async function writableAssessment(ctx: ServiceContext, actor: Actor, id: string, db: Db = ctx.store.db): Promise<AssessmentRecord> {
  requireUser(actor);
  const row = await findAssessment(db, id);
  if (!row) throw new AppError('not-found', `assessment ${id} not found`);
  const self = await findSelfAssessment(db, id);
  if (self) {
    // A self-assessment is its organisation's to answer, and only while draft or sent back.
    const selfRefusal = answerWriteRefusal(
      actor,
      { organisationId: row.organisation_id, state: self.state as SelfAssessmentState },
      self.organisation_allows === 1,
    );
    if (selfRefusal?.kind === 'not-found') throw new AppError('not-found', `assessment ${id} not found`);
    if (selfRefusal) throw new AppError(selfRefusal.kind, selfRefusal.message);
    if (row.status === 'final') throw new AppError('conflict', FINAL_READ_ONLY);
    return row;
  }
  const refusal = writeRefusal(actor, { organisationId: row.organisation_id });
  if (refusal === 'not-found') throw new AppError('not-found', `assessment ${id} not found`);
  if (refusal === 'forbidden') throw new AppError('forbidden', 'members read their assessments; assessors change them');
  if (row.status === 'final') throw new AppError('conflict', FINAL_READ_ONLY);
  return row;
}

/** The list filter for the actor's visibility; null when they see none. */
export function visibilityFilter(actor: Actor): { organisationId?: string } | null {
  const scope = assessmentScope(actor);
  if (scope.kind === 'none') return null;
  return scope.kind === 'organisation' ? { organisationId: scope.organisationId } : {};
}

/** A checksheet's frozen items as stored: the JSON and its SHA-256, the key identical checksheets share. */
export function snapshotOf(items: readonly ChecksheetItem[]): ChecksheetSnapshot {
  const text = JSON.stringify(items);
  return { hash: createHash('sha256').update(text).digest('hex'), items: text };
}

/** Parsed frozen checksheets by hash: a hash always names the same items, so entries never go stale. */
const itemCache = new RecentMap<string, ChecksheetItem[]>(32);

/** The assessment's frozen checksheet items, parsed (cached: large, shared and never changed). */
export async function itemsOf(db: Db, row: Pick<AssessmentRecord, 'id' | 'items_hash'>): Promise<ChecksheetItem[]> {
  const key = row.items_hash;
  const hit = itemCache.get(key);
  if (hit) return hit;
  const text = await findChecksheetItems(db, key);
  if (text === undefined) throw new AppError('not-found', `assessment ${row.id} not found`);
  const items = JSON.parse(text) as ChecksheetItem[];
  itemCache.set(key, items);
  return items;
}
export const specOf = (row: AssessmentRecord): ChecksheetSpec => JSON.parse(row.spec) as ChecksheetSpec;

/** One item of an assessment's checksheet; an item not in it is not found. */
export async function itemOf(db: Db, row: Pick<AssessmentRecord, 'id' | 'items_hash'>, requirementId: string): Promise<ChecksheetItem> {
  const item = (await itemsOf(db, row)).find((i) => i.requirementId === requirementId);
  if (!item) throw new AppError('not-found', `item ${requirementId} is not in assessment ${row.id}`);
  return item;
}

export function attachmentMeta(r: AttachmentRow): AttachmentMeta {
  return {
    id: r.id,
    sha256: r.sha256,
    filename: r.filename,
    downloadName: downloadFilename(r.filename, r.media_type),
    mediaType: r.media_type,
    size: Number(r.size),
    uploadedAt: r.created_at,
  };
}

export function toAnswer(r: AnswerRow, attachments: AttachmentMeta[]): Answer {
  return {
    requirementId: r.requirement_id,
    no: r.no,
    verdict: r.verdict as Verdict,
    evidence: r.evidence,
    comment: r.comment,
    defect: r.defect_kind ? { kind: r.defect_kind as DefectKind, note: r.defect_note ?? '', proposalId: r.defect_proposal_id } : null,
    review: (r.review as Answer['review']) ?? null,
    previousVerdict: (r.previous_verdict as Verdict | null) ?? null,
    attachments,
    updatedAt: r.updated_at,
    version: Number(r.version),
    ...(r.source ? { source: JSON.parse(r.source) as AnswerOrigin } : {}),
  };
}

/** The whole assessment as the API shows it: frozen items and answers in checksheet order. */
export async function assessmentView(db: Db, row: AssessmentRecord): Promise<AssessmentView> {
  const [answerRows, attachmentRows, items] = await Promise.all([findAnswers(db, row.id), listAttachments(db, row.id), itemsOf(db, row)]);
  const files = new Map<string, AttachmentMeta[]>();
  for (const a of attachmentRows) files.set(a.requirement_id, [...(files.get(a.requirement_id) ?? []), attachmentMeta(a)]);
  const byItem = new Map(answerRows.map((a) => [a.requirement_id, a] as const));
  const answers: Answer[] = [];
  for (const i of items) {
    const a = byItem.get(i.requirementId);
    if (a) answers.push(toAnswer(a, files.get(i.requirementId) ?? []));
  }
  return {
    id: row.id,
    title: row.title,
    status: row.status as AssessmentStatus,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    product: { id: row.product_id, name: row.product_name, model: row.product_model },
    productVersion: row.product_version,
    edition: { id: row.edition_id, title: { ja: row.edition_title_ja, en: row.edition_title_en }, date: row.edition_date },
    spec: specOf(row),
    assessor: row.assessor_id ? { id: row.assessor_id, displayName: row.assessor_name ?? '' } : null,
    carriedFrom: row.carried_from,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finalisedAt: row.finalised_at,
    contentHash: row.content_hash,
    version: Number(row.version),
    items,
    answers,
  };
}

/** Reads an assessment the actor may see, as a view. */
export async function readAssessment(ctx: ServiceContext, actor: Actor, id: string): Promise<AssessmentView> {
  return assessmentView(ctx.store.db, await visibleAssessment(ctx, actor, id));
}

/** The checksheet an assessment was made from (its frozen items), for workbooks. */
export function checksheetOf(view: AssessmentView, edition: Edition): Checksheet {
  const labels = {
    layers: edition.taxonomy.layers.map((l) => ({ id: l.id, label: l.label })),
    phases: edition.taxonomy.phases.map((p) => ({ id: p.id, label: p.label })),
  };
  return { edition: view.edition, labels, spec: view.spec, items: view.items, excluded: [] };
}

/** An ASCII-safe name part: product names are often Japanese. */
export function fileSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .toLowerCase();
  return slug || fallback;
}
