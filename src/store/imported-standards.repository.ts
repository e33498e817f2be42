import type { Db } from './database.js';
import type { ImportedStandardsTable } from './schema.js';

export type ImportedStandardRow = ImportedStandardsTable;

export async function findImportedStandard(db: Db, id: string): Promise<ImportedStandardRow | undefined> {
  return db.selectFrom('imported_standards').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listImportedStandards(db: Db): Promise<ImportedStandardRow[]> {
  return db.selectFrom('imported_standards').selectAll().orderBy('id').execute();
}

export async function insertImportedStandard(db: Db, row: ImportedStandardRow): Promise<void> {
  await db.insertInto('imported_standards').values(row).execute();
}
