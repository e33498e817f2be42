import type { Actor } from '../core/authorization.js';
import { AppError, validationErrors } from '../core/errors.js';
import { reviewsAfterItemChange } from '../core/mapping-review.js';
import type { Edition, GlossaryTerm, Requirement } from '../core/model/edition.schema.js';
import { validateEdition } from '../core/validate-edition.js';
import { declaredId } from '../core/validate-references.js';
import type { Db } from '../store/database.js';
import { itemVersion, setItemVersion } from '../store/drafts.repository.js';
import type { ServiceContext } from './context.js';
import { changeDraft, type DraftProblem, draftProblems, type ItemKind, loadDraft, requireEditor, storeDraft, type Target } from './draft-work.js';

/**
 * Requirements and glossary terms of a draft: read, create, update, delete
 * and check. Each item carries a version; a write naming an older version is
 * refused with 409 (someone else saved in between) and stores nothing.
 * Mappings are part of their requirement.
 */

type Item = { id: string };

const LABEL: Record<ItemKind, string> = { requirement: 'requirement', term: 'glossary term' };

function itemsOf(edition: Edition, kind: ItemKind): readonly Item[] {
  return kind === 'requirement' ? edition.requirements : edition.glossary;
}

/**
 * The edition with `items` in place of its requirements or terms. A
 * requirement whose mappings changed (or that is gone) takes the review
 * records of the changed links with it: a new claim is unreviewed.
 */
function withItems(edition: Edition, kind: ItemKind, items: unknown[], changed?: { id: string; after: unknown }): Record<string, unknown> {
  if (kind !== 'requirement') return { ...edition, glossary: items };
  if (!changed) return { ...edition, requirements: items };
  const before = edition.requirements.find((r) => r.id === changed.id)?.mappings;
  const after = changed.after === undefined ? undefined : (changed.after as { mappings?: unknown } | null)?.mappings;
  const reviews = reviewsAfterItemChange(edition.reviews, changed.id, before, changed.after === undefined ? undefined : (after ?? []));
  return { ...edition, requirements: items, ...(reviews ? { reviews } : {}) };
}

async function versionOf(db: Db, draftId: string, kind: ItemKind, id: string): Promise<number> {
  return (await itemVersion(db, draftId, kind, id)) ?? 1;
}

function stale(kind: ItemKind, id: string, current: number, given: number): AppError {
  return new AppError(
    'conflict',
    `${LABEL[kind]} ${id} was changed by someone else (now version ${current}, you edited version ${given}); reload it and apply your change again`,
    [{ path: 'version', message: `${LABEL[kind]} ${id} is at version ${current}`, code: 'invalid' }],
  );
}

export interface ItemWrite {
  id: string;
  version: number;
  warnings: DraftProblem[];
}

/** One item with its version, for an edit form. */
export async function draftItem(ctx: ServiceContext, actor: Actor, draftId: string, kind: ItemKind, id: string) {
  requireEditor(actor);
  const draft = await loadDraft(ctx.store.db, draftId);
  const item = itemsOf(draft, kind).find((x) => x.id === id);
  if (!item) throw new AppError('not-found', `${LABEL[kind]} ${id} not found in draft ${draftId}`);
  return { [kind]: item, version: await versionOf(ctx.store.db, draftId, kind, id) } as { version: number } & (
    | { requirement: Requirement }
    | { term: GlossaryTerm }
  );
}

/** Adds a new item; its id must not exist in the draft. */
export async function createDraftItem(ctx: ServiceContext, actor: Actor, draftId: string, kind: ItemKind, input: unknown): Promise<ItemWrite> {
  const id = declaredId(input);
  if (!id) throw validationErrors([{ path: `${kind}.id`, message: 'is required', code: 'required' }]);
  return changeDraft(
    ctx,
    actor,
    draftId,
    (r) => ({ action: `draft.${kind}-created`, detail: { id: r.id, version: r.version } }),
    async (trx, draft) => {
      const items = itemsOf(draft, kind);
      if (items.some((x) => x.id === id))
        throw new AppError('conflict', `${LABEL[kind]} ${id} already exists in draft ${draftId}`, [
          { path: `${kind}.id`, message: 'already exists', code: 'already-exists' },
        ]);
      const { warnings } = await storeDraft(trx, draftId, withItems(draft, kind, [...items, input]), { kind, index: items.length });
      // A re-created id continues after its deleted predecessor, so an old form cannot overwrite it.
      const previous = await itemVersion(trx, draftId, kind, id);
      const version = previous === undefined ? 1 : previous + 1;
      if (previous !== undefined) await setItemVersion(trx, draftId, kind, id, version);
      return { id, version, warnings };
    },
  );
}

