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

/**
 * The shape of the kept results' JSON (`AssessmentResults` in
 * services/assessment-results.service.ts). Raise it with any change to that
 * shape: rows of another format are never served, and the background keeper
 * keeps them again (test/server/kept-results-format.test.ts fails until it is
 * raised and its expected shape updated).
 */
export const KEPT_RESULTS_FORMAT = 1;

/** Results kept with an assessment: gzip-compressed JSON, and the assessment's version they are of. */
export interface KeptResults {
  version: number;
  body: Buffer;
}

const subjectById = compiledOnce((db, id) =>
  db
    .selectFrom('assessments as a')
    .leftJoin('assessment_results as r', (join) =>
      join.onRef('r.assessment_id', '=', 'a.id').onRef('r.version', '=', 'a.version').on('r.format', '=', KEPT_RESULTS_FORMAT),
    )
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

const keptById = compiledOnce((db, id) =>
  db.selectFrom('assessment_results').select(['version', 'body']).where('assessment_id', '=', id).where('format', '=', KEPT_RESULTS_FORMAT),
);

/** The results kept with an assessment in the current format, of whichever version they are (never older than one read before). */
export async function findKeptResults(db: Db, assessmentId: string): Promise<KeptResults | undefined> {
  const row = (await keptById(db, assessmentId))[0];
  return row === undefined ? undefined : { version: Number(row.version), body: row.body };
}

/**
 * Keeps the results of an assessment at `version`, replacing those of an older
 * version, of the same one (the same answers) or of another format; results of
 * a newer version (kept meanwhile by another writer) stay.
 */
export async function keepResults(db: Db, assessmentId: string, version: number, body: Buffer): Promise<void> {
  await db
    .insertInto('assessment_results')
    .values({ assessment_id: assessmentId, version, body, format: KEPT_RESULTS_FORMAT })
    .onConflict((oc) =>
      oc
        .column('assessment_id')
        .doUpdateSet({ version, body, format: KEPT_RESULTS_FORMAT })
        .where((eb) => eb.or([eb('assessment_results.version', '<=', version), eb('assessment_results.format', '<>', KEPT_RESULTS_FORMAT)])),
    )
    .execute();
}

/**
 * After a change that moved the assessment's version by one without touching a
 * verdict (an attachment, a flag, a status, a title): the results kept at the
 * version before are those of the new version too, so they move with it. An
 * answer's write does not carry them: it keeps its own. Kept results of an
 * older version stay behind.
 */
export async function carryKeptResults(db: Db, assessmentId: string): Promise<void> {
  await db
    .updateTable('assessment_results')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('assessment_id', '=', assessmentId)
    .where((eb) =>
      eb(
        'version',
        '=',
        eb
          .selectFrom('assessments')
          .select((a) => a(a.ref('assessments.version'), '-', 1).as('before'))
          .where('assessments.id', '=', assessmentId),
      ),
    )
    .execute();
}

/**
 * Assessments on a published edition whose results are not kept at their
 * version in the current format (written before results were kept, or kept in
 * a format an upgrade changed): the next page after `afterId`, by id.
 */
export async function listUnkeptResults(db: Db, afterId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('assessments as a')
    .innerJoin('editions as e', 'e.id', 'a.edition_id')
    .leftJoin('assessment_results as r', (join) =>
      join.onRef('r.assessment_id', '=', 'a.id').onRef('r.version', '=', 'a.version').on('r.format', '=', KEPT_RESULTS_FORMAT),
    )
    .select('a.id')
    .where('e.status', '=', 'published')
    .where('r.assessment_id', 'is', null)
    .where('a.id', '>', afterId)
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
