import type { Edition } from '../core/model/edition.schema.js';
import { compiledOnce } from './compiled-once.js';
import type { Db } from './database.js';
import type { EditionsTable } from './schema.js';

export type EditionRow = EditionsTable;
/**
 * An edition without its content. created_at is left out too: it sits after
 * the megabytes of content in the row, and SQLite reads a column past a large
 * value by walking its overflow pages (measured: most of a results request).
 */
export type EditionSummaryRow = Omit<EditionsTable, 'content' | 'created_at'>;

/** The edition a stored row holds: the one parser of the content column (validated when it was stored). */
export function parseStoredEdition(row: Pick<EditionRow, 'content'>): Edition {
  return JSON.parse(row.content) as Edition;
}

const SUMMARY = ['id', 'title_ja', 'title_en', 'status', 'edition_date', 'content_hash'] as const;

export async function listEditions(db: Db): Promise<EditionSummaryRow[]> {
  return db.selectFrom('editions').select(SUMMARY).orderBy('edition_date', 'desc').orderBy('id', 'desc').execute();
}

export async function findEdition(db: Db, id: string): Promise<EditionRow | undefined> {
  return db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirst();
}

const summaryById = compiledOnce((db, id) => db.selectFrom('editions').select(SUMMARY).where('id', '=', id));

/** An edition's summary: asked before every use of a cached edition (is it still the same?), so compiled once. */
export async function findEditionSummary(db: Db, id: string): Promise<EditionSummaryRow | undefined> {
  return (await summaryById(db, id))[0];
}

export async function insertEdition(db: Db, row: EditionRow): Promise<void> {
  await db.insertInto('editions').values(row).execute();
}
