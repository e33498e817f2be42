import type { Actor } from '../core/authorization.js';
import { coverageChange, type StandardCoverageChange } from '../core/coverage/coverage-diff.js';
import { diffEditions, type EditionDiff } from '../core/edition-diff.js';
import { importedStandards } from './imported-standards.service.js';
import { AppError, validationErrors } from '../core/errors.js';
import { codeOfIssue } from '../core/zod-field-errors.js';
import { EditionMeta, type Localized, Reference, type Requirement, type StandardNode } from '../core/model/edition.schema.js';
import { RELATIONSHIPS, VERIFICATION_METHODS } from '../core/taxonomy.js';
import { flattenThreatCategories } from '../core/validate-references.js';
import {
  deleteDraftEdition,
  findDraftState,
  insertDraftState,
  itemVersion,
  itemVersions,
  listOpenDrafts,
  markDraftPublished,
  setItemVersion,
} from '../store/drafts.repository.js';
import { findEdition, insertEdition } from '../store/editions.repository.js';
import { type ServiceContext, actorId, mutate } from './context.js';
import { createDraftItem } from './draft-items.service.js';
import {
  changeDraft,
  type DraftSummary,
  draftSummary,
  editionColumns,
  loadDraft,
  publishedEdition,
  requireEditor,
  storeDraft,
  summaryOf,
  today,
  validOrThrow,
} from './draft-work.js';

export type { DraftProblem, DraftSummary } from './draft-work.js';
export { checkDraftItem, createDraftItem, deleteDraftItem, draftItem, updateDraftItem } from './draft-items.service.js';

/**
 * Draft editions as a whole: open one from the latest published edition,
 * list, overview, diff, title, publish, discard. Item edits are in
 * draft-items.service.ts. Only editors and admins see or touch drafts.
 */

export async function listDrafts(ctx: ServiceContext, actor: Actor): Promise<{ drafts: DraftSummary[] }> {
  requireEditor(actor);
  return { drafts: (await listOpenDrafts(ctx.store.db)).map(summaryOf) };
}

/** The newest open draft, for features that add to "the" draft (member proposals). No authorisation: callers authorise. */
export async function latestDraftId(ctx: ServiceContext): Promise<string | null> {
  return (await listOpenDrafts(ctx.store.db))[0]?.id ?? null;
}

/** Adds a requirement to a draft like any editor write: validated over the whole draft, audited. */
export async function addRequirementToDraft(ctx: ServiceContext, actor: Actor, draftId: string, requirement: Requirement): Promise<{ id: string }> {
  const { id } = await createDraftItem(ctx, actor, draftId, 'requirement', requirement);
  return { id };
}

/** Opens a draft under a new edition id as a copy of the latest published edition. */
export async function openDraft(ctx: ServiceContext, actor: Actor, input: { id: string; title: Localized }): Promise<DraftSummary> {
  requireEditor(actor);
  const idCheck = EditionMeta.shape.id.safeParse(input.id);
  const idIssue = idCheck.error?.issues[0];
  if (idIssue) throw validationErrors([{ path: 'id', message: idIssue.message, code: codeOfIssue(idIssue) }]);
  const db = ctx.store.db;
  const base = await publishedEdition(db);
  if (!base) throw new AppError('conflict', 'there is no published edition to open a draft from');
  if (await findEdition(db, input.id))
    throw new AppError('conflict', `edition ${input.id} already exists; choose a new id`, [{ path: 'id', message: 'already exists', code: 'already-exists' }]);
  // Standards imported from OSCAL catalogs join the draft, so its items can map to them.
  const known = new Set(base.standards.map((s) => s.id));
  const imported = (await importedStandards(ctx)).filter((s) => !known.has(s.id));
  const { edition } = validOrThrow(
    { ...base, standards: [...base.standards, ...imported], meta: { ...base.meta, id: input.id, title: input.title, status: 'draft', date: today(ctx) } },
    { kind: 'meta', index: 0 },
  );
  const now = ctx.now().toISOString();
  await mutate(ctx, actor, { action: 'draft.opened', targetType: 'edition', targetId: input.id, detail: { base: base.meta.id } }, async (trx) => {
    await insertEdition(trx, { ...editionColumns(edition), id: input.id, created_at: now });
    await insertDraftState(trx, {
      edition_id: input.id,
      base_edition_id: base.meta.id,
      revision: 1,
      created_by: actorId(actor),
      created_at: now,
      updated_at: now,
      published_at: null,
    });
  });
  return draftSummary(db, input.id);
}

/** The draft with its items and their versions, for the editor's overview. */
export async function draftOverview(ctx: ServiceContext, actor: Actor, draftId: string) {
  requireEditor(actor);
  const db = ctx.store.db;
  const draft = await loadDraft(db, draftId);
  const [summary, reqVersions, termVersions, metaVersion] = await Promise.all([
    draftSummary(db, draftId),
    itemVersions(db, draftId, 'requirement'),
    itemVersions(db, draftId, 'term'),
    itemVersion(db, draftId, 'meta', ''),
  ]);
  return {
    draft: { ...summary, version: metaVersion ?? 1 },
    // By display number, as editors look items up (the stored order is the exported files' order).
    requirements: [...draft.requirements]
      .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }))
      .map((r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        layers: r.layers,
        phases: r.phases,
        version: reqVersions.get(r.id) ?? 1,
      })),
    terms: draft.glossary.map((t) => ({ id: t.id, term: t.term, reading: t.reading, version: termVersions.get(t.id) ?? 1 })),
  };
}

