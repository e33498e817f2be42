import type { Db } from './database.js';
import type { AttachedCatalogsTable, AttachedTextsTable } from './schema.js';

export type AttachedCatalogRow = AttachedCatalogsTable;
export type AttachedTextRow = AttachedTextsTable;

export async function findAttachedCatalog(db: Db, standardId: string): Promise<AttachedCatalogRow | undefined> {
  return db.selectFrom('attached_catalogs').selectAll().where('standard_id', '=', standardId).executeTakeFirst();
}

export async function listAttachedCatalogs(db: Db): Promise<AttachedCatalogRow[]> {
  return db.selectFrom('attached_catalogs').selectAll().orderBy('standard_id').execute();
}

export async function listAttachedTexts(db: Db, standardId: string): Promise<AttachedTextRow[]> {
  return db.selectFrom('attached_texts').selectAll().where('standard_id', '=', standardId).orderBy('position').execute();
}

/** Replaces the standard's attached catalog and texts (call inside a transaction). */
export async function replaceAttachedCatalog(db: Db, catalog: AttachedCatalogRow, texts: AttachedTextRow[]): Promise<void> {
  await db.deleteFrom('attached_texts').where('standard_id', '=', catalog.standard_id).execute();
  await db.deleteFrom('attached_catalogs').where('standard_id', '=', catalog.standard_id).execute();
  await db.insertInto('attached_catalogs').values(catalog).execute();
  // Chunked: PostgreSQL and SQLite both limit the number of bound parameters per statement.
  for (let i = 0; i < texts.length; i += 100)
    await db
      .insertInto('attached_texts')
      .values(texts.slice(i, i + 100))
      .execute();
}
