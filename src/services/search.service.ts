import { type Actor, isRole } from '../core/authorization.js';
import { AppError, validationError } from '../core/errors.js';
import { extractKeywords, type KeywordCandidate } from '../core/keywords.js';
import type { Edition } from '../core/model/edition.schema.js';
import { queryProblem } from '../core/search/query.js';
import { search } from '../core/search/search.js';
import { searchIndexSteps } from '../core/search/search-index.js';
import type { SearchIndex, SearchLang, SearchResult } from '../core/search/search.types.js';
import type { Store } from '../store/database.js';
import { listEditions } from '../store/editions.repository.js';
import type { ServiceContext } from './context.js';
import { publishedEdition } from './draft-work.js';
import { readableStoredEdition } from './editions.service.js';
import { loadEdition } from './edition-loader.js';
import { nextTurn } from './next-turn.js';

/**
 * Search and keyword extraction over one edition. Both are computed once per
 * edition id and content hash and kept: published editions never change, and
 * a draft that changes gets a new hash (its older entry is replaced).
 */

/** Edition id → the latest computed value and the content hash it was computed from. */
class PerEdition<T> {
  private readonly entries = new Map<string, { hash: string; value: T }>();

  constructor(private readonly compute: (edition: Edition) => T) {}

  has(id: string, hash: string): boolean {
    return this.entries.get(id)?.hash === hash;
  }

  get(id: string, hash: string, edition: Edition): T {
    const entry = this.entries.get(id);
    if (entry?.hash === hash) return entry.value;
    const value = this.compute(edition);
    this.entries.set(id, { hash, value });
    return value;
  }
}

/**
 * How long the index build may hold the event loop before requests waiting in
 * between are served: a request arriving just after start-up waits about this
 * long per turn it needs (a fixed number of fields per slice took 25–140 ms
 * depending on the machine's load).
 */
const SLICE_MS = 4;

/** Builds an index in slices of about SLICE_MS, one per turn of the event loop: requests are served in between. */
async function buildInSlices(edition: Edition): Promise<SearchIndex> {
  const steps = searchIndexSteps(edition);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/**
 * Search indexes per edition id: the built index, or the build under way
 * (which a query awaits rather than building the same index again).
 */
class Indexes {
  private readonly entries = new Map<string, { hash: string; index?: SearchIndex; building: Promise<SearchIndex> }>();

  ready(id: string, hash: string): boolean {
    const entry = this.entries.get(id);
    return entry?.hash === hash && entry.index !== undefined;
  }

  get(id: string, hash: string, edition: Edition): SearchIndex | Promise<SearchIndex> {
    const entry = this.entries.get(id);
    if (entry?.hash === hash) return entry.index ?? entry.building;
    const building = buildInSlices(edition);
    const created: { hash: string; index?: SearchIndex; building: Promise<SearchIndex> } = { hash, building };
    this.entries.set(id, created);
    building.then(
      (index) => {
        created.index = index;
      },
      () => {
        if (this.entries.get(id) === created) this.entries.delete(id);
      },
    );
    return building;
  }
}

const indexes = new Indexes();

const keywordLists = new PerEdition<KeywordCandidate[]>((edition) => extractKeywords(edition));

/** The edition as the actor may read it (published, or drafts for editors and admins), with the content hash it was loaded at. */
async function readableWithHash(ctx: ServiceContext, actor: Actor, id: string): Promise<[hash: string, edition: Edition]> {
  const { summary, edition } = await readableStoredEdition(ctx, actor, id);
  return [summary.content_hash, edition];
}

/**
 * Builds the search index of every published edition, newest first, Japanese
 * word boundaries included, a slice per turn of the event loop, so the first
 * query finds it ready (called after the server listens; requests are served
 * in between; a query for an edition whose index is still building awaits
 * that build). `stop` ends it early.
 */
export function warmSearchIndexes(ctx: ServiceContext): { stop: () => void; done: Promise<void> } {
  let stopped = false;
  const done = (async () => {
    for (const summary of await listEditions(ctx.store.db)) {
      await nextTurn();
      if (stopped) return;
      if (summary.status !== 'published' || indexes.ready(summary.id, summary.content_hash ?? '')) continue;
      const edition = await publishedEdition(ctx.store.db, summary.id);
      if (!edition || stopped) continue;
      await indexes.get(summary.id, summary.content_hash ?? '', edition);
    }
  })();
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}

/** Whether the index of this edition and content hash is built (for tests of the warm-up). */
export function searchIndexReady(id: string, hash: string): boolean {
  return indexes.ready(id, hash);
}

export interface SearchRequest {
  q: string;
  limit?: number;
  lang?: SearchLang;
}

/** GET /api/editions/:id/search: requirements, glossary terms and standard requirements, ranked, with highlighted snippets. */
export async function searchEdition(ctx: ServiceContext, actor: Actor, id: string, request: SearchRequest): Promise<SearchResult> {
  const problem = queryProblem(request.q);
  if (problem) throw validationError('q', problem.message, problem.code);
  const index = await indexes.get(id, ...(await readableWithHash(ctx, actor, id)));
  return search(index, request.q, { ...(request.limit !== undefined ? { limit: request.limit } : {}), ...(request.lang ? { lang: request.lang } : {}) });
}

export interface KeywordsResult {
  edition: string;
  candidates: KeywordCandidate[];
}

/** Candidate glossary terms (キーワード抽出) for editors: used in requirement texts, not yet in the glossary. */
export async function editionKeywords(ctx: ServiceContext, actor: Actor, id: string, limit?: number): Promise<KeywordsResult> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!isRole(actor, 'admin', 'editor')) throw new AppError('forbidden', 'keyword extraction is for editors and administrators');
  const candidates = keywordLists.get(id, ...(await readableWithHash(ctx, actor, id)));
  return { edition: id, candidates: limit === undefined ? candidates : candidates.slice(0, limit) };
}

/**
 * Keyword candidates of a stored edition for the CLI, which runs with the
 * database's own credentials (no user to authorise).
 */
export async function storedEditionKeywords(store: Store, id: string, limit?: number): Promise<KeywordsResult> {
  const loaded = await loadEdition(store.db, id);
  if (!loaded) throw new AppError('not-found', `edition ${id} is not in the database`);
  const candidates = extractKeywords(loaded.edition, limit === undefined ? {} : { limit });
  return { edition: id, candidates };
}
