import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * EU CRA reporting: per product a reporting owner and deputies, each
 * organisation's versioned triage criteria, reporting cases (real or drill)
 * with their report drafts per stage, and each escalation notice sent once.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    cra_contacts: [
      'product_id text not null references products.id',
      'user_id text not null references users.id',
      'role text not null',
      'created_at text not null',
      'constraint cra_contacts_pk primary key (product_id, user_id)',
    ],
    // items is a JSON array of { ja, en } checklist lines.
    cra_criteria: [
      'id text primary key',
      'organisation_id text not null references organisations.id',
      'kind text not null',
      'version integer not null',
      'items text not null',
      'created_by text',
      'created_at text not null',
      'constraint cra_criteria_version unique (organisation_id, kind, version)',
    ],
    // JSON columns: aliases, version_ids, member_states, decision.
    cra_cases: [
      'id text primary key',
      'organisation_id text not null references organisations.id',
      'product_id text not null references products.id',
      'kind text not null',
      'drill integer not null',
      'status text not null',
      'origin text not null',
      'title text not null',
      'vulnerability_id text',
      'aliases text not null',
      'version_ids text not null',
      'member_states text not null',
      'criteria_id text',
      'decision text not null',
      'aware_at text not null',
      'corrective_at text',
      'corrective_text text',
      'closed_at text',
      'closed_reason text',
      'created_by text',
      'created_at text not null',
      'index cra_cases_org_status (organisation_id, status)',
    ],
    // fields is a JSON object of the stage's draft fields.
    cra_reports: [
      'case_id text not null references cra_cases.id',
      'stage text not null',
      'fields text not null',
      'updated_by text',
      'updated_at text not null',
      'sent_at text',
      'sent_by text',
      'constraint cra_reports_pk primary key (case_id, stage)',
    ],
    cra_escalations: [
      'case_id text not null references cra_cases.id',
      'stage text not null',
      'threshold text not null',
      'due_at text not null',
      'created_at text not null',
      'constraint cra_escalations_pk primary key (case_id, stage, threshold, due_at)',
    ],
  });
}
