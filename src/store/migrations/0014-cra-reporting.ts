import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * EU CRA reporting: per product a reporting owner and deputies, each
 * organisation's versioned triage criteria, reporting cases (real or drill)
 * with their report drafts per stage, and each escalation notice sent once.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('cra_contacts')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cra_contacts_pk', ['product_id', 'user_id'])
    .execute();

  // items is a JSON array of { ja, en } checklist lines.
  await db.schema
    .createTable('cra_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cra_criteria_version', ['organisation_id', 'kind', 'version'])
    .execute();

  // JSON columns: aliases, version_ids, member_states, decision.
  await db.schema
    .createTable('cra_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('drill', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('vulnerability_id', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('version_ids', 'text', (c) => c.notNull())
    .addColumn('member_states', 'text', (c) => c.notNull())
    .addColumn('criteria_id', 'text')
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('aware_at', 'text', (c) => c.notNull())
    .addColumn('corrective_at', 'text')
    .addColumn('corrective_text', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cra_cases_org_status').on('cra_cases').columns(['organisation_id', 'status']).execute();

  // fields is a JSON object of the stage's draft fields.
  await db.schema
    .createTable('cra_reports')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cra_cases.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('sent_by', 'text')
    .addPrimaryKeyConstraint('cra_reports_pk', ['case_id', 'stage'])
    .execute();

  await db.schema
    .createTable('cra_escalations')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cra_cases.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('threshold', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cra_escalations_pk', ['case_id', 'stage', 'threshold', 'due_at'])
    .execute();
}
