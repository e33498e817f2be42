import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Frozen in time. Offline vulnerability data: OSV records as published (one
 * row per id, replaced when a re-import brings a changed record), the
 * packages each affects and its aliases (for matching and KEV marking), and
 * CISA's Known Exploited Vulnerabilities catalog. SBOMs per product version
 * (bytes by SHA-256, outside the evidence limit), their matches as first seen,
 * and the VEX triage per product version and vulnerability.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('osv_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('withdrawn', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('first_imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('kev', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('osv_packages')
    .addColumn('record_id', 'text', (c) => c.notNull().references('osv_records.id').onDelete('cascade'))
    .addColumn('ecosystem', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('osv_packages_pk', ['record_id', 'ecosystem', 'name'])
    .execute();
  await db.schema.createIndex('osv_packages_by_name').on('osv_packages').columns(['ecosystem', 'name']).execute();
  await db.schema
    .createTable('osv_aliases')
    .addColumn('record_id', 'text', (c) => c.notNull().references('osv_records.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('osv_aliases_pk', ['record_id', 'alias'])
    .execute();
  await db.schema.createIndex('osv_aliases_by_alias').on('osv_aliases').column('alias').execute();
  await db.schema
    .createTable('kev_entries')
    .addColumn('cve', 'text', (c) => c.primaryKey())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('known_ransomware', 'text')
    .addColumn('catalog_version', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sbom_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sboms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_version_id', 'text', (c) => c.notNull().references('product_versions.id'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('sbom_blobs.sha256'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('component_count', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sboms_by_version').on('sboms').column('product_version_id').execute();
  await db.schema
    .createTable('vulnerability_matches')
    .addColumn('product_version_id', 'text', (c) => c.notNull().references('product_versions.id'))
    .addColumn('vulnerability_id', 'text', (c) => c.notNull())
    .addColumn('purl', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vulnerability_matches_pk', ['product_version_id', 'vulnerability_id', 'purl'])
    .execute();
  await db.schema
    .createTable('vex_statements')
    .addColumn('product_version_id', 'text', (c) => c.notNull().references('product_versions.id'))
    .addColumn('vulnerability_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('action_statement', 'text')
    .addColumn('impact_statement', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vex_statements_pk', ['product_version_id', 'vulnerability_id'])
    .execute();
  await db.schema
    .createTable('product_sbom_settings')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('products.id'))
    .addColumn('severity_threshold', 'text', (c) => c.notNull())
    .execute();
}
