import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Member proposals (課題). Frozen in time: never import application code here,
 * never edit after release. The decision columns are kept consistent with the
 * status by CHECK constraints, so no code path can store a half decision.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    proposals: [
      'id text primary key',
      // No CHECK on source: checksheet defect flags will join without a migration.
      'source text not null',
      'title text not null',
      'body text not null',
      'layers text not null',
      'phases text not null',
      'industry text',
      'submitted_by text not null references users.id',
      'organisation_id text references organisations.id',
      'status text not null',
      'created_at text not null',
      'updated_at text not null',
      'decided_by text references users.id',
      'decided_at text',
      'reason text',
      'link_kind text',
      'link_edition_id text',
      'link_requirement_id text',
      'link_number text',
      'link_title_ja text',
      'link_title_en text',
      "constraint proposals_status check (status in ('submitted', 'accepted', 'rejected'))",
      "constraint proposals_decided check ((status = 'submitted') = (decided_at is null))",
      "constraint proposals_rejected_reason check (status <> 'rejected' or reason is not null)",
      "constraint proposals_accepted_link check ((status = 'accepted') = (link_kind is not null and link_edition_id is not null and link_requirement_id is not null))",
      "constraint proposals_link_kind check (link_kind is null or link_kind in ('existing', 'draft'))",
      'index proposals_org_created (organisation_id, created_at)',
      'index proposals_submitter_created (submitted_by, created_at)',
      'index proposals_status_created (status, created_at)',
    ],
  });
}
