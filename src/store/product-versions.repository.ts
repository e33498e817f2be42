import type { Db } from './database.js';
import type { ProductVersionsTable } from './schema.js';

export type ProductVersionRow = ProductVersionsTable;

export async function insertProductVersion(db: Db, row: ProductVersionRow): Promise<void> {
  await db.insertInto('product_versions').values(row).execute();
}

export async function findProductVersionByName(db: Db, productId: string, version: string): Promise<ProductVersionRow | undefined> {
  return db.selectFrom('product_versions').selectAll().where('product_id', '=', productId).where('version', '=', version).executeTakeFirst();
}

export async function listProductVersions(db: Db, productId: string): Promise<ProductVersionRow[]> {
  return db.selectFrom('product_versions').selectAll().where('product_id', '=', productId).orderBy('created_at').execute();
}
