import type { Db } from './database.js';
import type { DraftsTable, EditionsTable } from './schema.js';

/** A draft edition as listed: its editions row (without content) and its draft state. */
export interface DraftSummaryRow {
  id: string;
  title_ja: string;
  title_en: string;
  edition_date: string;
  base_edition_id: string | null;
  revision: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string | null;
}

export type DraftItemKind = 'requirement' | 'term' | 'meta';

/**
 * Open drafts, newest first. Left join: an edition imported with status
 * 'draft' has no drafts row until its first change.
 */
export async function listOpenDrafts(db: Db): Promise<DraftSummaryRow[]> {
  const rows = await db
    .selectFrom('editions as e')
    .leftJoin('drafts as d', 'd.edition_id', 'e.id')
    .select(['e.id', 'e.title_ja', 'e.title_en', 'e.edition_date', 'd.base_edition_id', 'd.revision', 'd.created_by', 'e.created_at', 'd.updated_at'])
    .where('e.status', '=', 'draft')
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, revision: r.revision === null ? null : Number(r.revision) }));
}

export async function findDraftState(db: Db, editionId: string): Promise<DraftsTable | undefined> {
  const row = await db.selectFrom('drafts').selectAll().where('edition_id', '=', editionId).executeTakeFirst();
  return row ? { ...row, revision: Number(row.revision) } : undefined;
}

export async function insertDraftState(db: Db, row: DraftsTable): Promise<void> {
  await db.insertInto('drafts').values(row).execute();
}

/**
 * Takes the draft for one change: bumps its revision. The UPDATE locks the
 * row on PostgreSQL, so concurrent writers to one draft queue up here and
 * each reads the content the previous one committed (SQLite serialises
 * writers already). Returns the new revision, or undefined without a row.
 */
export async function takeDraft(db: Db, editionId: string, now: string): Promise<number | undefined> {
  const row = await db
    .updateTable('drafts')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now }))
    .where('edition_id', '=', editionId)
    .where('published_at', 'is', null)
    .returning('revision')
    .executeTakeFirst();
  return row ? Number(row.revision) : undefined;
}

/** The stored version of one item; undefined when never written in this draft (callers treat that as version 1). */
export async function itemVersion(db: Db, editionId: string, kind: DraftItemKind, itemId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('draft_items')
    .select('version')
    .where('edition_id', '=', editionId)
    .where('kind', '=', kind)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

/** Versions of the items of one kind that differ from 1. */
export async function itemVersions(db: Db, editionId: string, kind: DraftItemKind): Promise<Map<string, number>> {
  const rows = await db.selectFrom('draft_items').select(['item_id', 'version']).where('edition_id', '=', editionId).where('kind', '=', kind).execute();
  return new Map(rows.map((r) => [r.item_id, Number(r.version)]));
}

export async function setItemVersion(db: Db, editionId: string, kind: DraftItemKind, itemId: string, version: number): Promise<void> {
  await db
    .insertInto('draft_items')
    .values({ edition_id: editionId, kind, item_id: itemId, version })
    .onConflict((oc) => oc.columns(['edition_id', 'kind', 'item_id']).doUpdateSet({ version }))
    .execute();
}

type DraftContent = Pick<EditionsTable, 'title_ja' | 'title_en' | 'status' | 'edition_date' | 'content_hash' | 'content'>;

/** Rewrites a draft's content; only while it is a draft (published rows are refused by the trigger too). */
export async function updateDraftContent(db: Db, editionId: string, content: DraftContent): Promise<boolean> {
  const result = await db.updateTable('editions').set(content).where('id', '=', editionId).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** After publishing: the draft state stays as a record of where it came from; item versions go. */
export async function markDraftPublished(db: Db, editionId: string, now: string): Promise<void> {
  await db.updateTable('drafts').set({ published_at: now, updated_at: now }).where('edition_id', '=', editionId).execute();
  await db.deleteFrom('draft_items').where('edition_id', '=', editionId).execute();
}

/** Discards a draft (its editions row; the draft state goes with it by cascade). */
export async function deleteDraftEdition(db: Db, editionId: string): Promise<boolean> {
  await db.deleteFrom('draft_items').where('edition_id', '=', editionId).execute();
  await db.deleteFrom('drafts').where('edition_id', '=', editionId).execute();
  const result = await db.deleteFrom('editions').where('id', '=', editionId).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
