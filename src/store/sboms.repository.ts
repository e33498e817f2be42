import type { Db } from './database.js';
import type { SbomsTable, VexStatementsTable, VulnerabilityMatchesTable } from './schema.js';

export type SbomRow = SbomsTable;
export type VexRow = VexStatementsTable;

/** Stores the bytes once per SHA-256. */
export async function putSbomBlob(db: Db, sha256: string, content: Uint8Array): Promise<void> {
  const existing = await db.selectFrom('sbom_blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
  if (!existing) await db.insertInto('sbom_blobs').values({ sha256, size: content.byteLength, content }).execute();
}

export async function getSbomBlob(db: Db, sha256: string): Promise<Uint8Array | undefined> {
  return (await db.selectFrom('sbom_blobs').select('content').where('sha256', '=', sha256).executeTakeFirst())?.content;
}

export async function insertSbom(db: Db, row: SbomRow): Promise<void> {
  await db.insertInto('sboms').values(row).execute();
}

export async function listSboms(db: Db, productVersionId: string): Promise<SbomRow[]> {
  return db.selectFrom('sboms').selectAll().where('product_version_id', '=', productVersionId).orderBy('uploaded_at', 'desc').orderBy('id').execute();
}

export async function findSbom(db: Db, id: string): Promise<SbomRow | undefined> {
  return db.selectFrom('sboms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records matches not seen before for the version; returns the new ones. */
export async function recordMatches(db: Db, rows: readonly VulnerabilityMatchesTable[]): Promise<VulnerabilityMatchesTable[]> {
  const fresh: VulnerabilityMatchesTable[] = [];
  for (const row of rows) {
    const seen = await db
      .selectFrom('vulnerability_matches')
      .select('first_seen_at')
      .where('product_version_id', '=', row.product_version_id)
      .where('vulnerability_id', '=', row.vulnerability_id)
      .where('purl', '=', row.purl)
      .executeTakeFirst();
    if (seen) continue;
    await db.insertInto('vulnerability_matches').values(row).execute();
    fresh.push(row);
  }
  return fresh;
}

export async function listVexStatements(db: Db, productVersionId: string): Promise<VexRow[]> {
  return db.selectFrom('vex_statements').selectAll().where('product_version_id', '=', productVersionId).orderBy('vulnerability_id').execute();
}

export async function upsertVexStatement(db: Db, row: VexRow): Promise<void> {
  await db.deleteFrom('vex_statements').where('product_version_id', '=', row.product_version_id).where('vulnerability_id', '=', row.vulnerability_id).execute();
  await db.insertInto('vex_statements').values(row).execute();
}

/** Every product version that has an SBOM, with its product and organisation. */
export async function versionsWithSboms(
  db: Db,
): Promise<{ versionId: string; version: string; productId: string; productName: string; organisationId: string }[]> {
  return db
    .selectFrom('product_versions')
    .innerJoin('products', 'products.id', 'product_versions.product_id')
    .where('product_versions.id', 'in', db.selectFrom('sboms').select('product_version_id'))
    .select([
      'product_versions.id as versionId',
      'product_versions.version as version',
      'products.id as productId',
      'products.name as productName',
      'products.organisation_id as organisationId',
    ])
    .orderBy('product_versions.id')
    .execute();
}

export async function findSeverityThreshold(db: Db, productId: string): Promise<string | undefined> {
  return (await db.selectFrom('product_sbom_settings').select('severity_threshold').where('product_id', '=', productId).executeTakeFirst())?.severity_threshold;
}

export async function setSeverityThreshold(db: Db, productId: string, threshold: string): Promise<void> {
  await db.deleteFrom('product_sbom_settings').where('product_id', '=', productId).execute();
  await db.insertInto('product_sbom_settings').values({ product_id: productId, severity_threshold: threshold }).execute();
}
