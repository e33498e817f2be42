import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Self-assessment (issue 21): whether an organisation's manager lets its
 * members assess their own products; the self-assessment state of an
 * assessment; the assessors' review of each item per round (both verdicts
 * kept); and the replies to a review comment.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('self_assessment', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('self_assessments')
    .addColumn('assessment_id', 'text', (c) => c.primaryKey().references('assessments.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('self_assessments_org_state').on('self_assessments').columns(['organisation_id', 'state']).execute();

  // One review per item and round: a later review in the same round replaces it.
  await db.schema
    .createTable('self_assessment_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('self_assessments.assessment_id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('self_verdict', 'text', (c) => c.notNull())
    .addColumn('corrected_verdict', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('self_assessment_reviews_item_round', ['assessment_id', 'requirement_id', 'round'])
    .execute();

  await db.schema
    .createTable('self_assessment_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('self_assessment_reviews.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('self_assessment_replies_review').on('self_assessment_replies').columns(['review_id']).execute();
}
