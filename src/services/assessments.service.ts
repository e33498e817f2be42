import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type AssessmentView, blankAnswers } from '../core/assessment/assessment.types.js';
import { carryOver } from '../core/assessment/carry-over.js';
import { assessmentContentHash } from '../core/assessment/content-hash.js';
import type { CarryOverSummary } from '../core/assessment/results.types.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import { ASSESSMENT_STATUSES, type AssessmentStatus, canMoveAssessment, VERDICTS, type Verdict } from '../core/assessment/verdicts.js';
import { canWriteAssessments } from '../core/assessment/assessment-access.js';
import type { Actor } from '../core/authorization.js';
import { AppError, validationError } from '../core/errors.js';
import type { Edition } from '../core/model/edition.schema.js';
import { appendAudit } from '../store/audit.repository.js';
import {
  type AnswerRow,
  type AssessmentRecord,
  type AssessmentRow,
  type ChecksheetSnapshot,
  findAssessment,
  insertAssessment,
  listAssessments,
  updateAssessmentIfCurrent,
  verdictCounts,
} from '../store/assessments.repository.js';
import { type AttachmentRow, insertAttachments } from '../store/attachments.repository.js';
import { findSelfAssessment, selfAssessmentStates } from '../store/self-assessments.repository.js';
import type { Db } from '../store/database.js';
import {
  assessmentView,
  FINAL_READ_ONLY,
  readAssessment,
  requireUser,
  visibilityFilter,
  visibleAssessment,
  writableAssessment,
  snapshotOf,
} from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { notifyAssessmentFinalised } from './notification-events.js';
import { kickMail } from './notifications.service.js';
import { ChecksheetSpecInput, checksheetFor, specFromInput } from './checksheets.service.js';
import { getProduct } from './organisations.service.js';
import { readableEdition } from './editions.service.js';
import { optionalLine, requiredText, rowVersion } from './input-rules.js';

const line = (max: number) => requiredText(max, false);
const id = z.string().trim().min(1, 'is required').max(200);

export const AssessmentInput = z
  .object({
    productId: id,
    title: line(200),
    productVersion: optionalLine(100).default(null),
    editionId: id,
    spec: ChecksheetSpecInput,
  })
  .strict();

export const AssessmentPatch = z.object({ version: rowVersion(1), title: line(200).optional(), productVersion: optionalLine(100).optional() }).strict();

export const StatusInput = z.object({ to: z.enum(ASSESSMENT_STATUSES), version: rowVersion(1) }).strict();

export const MoveInput = z.object({ editionId: id }).strict();

export const AssessmentListQuery = z
  .object({ productId: z.string().trim().min(1).max(200).optional(), status: z.enum(ASSESSMENT_STATUSES).optional() })
  .strict();

/** A published edition the actor may read, or a validation error naming the field `editionId`. */
async function publishedEdition(ctx: ServiceContext, actor: Actor, editionId: string): Promise<Edition> {
  try {
    const edition = await readableEdition(ctx, actor, editionId);
    if (edition.meta.status !== 'published') throw validationError('editionId', `edition ${editionId} is not published`, 'invalid');
    return edition;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') throw validationError('editionId', `edition ${editionId} not found`, 'unknown');
    throw error;
  }
}

export function answerRows(assessmentId: string, answers: AssessmentView['answers'], by: string | null, at: string | null): AnswerRow[] {
  return answers.map((a) => ({
    assessment_id: assessmentId,
    requirement_id: a.requirementId,
    no: a.no,
    verdict: a.verdict,
    evidence: a.evidence,
    comment: a.comment,
    defect_kind: a.defect?.kind ?? null,
    defect_note: a.defect ? a.defect.note : null,
    defect_proposal_id: a.defect?.proposalId ?? null,
    review: a.review,
    previous_verdict: a.previousVerdict,
    updated_by: a.updatedAt ? by : null,
    updated_at: a.updatedAt ? at : null,
    version: 0,
  }));
}

