import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Frozen in time. Firmware analyses attached to an assessment: the image is a
 * file under the data folder named by its SHA-256 (never in the database);
 * the row keeps the job state and, once done, the findings, the binary table
 * and the derived SBOM. answer_sources records which run an accepted
 * suggestion came from (any evidence source: firmware, probe, sbom, cra).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('firmware_analyses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('image_sha256', 'text', (c) => c.notNull())
    .addColumn('image_name', 'text', (c) => c.notNull())
    .addColumn('image_size', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('progress', 'text')
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('format', 'text')
    .addColumn('files', 'integer')
    .addColumn('findings', 'text')
    .addColumn('binaries', 'text')
    .addColumn('sbom', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('firmware_analyses_assessment').on('firmware_analyses').column('assessment_id').execute();
  await db.schema
    .createTable('answer_sources')
    .addColumn('assessment_id', 'text', (c) => c.notNull())
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('suggested', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.references('users.id'))
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_sources_pk', ['assessment_id', 'requirement_id'])
    .addForeignKeyConstraint('answer_sources_answer', ['assessment_id', 'requirement_id'], 'assessment_answers', ['assessment_id', 'requirement_id'])
    .execute();
}
