import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Member proposals (課題). Frozen in time: never import application code here,
 * never edit after release. The decision columns are kept consistent with the
 * status by CHECK constraints, so no code path can store a half decision.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No CHECK on source: checksheet defect flags will join without a migration.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('layers', 'text', (c) => c.notNull())
    .addColumn('phases', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('link_kind', 'text')
    .addColumn('link_edition_id', 'text')
    .addColumn('link_requirement_id', 'text')
    .addColumn('link_number', 'text')
    .addColumn('link_title_ja', 'text')
    .addColumn('link_title_en', 'text')
    .addCheckConstraint('proposals_status', sql`status in ('submitted', 'accepted', 'rejected')`)
    .addCheckConstraint('proposals_decided', sql`(status = 'submitted') = (decided_at is null)`)
    .addCheckConstraint('proposals_rejected_reason', sql`status <> 'rejected' or reason is not null`)
    .addCheckConstraint(
      'proposals_accepted_link',
      sql`(status = 'accepted') = (link_kind is not null and link_edition_id is not null and link_requirement_id is not null)`,
    )
    .addCheckConstraint('proposals_link_kind', sql`link_kind is null or link_kind in ('existing', 'draft')`)
    .execute();

  await db.schema.createIndex('proposals_org_created').on('proposals').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('proposals_submitter_created').on('proposals').columns(['submitted_by', 'created_at']).execute();
  await db.schema.createIndex('proposals_status_created').on('proposals').columns(['status', 'created_at']).execute();
}
