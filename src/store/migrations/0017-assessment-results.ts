import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { bytesType, changeTables } from './frozen-helpers.js';

/**
 * Results kept with the assessment (issue 22): the scores, readiness and
 * reachable standards of an assessment at one version, as gzip-compressed
 * JSON, written in the same transaction as the answers they are computed from.
 * A row whose version is not the assessment's is never served.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await changeTables(db, {
    assessment_results: ['assessment_id text primary key references assessments.id', 'version integer not null', `body ${bytesType(dialect)} not null`],
  });
}