/**
 * A new assessment over a checksheet's items, stamped now: its row (a draft at
 * version 1, created by its assessor) and the item snapshot the row points at.
 */
export function draftAssessment(
  ctx: ServiceContext,
  items: readonly ChecksheetItem[],
  fields: Pick<AssessmentRow, 'organisation_id' | 'product_id' | 'edition_id' | 'title' | 'product_version' | 'spec' | 'assessor_id' | 'carried_from'>,
): { row: AssessmentRow; snapshot: ChecksheetSnapshot; at: string } {
  const at = ctx.now().toISOString();
  const snapshot = snapshotOf(items);
  const row: AssessmentRow = {
    id: randomUUID(),
    ...fields,
    items_hash: snapshot.hash,
    status: 'draft',
    version: 1,
    created_by: fields.assessor_id,
    created_at: at,
    updated_at: at,
    finalised_at: null,
    content_hash: null,
  };
  return { row, snapshot, at };
}

/** A new draft assessment of a visible product on a published edition, with a blank answer for every item. */
export async function createAssessment(ctx: ServiceContext, actor: Actor, input: z.output<typeof AssessmentInput>): Promise<AssessmentView> {
  requireUser(actor);
  let product: Awaited<ReturnType<typeof getProduct>>;
  try {
    product = await getProduct(ctx, actor, input.productId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') throw new AppError('not-found', `product ${input.productId} not found`);
    throw error;
  }
  if (!canWriteAssessments(actor)) throw new AppError('forbidden', 'only assessors and admins create assessments');
  const blank = await blankAssessment(ctx, actor, input, product, actor.userId);
  await mutate(ctx, actor, { action: 'assessment.created', targetType: 'assessment', targetId: blank.row.id, detail: blank.detail }, (trx) =>
    insertBlankAssessment(trx, blank),
  );
  return readAssessment(ctx, actor, blank.row.id);
}

/** A new assessment of the product on a published edition, every item unanswered: its row, item snapshot and audit detail, not yet stored. */
export async function blankAssessment(
  ctx: ServiceContext,
  actor: Actor,
  input: Pick<z.output<typeof AssessmentInput>, 'editionId' | 'spec' | 'title' | 'productVersion'>,
  product: { id: string; organisationId: string },
  assessorId: string | null,
) {
  const edition = await publishedEdition(ctx, actor, input.editionId);
  const spec = specFromInput(input.spec);
  const checksheet = checksheetFor(edition, spec);
  const { row, snapshot, at } = draftAssessment(ctx, checksheet.items, {
    organisation_id: product.organisationId,
    product_id: product.id,
    edition_id: edition.meta.id,
    title: input.title,
    product_version: input.productVersion,
    spec: JSON.stringify(spec),
    assessor_id: assessorId,
    carried_from: null,
  });
  const detail = { productId: product.id, organisationId: product.organisationId, editionId: edition.meta.id, items: checksheet.items.length };
  return { row, snapshot, checksheet, at, detail };
}

/** Stores a blank assessment with an unanswered answer row for every item. */
export async function insertBlankAssessment(trx: Db, blank: Awaited<ReturnType<typeof blankAssessment>>): Promise<void> {
  await insertAssessment(trx, blank.row, blank.snapshot, answerRows(blank.row.id, blankAnswers(blank.checksheet), null, null));
}

import type { AssessmentSummary } from '../core/assessment/assessment.types.js';
export type { AssessmentSummary };

/** The assessments the caller may see, most recently changed first; the visibility rule is part of the query. */
export async function visibleAssessments(ctx: ServiceContext, actor: Actor, query: z.output<typeof AssessmentListQuery>): Promise<AssessmentSummary[]> {
  requireUser(actor);
  const scope = visibilityFilter(actor);
  if (!scope) return [];
  const rows = await listAssessments(ctx.store.db, {
    ...scope,
    ...(query.productId ? { productId: query.productId } : {}),
    ...(query.status ? { status: query.status } : {}),
  });
  const ids = rows.map((r) => r.id);
  const [counts, selfStates] = await Promise.all([verdictCounts(ctx.store.db, ids), selfAssessmentStates(ctx.store.db, ids)]);
  return rows.map((r) => {
    const byVerdict = counts.get(r.id) ?? new Map<string, number>();
    const c = Object.fromEntries(VERDICTS.map((v) => [v, byVerdict.get(v) ?? 0])) as Record<Verdict, number>;
    return {
      id: r.id,
      title: r.title,
      status: r.status as AssessmentStatus,
      organisation: { id: r.organisation_id, name: r.organisation_name },
      product: { id: r.product_id, name: r.product_name },
      productVersion: r.product_version,
      edition: { id: r.edition_id },
      itemCount: Object.values(c).reduce((a, b) => a + b, 0),
      counts: c,
      updatedAt: r.updated_at,
      finalisedAt: r.finalised_at,
      selfAssessment: selfStates.get(r.id) ?? null,
    };
  });
}

export const getAssessment = readAssessment;

/** A version the caller read that is no longer current. */
function stale(row: AssessmentRecord, version: number): AppError {
  return new AppError('conflict', `assessment ${row.id} has changed since version ${version} (now ${row.version}); reload and try again`);
}

/** Applies a change only to the version the caller read; loses cleanly (409) to a change made meanwhile. */
async function changeIfCurrent(trx: Db, id: string, version: number, change: Parameters<typeof updateAssessmentIfCurrent>[3]) {
  if (await updateAssessmentIfCurrent(trx, id, version, change)) return;
  const now = await findAssessment(trx, id);
  if (now?.status === 'final') throw new AppError('conflict', FINAL_READ_ONLY);
  throw new AppError('conflict', `assessment ${id} has changed since version ${version}; reload and try again`);
}

export async function patchAssessment(ctx: ServiceContext, actor: Actor, id: string, input: z.output<typeof AssessmentPatch>): Promise<AssessmentView> {
  const row = await writableAssessment(ctx, actor, id);
  if (Number(row.version) !== input.version) throw stale(row, input.version);
  const change = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.productVersion !== undefined ? { product_version: input.productVersion } : {}),
    updated_at: ctx.now().toISOString(),
  };
  const detail = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.productVersion !== undefined ? { productVersion: input.productVersion } : {}),
  };
  await mutate(ctx, actor, { action: 'assessment.updated', targetType: 'assessment', targetId: id, detail }, (trx) =>
    changeIfCurrent(trx, id, input.version, change),
  );
  return readAssessment(ctx, actor, id);
}

