import { compiledOnce } from './compiled-once.js';
import type { Db } from './database.js';

/** What the results of an assessment are read by: who may see it, what they are computed from, and whether results are kept at its version. */
export interface ResultsSubject {
  id: string;
  organisation_id: string;
  edition_id: string;
  items_hash: string;
  version: number;
  /** Results are kept (gzip-compressed JSON) at the assessment's current version: {@link findKeptResults} reads them. */
  keptAtVersion: boolean;
}

/** Results kept with an assessment: gzip-compressed JSON, and the assessment's version they are of. */
export interface KeptResults {
  version: number;
  body: Buffer;
}

const subjectById = compiledOnce((db, id) =>
  db
    .selectFrom('assessments as a')
    .leftJoin('assessment_results as r', (join) => join.onRef('r.assessment_id', '=', 'a.id').onRef('r.version', '=', 'a.version'))
    .select(['a.id', 'a.organisation_id', 'a.edition_id', 'a.items_hash', 'a.version', 'r.version as kept_version'])
    .where('a.id', '=', id),
);

/**
 * One query asked by every read of results: the assessment's keys and whether
 * results are kept at its current version (not the results themselves, some
 * 10 kB that a process which has read them once holds already).
 */
export async function findResultsSubject(db: Db, assessmentId: string): Promise<ResultsSubject | undefined> {
  const row = (await subjectById(db, assessmentId))[0];
  if (row === undefined) return undefined;
  const { kept_version, ...subject } = row;
  return { ...subject, version: Number(row.version), keptAtVersion: kept_version !== null && kept_version !== undefined };
}

const keptById = compiledOnce((db, id) => db.selectFrom('assessment_results').select(['version', 'body']).where('assessment_id', '=', id));

/** The results kept with an assessment, of whichever version they are (never older than one read before). */
export async function findKeptResults(db: Db, assessmentId: string): Promise<KeptResults | undefined> {
  const row = (await keptById(db, assessmentId))[0];
  return row === undefined ? undefined : { version: Number(row.version), body: row.body };
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
