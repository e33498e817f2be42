import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Frozen in time. Offline vulnerability data: OSV records as published (one
 * row per id, replaced when a re-import brings a changed record), the
 * packages each affects and its aliases (for matching and KEV marking), and
 * CISA's Known Exploited Vulnerabilities catalog.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
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
}
