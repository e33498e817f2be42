import { type Actor, isRole } from '../core/authorization.js';
import { AppError, type FieldError, validationErrors } from '../core/errors.js';
import type { Edition } from '../core/model/edition.schema.js';
import { formatPath } from '../core/problems.js';
import { type EditionProblem, validateEdition } from '../core/validate-edition.js';
import { requirementFileOrder } from '../content/export-content.js';
import type { Db } from '../store/database.js';
import { type DraftSummaryRow, findDraftState, insertDraftState, listOpenDrafts, takeDraft, updateDraftContent } from '../store/drafts.repository.js';
import { findEdition } from '../store/editions.repository.js';
import { type ServiceContext, mutate } from './context.js';
import { isPublished, latestPublishedId, loadEdition } from './edition-loader.js';
import { editionHash } from '../core/edition-hash.js';

/**
 * The machinery every draft change shares (drafts.service.ts and
 * draft-items.service.ts): who may edit, loading, the one write path with
 * whole-edition validation, and problems in API form.
 */

import type { DraftSummary, ItemKind } from '../core/drafts.types.js';
export type { DraftSummary, ItemKind };

/** A problem as the API reports it: `path` is item-relative (`requirement.title.en`) for the item written, else the whole-edition path. */
export interface DraftProblem extends FieldError {
  severity: 'error' | 'warning';
  code: string;
}

/** Drafts are the editors' workspace: members and assessors get 403, anonymous visitors 401. */
export function requireEditor(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!isRole(actor, 'editor', 'admin')) throw new AppError('forbidden', 'only editors and administrators work on drafts');
}

export const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

export async function loadDraft(db: Db, id: string): Promise<Edition> {
  const loaded = await loadEdition(db, id, (s) => s.status === 'draft');
  if (!loaded) throw new AppError('not-found', `draft ${id} not found`);
  return loaded.edition;
}

/** A published edition by id, or the newest published one (what GET /api/editions calls current). */
export async function publishedEdition(db: Db, id?: string | null): Promise<Edition | null> {
  const wanted = id ?? (await latestPublishedId(db));
  return wanted ? ((await loadEdition(db, wanted, isPublished))?.edition ?? null) : null;
}

export function summaryOf(row: DraftSummaryRow): DraftSummary {
  return {
    id: row.id,
    title: { ja: row.title_ja, en: row.title_en },
    date: row.edition_date,
    baseEditionId: row.base_edition_id,
    revision: row.revision ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at ?? row.created_at,
  };
}

export async function draftSummary(db: Db, id: string): Promise<DraftSummary> {
  const row = (await listOpenDrafts(db)).find((d) => d.id === id);
  if (!row) throw new AppError('not-found', `draft ${id} not found`);
  return summaryOf(row);
}

export function editionColumns(edition: Edition) {
  return {
    title_ja: edition.meta.title.ja,
    title_en: edition.meta.title.en,
    status: edition.meta.status,
    edition_date: edition.meta.date,
    content_hash: editionHash(edition),
    content: JSON.stringify(edition),
  };
}

/** The item being written and where it sits in the candidate edition. */
export interface Target {
  kind: ItemKind | 'meta';
  index: number;
}

export const COLLECTION: Record<ItemKind, 'requirements' | 'glossary'> = { requirement: 'requirements', term: 'glossary' };

function describeEntity(candidate: unknown, p: EditionProblem): string {
  const list = (candidate as Record<string, unknown>)[p.at.collection];
  const item = Array.isArray(list) ? (list[p.at.index] as { id?: unknown; number?: unknown } | undefined) : undefined;
  if (p.at.collection === 'requirements') return `requirement ${String(item?.id)} (${String(item?.number)})`;
  if (p.at.collection === 'glossary') return `glossary term ${String(item?.id)}`;
  return p.at.collection;
}

/** Problems in API form: item-relative paths for the item written, messages naming the item elsewhere. */
export function draftProblems(problems: readonly EditionProblem[], candidate: unknown, target?: Target): DraftProblem[] {
  return problems.map((p) => {
    const mine = target && (target.kind === 'meta' ? p.at.collection === 'meta' : p.at.collection === COLLECTION[target.kind] && p.at.index === target.index);
    const within = formatPath(p.within);
    if (mine) return { severity: p.severity, code: p.code, path: within ? `${target.kind}.${within}` : target.kind, message: p.message };
    return { severity: p.severity, code: p.code, path: p.path, message: `${describeEntity(candidate, p)}: ${p.message}` };
  });
}

/** The whole candidate validated as `tebiki validate` would; errors → 400 naming every problem, nothing stored. */
export function validOrThrow(candidate: unknown, target?: Target): { edition: Edition; warnings: DraftProblem[] } {
  const result = validateEdition(candidate);
  if (!result.ok)
    throw validationErrors(
      draftProblems(
        result.problems.filter((p) => p.severity === 'error'),
        candidate,
        target,
      ),
    );
  // Requirements in exported-file order, so export → import gives this edition back unchanged.
  const edition = { ...result.edition, requirements: requirementFileOrder(result.edition.requirements) };
  return { edition, warnings: draftProblems(result.problems, candidate, target) };
}

/**
 * Runs one change to a draft and its audit entry in one transaction. Taking
 * the draft first serialises writers to it, so `change` sees what the
 * previous writer committed. Published or missing drafts are refused.
 */
export async function changeDraft<T>(
  ctx: ServiceContext,
  actor: Actor,
  draftId: string,
  audit: (result: T) => { action: string; detail: Record<string, unknown> },
  change: (trx: Db, draft: Edition, revision: number) => Promise<T>,
): Promise<T> {
  requireEditor(actor);
  return mutate(
    ctx,
    actor,
    (r: T) => ({ ...audit(r), targetType: 'edition', targetId: draftId }),
    async (trx) => {
      const now = ctx.now().toISOString();
      const revision = (await takeDraft(trx, draftId, now)) ?? (await adoptDraft(trx, draftId, now));
      return change(trx, await loadDraft(trx, draftId), revision);
    },
  );
}

/** An edition imported with status draft gets draft state on its first change; a published one is refused. */
async function adoptDraft(trx: Db, draftId: string, now: string): Promise<number> {
  const row = await findEdition(trx, draftId);
  if (!row) throw new AppError('not-found', `draft ${draftId} not found`);
  if (row.status !== 'draft' || (await findDraftState(trx, draftId))) throw new AppError('immutable', `edition ${draftId} is published and cannot be changed`);
  await insertDraftState(trx, {
    edition_id: draftId,
    base_edition_id: null,
    revision: 1,
    created_by: null,
    created_at: now,
    updated_at: now,
    published_at: null,
  });
  return 1;
}

/** Validates the candidate and stores it as the draft's content. */
export async function storeDraft(trx: Db, draftId: string, candidate: unknown, target?: Target) {
  const result = validOrThrow(candidate, target);
  await updateDraftContent(trx, draftId, editionColumns(result.edition));
  return result;
}
