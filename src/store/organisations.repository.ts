import type { Db } from './database.js';
import type { OrganisationsTable, ProductsTable } from './schema.js';

export type OrganisationRow = OrganisationsTable;
export type ProductRow = ProductsTable;

export async function insertOrganisation(db: Db, row: OrganisationRow): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationByName(db: Db, name: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function listOrganisations(db: Db, onlyId?: string): Promise<OrganisationRow[]> {
  let q = db.selectFrom('organisations').selectAll().orderBy('name');
  if (onlyId !== undefined) q = q.where('id', '=', onlyId);
  return q.execute();
}

export async function insertProduct(db: Db, row: ProductRow): Promise<void> {
  await db.insertInto('products').values(row).execute();
}

export async function findProduct(db: Db, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listProducts(db: Db, organisationId: string): Promise<ProductRow[]> {
  return db.selectFrom('products').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function updateOrganisation(db: Db, id: string, change: { name?: string; active?: number }): Promise<void> {
  await db.updateTable('organisations').set(change).where('id', '=', id).execute();
}

export async function updateProduct(db: Db, id: string, change: { name: string; model: string | null; description: string | null }): Promise<void> {
  await db.updateTable('products').set(change).where('id', '=', id).execute();
}
