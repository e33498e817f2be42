import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Self-assessment (issue 21): whether an organisation's manager lets its
 * members assess their own products; the self-assessment state of an
 * assessment; the assessors' review of each item per round (both verdicts
 * kept); and the replies to a review comment.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    organisations: ['add column self_assessment integer not null default 0'],
    self_assessments: [
      'assessment_id text primary key references assessments.id',
      'organisation_id text not null references organisations.id',
      'state text not null',
      'round integer not null',
      'created_by text not null',
      'created_at text not null',
      'submitted_at text',
      'decided_by text',
      'decided_at text',
      'index self_assessments_org_state (organisation_id, state)',
    ],
    // One review per item and round: a later review in the same round replaces it.
    self_assessment_reviews: [
      'id text primary key',
      'assessment_id text not null references self_assessments.assessment_id',
      'requirement_id text not null',
      'round integer not null',
      'decision text not null',
      'comment text not null',
      'self_verdict text not null',
      'corrected_verdict text',
      'reviewer_id text not null',
      'reviewed_at text not null',
      'constraint self_assessment_reviews_item_round unique (assessment_id, requirement_id, round)',
    ],
    self_assessment_replies: [
      'id text primary key',
      'review_id text not null references self_assessment_reviews.id',
      'author_id text not null',
      'body text not null',
      'created_at text not null',
      'index self_assessment_replies_review (review_id)',
    ],
  });
}