/** Replaces an item, if `version` is still its current version. The id cannot change. */
export async function updateDraftItem(
  ctx: ServiceContext,
  actor: Actor,
  draftId: string,
  kind: ItemKind,
  id: string,
  input: unknown,
  version: number,
): Promise<ItemWrite> {
  return changeDraft(
    ctx,
    actor,
    draftId,
    (r) => ({ action: `draft.${kind}-updated`, detail: { id, version: r.version } }),
    async (trx, draft) => {
      const items = itemsOf(draft, kind);
      const index = items.findIndex((x) => x.id === id);
      if (index < 0) throw new AppError('not-found', `${LABEL[kind]} ${id} not found in draft ${draftId}`);
      const current = await versionOf(trx, draftId, kind, id);
      if (current !== version) throw stale(kind, id, current, version);
      if (declaredId(input) !== id) throw validationErrors([{ path: `${kind}.id`, message: `must stay "${id}": ids are stable`, code: 'invalid' }]);
      const next: unknown[] = [...items];
      next[index] = input;
      const { warnings } = await storeDraft(trx, draftId, withItems(draft, kind, next, { id, after: input }), { kind, index });
      await setItemVersion(trx, draftId, kind, id, current + 1);
      return { id, version: current + 1, warnings };
    },
  );
}

/** Removes an item, if `version` is current and nothing still refers to it. */
export async function deleteDraftItem(ctx: ServiceContext, actor: Actor, draftId: string, kind: ItemKind, id: string, version: number): Promise<void> {
  await changeDraft(
    ctx,
    actor,
    draftId,
    () => ({ action: `draft.${kind}-deleted`, detail: { id, version } }),
    async (trx, draft) => {
      const items = itemsOf(draft, kind);
      if (!items.some((x) => x.id === id)) throw new AppError('not-found', `${LABEL[kind]} ${id} not found in draft ${draftId}`);
      const current = await versionOf(trx, draftId, kind, id);
      if (current !== version) throw stale(kind, id, current, version);
      await storeDraft(
        trx,
        draftId,
        withItems(
          draft,
          kind,
          items.filter((x) => x.id !== id),
          { id, after: undefined },
        ),
      );
      // Kept as a tombstone: a stale form of the deleted item still conflicts.
      await setItemVersion(trx, draftId, kind, id, current + 1);
    },
  );
}

/**
 * The problems a write of `item` would meet, without storing anything: the
 * editor form calls this as the user types. `mode` defaults to update when
 * the id exists in the draft, else create.
 */
export async function checkDraftItem(
  ctx: ServiceContext,
  actor: Actor,
  draftId: string,
  kind: ItemKind,
  item: unknown,
  mode?: 'create' | 'update',
): Promise<{ ok: boolean; problems: DraftProblem[] }> {
  requireEditor(actor);
  const draft = await loadDraft(ctx.store.db, draftId);
  const items = itemsOf(draft, kind);
  const id = declaredId(item);
  const index = items.findIndex((x) => x.id === id);
  const effective = mode ?? (index >= 0 ? 'update' : 'create');
  const extra: DraftProblem[] = [];
  if (effective === 'create' && index >= 0) extra.push({ severity: 'error', code: 'duplicate-id', path: `${kind}.id`, message: 'already exists' });
  if (effective === 'update' && index < 0) extra.push({ severity: 'error', code: 'not-found', path: `${kind}.id`, message: 'does not exist in this draft' });
  const next: unknown[] = [...items];
  const target: Target = { kind, index: effective === 'update' && index >= 0 ? index : items.length };
  if (target.index < items.length) next[target.index] = item;
  else next.push(item);
  const candidate = withItems(draft, kind, next, effective === 'update' && id !== undefined ? { id, after: item } : undefined);
  const result = validateEdition(candidate);
  // A create under an existing id would report the duplicate twice; the id problem above says it once.
  const problems = [...extra, ...draftProblems(result.problems, candidate, target).filter((p) => !(extra.length && p.code === 'duplicate-id'))];
  return { ok: !problems.some((p) => p.severity === 'error'), problems };
}
