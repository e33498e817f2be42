import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { bytesType, changeTables } from './frozen-helpers.js';

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
  await changeTables(db, {
    osv_records: [
      'id text primary key',
      'modified text not null',
      'withdrawn text',
      'content text not null',
      'content_hash text not null',
      'source text not null',
      'first_imported_at text not null',
      'imported_at text not null',
      'kev integer not null default 0',
    ],
    osv_packages: [
      'record_id text not null references osv_records.id on delete cascade',
      'ecosystem text not null',
      'name text not null',
      'constraint osv_packages_pk primary key (record_id, ecosystem, name)',
      'index osv_packages_by_name (ecosystem, name)',
    ],
    osv_aliases: [
      'record_id text not null references osv_records.id on delete cascade',
      'alias text not null',
      'constraint osv_aliases_pk primary key (record_id, alias)',
      'index osv_aliases_by_alias (alias)',
    ],
    kev_entries: [
      'cve text primary key',
      'vendor text not null',
      'product text not null',
      'name text not null',
      'date_added text not null',
      'due_date text',
      'known_ransomware text',
      'catalog_version text not null',
      'imported_at text not null',
    ],
    sbom_blobs: ['sha256 text primary key', 'size integer not null', `content ${bytesType(dialect)} not null`],
    sboms: [
      'id text primary key',
      'product_version_id text not null references product_versions.id',
      'sha256 text not null references sbom_blobs.sha256',
      'filename text not null',
      'format text not null',
      'spec_version text not null',
      'encoding text not null',
      'component_count integer not null',
      'document text not null',
      'uploaded_by text',
      'uploaded_at text not null',
      'index sboms_by_version (product_version_id)',
    ],
    vulnerability_matches: [
      'product_version_id text not null references product_versions.id',
      'vulnerability_id text not null',
      'purl text not null',
      'first_seen_at text not null',
      'constraint vulnerability_matches_pk primary key (product_version_id, vulnerability_id, purl)',
    ],
    vex_statements: [
      'product_version_id text not null references product_versions.id',
      'vulnerability_id text not null',
      'status text not null',
      'justification text',
      'action_statement text',
      'impact_statement text',
      'decided_by text',
      'decided_at text not null',
      'constraint vex_statements_pk primary key (product_version_id, vulnerability_id)',
    ],
    product_sbom_settings: ['product_id text primary key references products.id', 'severity_threshold text not null'],
  });
}
