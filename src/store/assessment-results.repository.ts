import { compiledOnce } from './compiled-once.js';
import type { Db } from './database.js';

/** What the results of an assessment are read by: who may see it, what they are computed from, and those kept at its version. */
export interface ResultsSubject {
  id: string;
  organisation_id: string;
  edition_id: string;
  items_hash: string;
  version: number;
  /** The kept results (gzip-compressed JSON) when they are of the assessment's current version; else null. */
  kept: Buffer | null;
}

const subjectById = compiledOnce((db, id) =>
  db
    .selectFrom('assessments as a')
    .leftJoin('assessment_results as r', (join) => join.onRef('r.assessment_id', '=', 'a.id').onRef('r.version', '=', 'a.version'))
    .select(['a.id', 'a.organisation_id', 'a.edition_id', 'a.items_hash', 'a.version', 'r.body as kept'])
    .where('a.id', '=', id),
);

/** One query asked by every read of results: the assessment's keys and its kept results at its current version. */
export async function findResultsSubject(db: Db, assessmentId: string): Promise<ResultsSubject | undefined> {
  const row = (await subjectById(db, assessmentId))[0];
  return row === undefined ? undefined : { ...row, version: Number(row.version), kept: row.kept ?? null };
}

/**
 * Keeps the results of an assessment at `version`, replacing those of an older
 * version; results of a newer version (kept meanwhile by another writer) stay.
 */
export async function keepResults(db: Db, assessmentId: string, version: number, body: Buffer): Promise<void> {
  await db
    .insertInto('assessment_results')
    .values({ assessment_id: assessmentId, version, body })
    .onConflict((oc) => oc.column('assessment_id').doUpdateSet({ version, body }).where('assessment_results.version', '<', version))
    .execute();
}