/**
 * Moves through draft → in-progress → in-review → final (or back from review).
 * Final needs every item decided or marked needs-review, and records the
 * content hash in the assessment and in the audit entry.
 */
export async function changeStatus(ctx: ServiceContext, actor: Actor, id: string, input: z.output<typeof StatusInput>): Promise<AssessmentView> {
  const row = await writableAssessment(ctx, actor, id);
  if (await findSelfAssessment(ctx.store.db, id)) throw new AppError('conflict', 'a self-assessment moves by submit, send back and accept, not by status');
  if (Number(row.version) !== input.version) throw stale(row, input.version);
  const from = row.status as AssessmentStatus;
  if (!canMoveAssessment(from, input.to)) throw new AppError('conflict', `an assessment cannot move from ${from} to ${input.to}`);
  const at = ctx.now().toISOString();
  await mutate<string | null>(
    ctx,
    actor,
    (contentHash) => ({
      action: input.to === 'final' ? 'assessment.finalised' : 'assessment.status-changed',
      targetType: 'assessment',
      targetId: id,
      detail: { from, to: input.to, ...(contentHash ? { contentHash } : {}) },
    }),
    async (trx) => {
      if (input.to !== 'final') {
        await changeIfCurrent(trx, id, input.version, { status: input.to, updated_at: at });
        return null;
      }
      // Hash exactly what is stored, read inside the transaction that seals it.
      const current = await findAssessment(trx, id);
      if (!current || Number(current.version) !== input.version) throw new AppError('conflict', `assessment ${id} has changed; reload and try again`);
      const view = await assessmentView(trx, current);
      const open = view.answers.filter((a) => a.verdict === 'unassessed').map((a) => a.no);
      if (open.length > 0) {
        throw new AppError(
          'conflict',
          `every item needs a verdict before the assessment is final; not assessed: ${open.join(', ')}`,
          [{ path: 'answers', message: `not assessed (未評価): ${open.join(', ')}`, code: 'unassessed' }],
          { unassessed: open },
        );
      }
      const contentHash = assessmentContentHash({ ...view, status: 'final' });
      await changeIfCurrent(trx, id, input.version, { status: 'final', finalised_at: at, content_hash: contentHash, updated_at: at });
      await notifyAssessmentFinalised(ctx, trx, current);
      return contentHash;
    },
  );
  kickMail(ctx);
  return readAssessment(ctx, actor, id);
}

