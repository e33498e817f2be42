import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';
import { bytesType, createRefusingFunction, changeTables } from './frozen-helpers.js';

/**
 * Assessments (診断): one per product and edition, with the checksheet items
 * frozen at creation (shared by identical checksheets), one answer row per item, and evidence files stored once
 * per SHA-256. A final assessment is read-only, and the database itself
 * refuses changes to it, its answers and its attachments (as for published
 * editions). Checksheet defect flags join the proposal queue with a link
 * back. Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await changeTables(db, {
    // Frozen checksheets, stored once by the SHA-256 of their items: assessments
    // made with the same edition and scope share one row (a 300-item checksheet
    // is close to a megabyte of JSON).
    checksheet_snapshots: ['hash text primary key', 'items text not null', 'created_at text not null'],
    assessments: [
      'id text primary key',
      'organisation_id text not null references organisations.id',
      'product_id text not null references products.id',
      'edition_id text not null references editions.id',
      'title text not null',
      'product_version text',
      'spec text not null',
      'items_hash text not null references checksheet_snapshots.hash',
      'status text not null',
      'assessor_id text references users.id',
      'carried_from text references assessments.id',
      'version integer not null',
      'created_by text references users.id',
      'created_at text not null',
      'updated_at text not null',
      'finalised_at text',
      'content_hash text',
      "constraint assessments_status check (status in ('draft', 'in-progress', 'in-review', 'final'))",
      "constraint assessments_final check ((status = 'final') = (finalised_at is not null and content_hash is not null))",
      'index assessments_org_updated (organisation_id, updated_at)',
      'index assessments_product (product_id)',
    ],
    assessment_answers: [
      'assessment_id text not null references assessments.id',
      'requirement_id text not null',
      'no text not null',
      'verdict text not null',
      'evidence text not null',
      'comment text not null',
      'defect_kind text',
      'defect_note text',
      'defect_proposal_id text references proposals.id',
      'review text',
      'previous_verdict text',
      'updated_by text references users.id',
      'updated_at text',
      'constraint assessment_answers_pk primary key (assessment_id, requirement_id)',
      "constraint assessment_answers_verdict check (verdict in ('pass', 'partial', 'fail', 'not-applicable', 'unassessed', 'needs-review'))",
      "constraint assessment_answers_reason check (verdict <> 'not-applicable' or trim(comment) <> '')",
      'constraint assessment_answers_defect check ((defect_kind is null) = (defect_note is null))',
      "constraint assessment_answers_defect_kind check (defect_kind is null or defect_kind in ('unclear', 'wrong', 'missing', 'too-strict'))",
      "constraint assessment_answers_review check (review is null or review in ('changed', 'new'))",
    ],
    attachment_blobs: ['sha256 text primary key', 'size integer not null', `content ${bytesType(dialect)} not null`],
    assessment_attachments: [
      'id text primary key',
      'assessment_id text not null references assessments.id',
      'requirement_id text not null',
      'sha256 text not null references attachment_blobs.sha256',
      'filename text not null',
      'media_type text not null',
      'size integer not null',
      'uploaded_by text references users.id',
      'created_at text not null',
      'constraint assessment_attachments_answer foreign key (assessment_id, requirement_id) references assessment_answers (assessment_id, requirement_id)',
      'index assessment_attachments_answer (assessment_id, requirement_id)',
      'index assessment_attachments_sha (sha256)',
    ],
    // Where a checksheet defect flag came from; null for members' proposals.
    proposals: [
      'add column source_assessment_id text',
      'add column source_edition_id text',
      'add column source_requirement_id text',
      'add column source_item_no text',
      'add column defect_kind text',
    ],
  });

  await protectFinalAssessments(db, dialect);
}

const MESSAGE = 'final assessments are read-only';

/** The database refuses changes to a final assessment, its answers and its attachments. */
// biome-ignore lint/suspicious/noExplicitAny: see above
async function protectFinalAssessments(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`CREATE TRIGGER assessments_final_no_${op.toLowerCase()} BEFORE ${op} ON assessments
          WHEN OLD.status = 'final'
          BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`)
        .execute(db);
    }
    for (const table of ['assessment_answers', 'assessment_attachments']) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        const row = op === 'INSERT' ? 'NEW' : 'OLD';
        await sql
          .raw(`CREATE TRIGGER ${table}_final_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
            WHEN (SELECT status FROM assessments WHERE id = ${row}.assessment_id) = 'final'
            BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`)
          .execute(db);
      }
    }
    return;
  }
  await createRefusingFunction(db, 'assessments_final_immutable', { condition: "OLD.status = 'final'", message: MESSAGE });
  await sql`CREATE TRIGGER assessments_final_immutable BEFORE UPDATE OR DELETE ON assessments
    FOR EACH ROW EXECUTE FUNCTION assessments_final_immutable()`.execute(db);
  await createRefusingFunction(db, 'assessment_parts_final_immutable', {
    declare: 'parent text',
    first: "IF TG_OP = 'INSERT' THEN parent := NEW.assessment_id; ELSE parent := OLD.assessment_id; END IF;",
    condition: "(SELECT status FROM assessments WHERE id = parent) = 'final'",
    message: MESSAGE,
  });
  for (const table of ['assessment_answers', 'assessment_attachments']) {
    await sql
      .raw(`CREATE TRIGGER ${table}_final_immutable BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION assessment_parts_final_immutable()`)
      .execute(db);
  }
}
