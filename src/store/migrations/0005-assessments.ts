import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';

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
  // Frozen checksheets, stored once by the SHA-256 of their items: assessments
  // made with the same edition and scope share one row (a 300-item checksheet
  // is close to a megabyte of JSON).
  await db.schema
    .createTable('checksheet_snapshots')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('product_version', 'text')
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('items_hash', 'text', (c) => c.notNull().references('checksheet_snapshots.hash'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assessor_id', 'text', (c) => c.references('users.id'))
    .addColumn('carried_from', 'text', (c) => c.references('assessments.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finalised_at', 'text')
    .addColumn('content_hash', 'text')
    .addCheckConstraint('assessments_status', sql`status in ('draft', 'in-progress', 'in-review', 'final')`)
    .addCheckConstraint('assessments_final', sql`(status = 'final') = (finalised_at is not null and content_hash is not null)`)
    .execute();
  await db.schema.createIndex('assessments_org_updated').on('assessments').columns(['organisation_id', 'updated_at']).execute();
  await db.schema.createIndex('assessments_product').on('assessments').column('product_id').execute();

  await db.schema
    .createTable('assessment_answers')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('no', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('defect_kind', 'text')
    .addColumn('defect_note', 'text')
    .addColumn('defect_proposal_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('review', 'text')
    .addColumn('previous_verdict', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text')
    .addPrimaryKeyConstraint('assessment_answers_pk', ['assessment_id', 'requirement_id'])
    .addCheckConstraint('assessment_answers_verdict', sql`verdict in ('pass', 'partial', 'fail', 'not-applicable', 'unassessed', 'needs-review')`)
    .addCheckConstraint('assessment_answers_reason', sql`verdict <> 'not-applicable' or trim(comment) <> ''`)
    .addCheckConstraint('assessment_answers_defect', sql`(defect_kind is null) = (defect_note is null)`)
    .addCheckConstraint('assessment_answers_defect_kind', sql`defect_kind is null or defect_kind in ('unclear', 'wrong', 'missing', 'too-strict')`)
    .addCheckConstraint('assessment_answers_review', sql`review is null or review in ('changed', 'new')`)
    .execute();

  await db.schema
    .createTable('attachment_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assessment_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('attachment_blobs.sha256'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('assessment_attachments_answer', ['assessment_id', 'requirement_id'], 'assessment_answers', ['assessment_id', 'requirement_id'])
    .execute();
  await db.schema.createIndex('assessment_attachments_answer').on('assessment_attachments').columns(['assessment_id', 'requirement_id']).execute();
  await db.schema.createIndex('assessment_attachments_sha').on('assessment_attachments').column('sha256').execute();

  // Where a checksheet defect flag came from; null for members' proposals.
  for (const column of ['source_assessment_id', 'source_edition_id', 'source_requirement_id', 'source_item_no', 'defect_kind']) {
    await db.schema.alterTable('proposals').addColumn(column, 'text').execute();
  }

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
  await sql
    .raw(`CREATE FUNCTION assessments_final_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'final' THEN
        RAISE EXCEPTION '${MESSAGE}';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`)
    .execute(db);
  await sql`CREATE TRIGGER assessments_final_immutable BEFORE UPDATE OR DELETE ON assessments
    FOR EACH ROW EXECUTE FUNCTION assessments_final_immutable()`.execute(db);
  await sql
    .raw(`CREATE FUNCTION assessment_parts_final_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE parent text;
    BEGIN
      IF TG_OP = 'INSERT' THEN parent := NEW.assessment_id; ELSE parent := OLD.assessment_id; END IF;
      IF (SELECT status FROM assessments WHERE id = parent) = 'final' THEN
        RAISE EXCEPTION '${MESSAGE}';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`)
    .execute(db);
  for (const table of ['assessment_answers', 'assessment_attachments']) {
    await sql
      .raw(`CREATE TRIGGER ${table}_final_immutable BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION assessment_parts_final_immutable()`)
      .execute(db);
  }
}