/**
 * A new assessment of the same product on a newer published edition, with
 * the same spec; answers carried over (unchanged items keep theirs, changed
 * items need review). The old assessment stays as it is; both get an entry
 * in the audit log.
 */
export async function moveAssessment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: z.output<typeof MoveInput>,
): Promise<AssessmentView & { carryOver: CarryOverSummary }> {
  const old = await visibleAssessment(ctx, actor, id);
  if (!canWriteAssessments(actor) || actor.kind !== 'user') throw new AppError('forbidden', 'only assessors and admins move assessments');
  const edition = await publishedEdition(ctx, actor, input.editionId);
  if (edition.meta.id === old.edition_id) throw validationError('editionId', `the assessment is already on edition ${old.edition_id}`, 'invalid');
  if (edition.meta.date < old.edition_date) throw validationError('editionId', `edition ${edition.meta.id} is older than edition ${old.edition_id}`, 'invalid');
  const oldView = await assessmentView(ctx.store.db, old);
  const checksheet = checksheetFor(edition, oldView.spec);
  const { answers, summary } = carryOver({ editionId: old.edition_id, items: oldView.items, answers: oldView.answers }, checksheet);
  const { row, snapshot, at } = draftAssessment(ctx, checksheet.items, {
    organisation_id: old.organisation_id,
    product_id: old.product_id,
    edition_id: edition.meta.id,
    title: old.title,
    product_version: old.product_version,
    spec: old.spec,
    assessor_id: actor.userId,
    carried_from: old.id,
  });
  // The carried attachments point at the same stored content under new ids.
  const attachments: AttachmentRow[] = answers.flatMap((a) =>
    a.attachments.map((f) => ({
      id: randomUUID(),
      assessment_id: row.id,
      requirement_id: a.requirementId,
      sha256: f.sha256,
      filename: f.filename,
      media_type: f.mediaType,
      size: f.size,
      uploaded_by: actorId(actor),
      created_at: f.uploadedAt,
    })),
  );
  const counts = { unchanged: summary.unchanged.length, changed: summary.changed.length, added: summary.added.length, removed: summary.removed.length };
  await mutate(
    ctx,
    actor,
    {
      action: 'assessment.moved',
      targetType: 'assessment',
      targetId: old.id,
      detail: { to: row.id, fromEdition: old.edition_id, toEdition: edition.meta.id, ...counts },
    },
    async (trx) => {
      await insertAssessment(trx, row, snapshot, answerRows(row.id, answers, actorId(actor), at));
      await insertAttachments(trx, attachments);
      await appendAudit(
        trx,
        ctx.store.dialect,
        {
          actorId: actorId(actor),
          action: 'assessment.created',
          targetType: 'assessment',
          targetId: row.id,
          detail: { carriedFrom: old.id, editionId: edition.meta.id, ...counts },
        },
        ctx.now(),
      );
    },
  );
  return { ...(await readAssessment(ctx, actor, row.id)), carryOver: summary };
}