function standardOptions(nodes: readonly StandardNode[], depth = 0): { id: string; title: Localized; kind: string; depth: number }[] {
  return nodes.flatMap((n) => [{ id: n.id, title: n.title, kind: n.kind, depth }, ...standardOptions(n.children ?? [], depth + 1)]);
}

/** What the edit forms offer to choose from, taken from the draft itself. */
export async function draftOptions(ctx: ServiceContext, actor: Actor, draftId: string) {
  requireEditor(actor);
  const draft = await loadDraft(ctx.store.db, draftId);
  const t = draft.taxonomy;
  const depthOf = new Map<string, number>();
  const walk = (cats: typeof t.threatCategories, depth: number) => {
    for (const c of cats) {
      depthOf.set(c.id, depth);
      walk(c.children ?? [], depth + 1);
    }
  };
  walk(t.threatCategories, 0);
  return {
    layers: t.layers.map((l) => ({ id: l.id, label: l.label })),
    phases: t.phases.map((p) => ({ id: p.id, label: p.label })),
    threatCategories: flattenThreatCategories(t.threatCategories).map((c) => ({ id: c.id, label: c.label, depth: depthOf.get(c.id) ?? 0 })),
    applicability: t.applicability.map((a) => ({ id: a.id, label: a.label })),
    verificationMethods: VERIFICATION_METHODS,
    relationships: RELATIONSHIPS,
    referenceTypes: Reference.shape.type.options,
    terms: draft.glossary.map((g) => ({ id: g.id, term: g.term })),
    standards: draft.standards.map((s) => ({ id: s.id, title: s.title, requirements: standardOptions(s.requirements) })),
  };
}

/** What changed against the published edition the draft was opened from (or the current one, for an imported draft). */
export async function draftDiff(
  ctx: ServiceContext,
  actor: Actor,
  draftId: string,
): Promise<EditionDiff & { revision: number; coverage: StandardCoverageChange[] }> {
  requireEditor(actor);
  const db = ctx.store.db;
  const draft = await loadDraft(db, draftId);
  const state = await findDraftState(db, draftId);
  const base = await publishedEdition(db, state?.base_edition_id ?? null);
  if (!base) throw new AppError('conflict', 'there is no published edition to compare the draft with');
  return { ...diffEditions(base, draft), revision: state?.revision ?? 0, coverage: coverageChange(base, draft) };
}

/** Renames the draft edition (its meta carries a version like any item). */
export async function updateDraftTitle(ctx: ServiceContext, actor: Actor, draftId: string, title: Localized, version: number): Promise<{ version: number }> {
  return changeDraft(
    ctx,
    actor,
    draftId,
    (r) => ({ action: 'draft.meta-updated', detail: { title, version: r.version } }),
    async (trx, draft) => {
      const current = (await itemVersion(trx, draftId, 'meta', '')) ?? 1;
      if (current !== version)
        throw new AppError('conflict', `the draft's title was changed by someone else (now version ${current})`, [
          { path: 'version', message: `is now ${current}`, code: 'invalid' },
        ]);
      await storeDraft(trx, draftId, { ...draft, meta: { ...draft.meta, title } }, { kind: 'meta', index: 0 });
      await setItemVersion(trx, draftId, 'meta', '', current + 1);
      return { version: current + 1 };
    },
  );
}

/**
 * Publishes the draft: validates it whole, adds the changelog entry (newest
 * first, as content/edition.yaml lists them), dates it today and marks it
 * published; from then on the database refuses any change to it. With
 * `revision`, refuses when the draft changed since that revision was reviewed.
 */
export async function publishDraft(ctx: ServiceContext, actor: Actor, draftId: string, input: { changelog: Localized; revision?: number | undefined }) {
  const date = today(ctx);
  return changeDraft(
    ctx,
    actor,
    draftId,
    () => ({ action: 'draft.published', detail: { date, changelog: input.changelog } }),
    async (trx, draft, revision) => {
      const reviewed = revision - 1;
      if (input.revision !== undefined && input.revision !== reviewed) {
        throw new AppError('conflict', `the draft changed since revision ${input.revision} (now ${reviewed}); review the changes again`, [
          { path: 'revision', message: `is now ${reviewed}`, code: 'invalid' },
        ]);
      }
      const meta = { ...draft.meta, status: 'published' as const, date, changelog: [{ date, text: input.changelog }, ...draft.meta.changelog] };
      await storeDraft(trx, draftId, { ...draft, meta }, { kind: 'meta', index: 0 });
      await markDraftPublished(trx, draftId, ctx.now().toISOString());
      return { edition: { id: draftId, title: meta.title, status: meta.status, date } };
    },
  );
}

/** Throws a draft away (published editions are never deleted). */
export async function discardDraft(ctx: ServiceContext, actor: Actor, draftId: string): Promise<void> {
  requireEditor(actor);
  await loadDraft(ctx.store.db, draftId);
  await mutate(ctx, actor, { action: 'draft.discarded', targetType: 'edition', targetId: draftId }, async (trx) => {
    if (!(await deleteDraftEdition(trx, draftId))) throw new AppError('not-found', `draft ${draftId} not found`);
  });
}
