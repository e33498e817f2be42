import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Frozen in time. Firmware analyses attached to an assessment: the image is a
 * file under the data folder named by its SHA-256 (never in the database);
 * the row keeps the job state and, once done, the findings, the binary table
 * and the derived SBOM. answer_sources records which run an accepted
 * suggestion came from (any evidence source: firmware, probe, sbom, cra).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    firmware_analyses: [
      'id text primary key',
      'assessment_id text not null references assessments.id',
      'image_sha256 text not null',
      'image_name text not null',
      'image_size integer not null',
      'state text not null',
      'progress text',
      'cancel_requested integer not null default 0',
      'error text',
      'format text',
      'files integer',
      'findings text',
      'binaries text',
      'sbom text',
      'created_by text references users.id',
      'created_at text not null',
      'started_at text',
      'finished_at text',
      'index firmware_analyses_assessment (assessment_id)',
    ],
    answer_sources: [
      'assessment_id text not null',
      'requirement_id text not null',
      'source text not null',
      'run_id text not null',
      'suggested text not null',
      'accepted_by text references users.id',
      'accepted_at text not null',
      'constraint answer_sources_pk primary key (assessment_id, requirement_id)',
      'constraint answer_sources_answer foreign key (assessment_id, requirement_id) references assessment_answers (assessment_id, requirement_id)',
    ],
  });
}
