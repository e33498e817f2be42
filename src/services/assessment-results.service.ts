import { constants, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { AssessmentView } from '../core/assessment/assessment.types.js';
import { reachedStandards } from '../core/assessment/checksheet.js';
import { compareAssessments } from '../core/assessment/compare.js';
import { type CoverageSource, derivedView } from '../core/assessment/derived-view.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import { coverageOf } from '../core/coverage/coverage.js';
import type { CoverageReport } from '../core/coverage/coverage.types.js';
import { READINESS_SCHEMES, readinessFor } from '../core/assessment/readiness.js';
import type { AssessmentComparison, AssessmentScores, DerivedView, Readiness } from '../core/assessment/results.types.js';
import { assessmentScores } from '../core/assessment/scores.js';
import type { Actor } from '../core/authorization.js';
import { AppError, validationErrors, validationError } from '../core/errors.js';
import type { Edition, Localized } from '../core/model/edition.schema.js';
import { RecentMap } from '../core/recent-map.js';
import { itemsOf, readAssessment, requireUser, seenOrNotFound } from './assessment-records.js';
import {
  findKeptResults,
  findResultsSubject,
  type KeptResults,
  keepResults,
  listUnkeptResults,
  type ResultsSubject,
} from '../store/assessment-results.repository.js';
import { type AssessmentRecord, findVerdicts } from '../store/assessments.repository.js';
import type { Db } from '../store/database.js';
import { isPublished, loadEdition } from './edition-loader.js';
import type { ServiceContext } from './context.js';
import { COMPONENT_TYPES } from './coverage.service.js';
import { readableEdition, readableStoredEdition } from './editions.service.js';
import { nextTurn } from './next-turn.js';

export const ResultsQuery = z
  .object({
    standard: z.string().trim().min(1).max(200).optional(),
    sl: z.coerce.number().int().min(1).max(4).optional(),
    componentType: z.enum(COMPONENT_TYPES).optional(),
    mandatoryOnly: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  })
  .strict();

export const CompareQuery = z
  .object({
    before: z.string().trim().min(1).max(200),
    after: z.string().trim().min(1).max(200),
    format: z.enum(['json', 'html']).default('json'),
    lang: z.enum(['ja', 'en']).default('ja'),
  })
  .strict();

export interface AssessmentResults {
  scores: AssessmentScores;
  readiness: Readiness[];
  derived: DerivedView | null;
  /** The standards the checked items reach through the edition's mappings, in the edition's order. */
  standards: { id: string; title: Localized }[];
}

/** An assessment the actor may see, with the edition it was made on. */
export async function assessmentWithEdition(ctx: ServiceContext, actor: Actor, id: string): Promise<{ view: AssessmentView; edition: Edition }> {
  const view = await readAssessment(ctx, actor, id);
  return { view, edition: await readableEdition(ctx, actor, view.edition.id) };
}

/** Results as the route sends them: computed now, or kept with the assessment as gzip-compressed JSON (never parsed again). */
export type ResultsReply = { kind: 'computed'; results: AssessmentResults } | { kind: 'kept'; gzipJson: Buffer };

/**
 * Results by assessment, version and query. Every change to an assessment's
 * answers bumps its version and published editions never change, so an entry
 * never goes stale; visibility is checked before every lookup.
 */
const resultsCache = new RecentMap<string, ResultsReply & { kind: 'computed' }>(64);
const resultsKey = (id: string, version: number, q: z.output<typeof ResultsQuery>) =>
  JSON.stringify([id, version, q.standard, q.sl, q.componentType, q.mandatoryOnly]);

/**
 * The results of a visible assessment. Without a standard (scores, readiness,
 * reachable standards) they are kept with the assessment: written with every
 * change of answers (see {@link keepCurrentResults}) and, when the version has
 * moved on otherwise (an attachment, a status), computed on the first read and
 * kept then. Kept only for published editions, which every signed-in user may
 * read: serving them checks what computing them would.
 */
export async function assessmentResults(ctx: ServiceContext, actor: Actor, id: string, query: z.output<typeof ResultsQuery>): Promise<ResultsReply> {
  requireUser(actor);
  const subject = seenOrNotFound(actor, id, await findResultsSubject(ctx.store.db, id));
  if (subject.keptAtVersion && isKeptView(query)) return { kind: 'kept', gzipJson: await keptBody(ctx.store.db, subject) };
  const key = resultsKey(subject.id, subject.version, query);
  const hit = resultsCache.get(key);
  if (hit) return hit;
  const { edition, summary } = await readableStoredEdition(ctx, actor, subject.edition_id);
  // The answers are read after the version: a key never names answers older than its version.
  const results = await computeResults(ctx.store.db, subject, edition, query);
  if (isKeptView(query) && isPublished(summary)) {
    // Kept at the version read (a writer that has kept a newer one meanwhile is not overwritten),
    // and answered with the same compressed bytes: serialised and compressed once.
    const body = gzipJson(results);
    await keepResults(ctx.store.db, subject.id, subject.version, body);
    keptBodies.set(subject.id, { version: subject.version, body });
    return { kind: 'kept', gzipJson: body };
  }
  const reply = { kind: 'computed' as const, results };
  resultsCache.set(key, reply);
  return reply;
}

/**
 * Kept results read lately, by assessment, with the version they are of.
 * Results kept at one version are written once and replaced only by those of
 * a newer version, so this copy is what the database holds for as long as the
 * assessment stays at that version.
 */
const keptBodies = new RecentMap<string, KeptResults>(64);

async function keptBody(db: Db, subject: ResultsSubject): Promise<Buffer> {
  const hit = keptBodies.get(subject.id);
  if (hit?.version === subject.version) return hit.body;
  // At the subject's version or, when a writer has moved on since, a newer one: as a read a moment later would give.
  const kept = await findKeptResults(db, subject.id);
  if (!kept) throw new AppError('not-found', `assessment ${subject.id} not found`);
  keptBodies.set(subject.id, kept);
  return kept.body;
}

const isKeptView = (query: z.output<typeof ResultsQuery>) => query.standard === undefined;

/**
 * Results as kept: gzip at its fastest level. Compressed once per version, in
 * an answer's write transaction or on a read: level 1 takes a third of the
 * default's time for a fifth more bytes (12.7 kB instead of 10.4 kB for 300 answers).
 */
const gzipJson = (results: AssessmentResults) => gzipSync(JSON.stringify(results), { level: constants.Z_BEST_SPEED });

/**
 * Keeps the results of an assessment at its current version, inside the
 * transaction that changed its answers, so that the next read of the results
 * (in any process) is one row. Nothing is kept for an edition not published.
 */
export async function keepCurrentResults(trx: Db, assessmentId: string): Promise<void> {
  const row = await findResultsSubject(trx, assessmentId);
  const loaded = row && (await loadEdition(trx, row.edition_id, isPublished));
  if (!row || !loaded) return;
  await keepResults(trx, row.id, row.version, gzipJson(await computeResults(trx, row, loaded.edition, { mandatoryOnly: false })));
}

/** How many assessments the background keeper lists at once. */
const UNKEPT_PAGE = 100;

/**
 * Keeps, in the background, the results of every assessment on a published
 * edition that has none at its version: those written before results were
 * kept, or left behind by an upgrade. One assessment per transaction, the
 * event loop's next turn between two, so requests are served meanwhile and a
 * reader finds them kept instead of computing them. Several processes may run
 * it at once: keeping is idempotent. `done` resolves with how many it kept.
 */
export function keepUnkeptResults(ctx: Pick<ServiceContext, 'store'>): { stop: () => void; done: Promise<number> } {
  let stopped = false;
  const done = (async () => {
    let kept = 0;
    let after = '';
    for (;;) {
      const ids = await listUnkeptResults(ctx.store.db, after, UNKEPT_PAGE);
      for (const id of ids) {
        await nextTurn();
        if (stopped) return kept;
        await ctx.store.db.transaction().execute((trx) => keepCurrentResults(trx, id));
        kept++;
      }
      const last = ids.at(-1);
      if (last === undefined || ids.length < UNKEPT_PAGE) return kept;
      after = last;
    }
  })();
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}

/**
 * Coverage reports of published editions, by edition, standard and filters: a
 * report depends on the edition alone (never on answers), and a published
 * edition never changes, so every assessment on it shares them.
 */
const coverageMemo = new RecentMap<string, CoverageReport>(64);
const publishedCoverage: CoverageSource = (edition, standardId, filters) => {
  if (edition.meta.status !== 'published') return coverageOf(edition, standardId, filters);
  const key = JSON.stringify([edition.meta.id, standardId, filters]);
  const hit = coverageMemo.get(key);
  if (hit) return hit;
  const report = coverageOf(edition, standardId, filters);
  coverageMemo.set(key, report);
  return report;
};

/** The standards a frozen checksheet reaches on a published edition: they depend on neither answers nor time. */
const reachedMemo = new RecentMap<string, AssessmentResults['standards']>(64);
function standardsReached(edition: Edition, items: readonly ChecksheetItem[], itemsHash: string): AssessmentResults['standards'] {
  const key = JSON.stringify([edition.meta.id, itemsHash]);
  const hit = edition.meta.status === 'published' ? reachedMemo.get(key) : undefined;
  if (hit) return hit;
  const standards = reachedStandards(edition, items).map((s) => ({ id: s.id, title: s.title }));
  if (edition.meta.status === 'published') reachedMemo.set(key, standards);
  return standards;
}

async function computeResults(
  db: Db,
  row: Pick<AssessmentRecord, 'id' | 'items_hash'>,
  edition: Edition,
  query: z.output<typeof ResultsQuery>,
): Promise<AssessmentResults> {
  // Only what the results are computed from: the frozen items and each answer's verdict.
  const [items, answers] = await Promise.all([itemsOf(db, row), findVerdicts(db, row.id)]);
  const readiness = READINESS_SCHEMES.map((s) => readinessFor(edition, items, answers, s, publishedCoverage)).filter((r): r is Readiness => r !== null);
  let derived: DerivedView | null = null;
  if (query.standard) {
    if (!edition.standards.some((s) => s.id === query.standard))
      throw validationError('standard', `standard "${query.standard}" is not in edition ${edition.meta.id}`, 'unknown');
    derived = derivedView(
      edition,
      items,
      answers,
      query.standard,
      {
        ...(query.sl !== undefined ? { securityLevel: query.sl } : {}),
        ...(query.componentType ? { componentType: query.componentType } : {}),
        ...(query.mandatoryOnly ? { statuses: ['mandatory'] } : {}),
      },
      publishedCoverage,
    );
  }
  return {
    scores: assessmentScores(edition, items, answers),
    readiness,
    derived,
    standards: standardsReached(edition, items, row.items_hash),
  };
}

/** Two visible assessments of one product, before and after; anything else is not found or not comparable. */
export async function compareTwo(ctx: ServiceContext, actor: Actor, beforeId: string, afterId: string): Promise<AssessmentComparison> {
  const before = await assessmentWithEdition(ctx, actor, beforeId);
  const after = await assessmentWithEdition(ctx, actor, afterId);
  if (before.view.product.id !== after.view.product.id) {
    throw validationErrors(
      [{ path: 'after', message: 'is an assessment of another product', code: 'invalid' }],
      'only assessments of the same product can be compared',
    );
  }
  return compareAssessments(before.edition, before.view, after.edition, after.view);
}
