import { type Actor, canReadPublishedEditions, isRole } from '../core/authorization.js';
import { AppError, validationErrors } from '../core/errors.js';
import { glossaryIndex } from '../core/browse/glossary-view.js';
import { filterRequirements, type RequirementFilter, unknownFilterValues } from '../core/browse/requirement-filter.js';
import { coverageChange, type StandardCoverageChange } from '../core/coverage/coverage-diff.js';
import { diffEditions, type EditionDiff } from '../core/edition-diff.js';
import { editionHash } from '../core/edition-hash.js';
import { reviewIndex, reviewOf } from '../core/mapping-review.js';
import { layerPhaseMatrix } from '../core/matrix.js';
import type { Edition, Requirement } from '../core/model/edition.schema.js';
import { flattenThreatCategories } from '../core/validate-references.js';
import { contentFingerprint } from '../content/content-fingerprint.js';
import { readContentSnapshot } from '../content/content-snapshot.js';
import { loadContent } from '../content/load-content.js';
import { readSetting, writeSetting } from '../store/settings.repository.js';
import type { Store } from '../store/database.js';
import { findEditionSummary, insertEdition, listEditions } from '../store/editions.repository.js';
import { anonymousReadAllowed } from './admin.service.js';
import { type ServiceContext, mutate } from './context.js';
import { latestPublishedId, type LoadedEdition, loadEdition, rememberStoredEdition } from './edition-loader.js';

/** `kept`: the bundled content differs from a stored published edition of the same id, which stays as it is. */
export type ImportOutcome = { status: 'imported' | 'unchanged' | 'kept'; id: string; hash: string };

/**
 * Stores an edition. A published edition is immutable: importing different
 * content under an existing id is refused (the database refuses it too).
 */
export async function importEdition(ctx: ServiceContext, actor: Actor, edition: Edition, known?: { hash: string; json: string }): Promise<ImportOutcome> {
  const hash = known?.hash ?? editionHash(edition);
  const id = edition.meta.id;
  const existing = await findEditionSummary(ctx.store.db, id);
  if (existing) {
    if (existing.content_hash === hash) return { status: 'unchanged', id, hash };
    throw new AppError('immutable', `edition ${id} is already stored with different content; publish the change as a new edition id`);
  }
  await mutate(ctx, actor, { action: 'edition.imported', targetType: 'edition', targetId: id, detail: { hash, status: edition.meta.status } }, (trx) =>
    insertEdition(trx, {
      id,
      title_ja: edition.meta.title.ja,
      title_en: edition.meta.title.en,
      status: edition.meta.status,
      edition_date: edition.meta.date,
      content_hash: hash,
      content: known?.json ?? JSON.stringify(edition),
      created_at: ctx.now().toISOString(),
    }),
  );
  return { status: 'imported', id, hash };
}

const BUNDLED_FINGERPRINT = 'bundled-content-fingerprint';

function loadBundledContent(dir: string): Edition {
  const loaded = loadContent(dir);
  if (!loaded.ok) {
    const first = loaded.problems.filter((p) => p.severity === 'error').slice(0, 5);
    throw new Error(`bundled content in ${dir} is invalid:\n${first.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message}`).join('\n')}`);
  }
  return loaded.edition;
}

/**
 * Loads content/ and stores it when new; used at start. Never overwrites a
 * stored edition. Skips loading when the files are byte-for-byte those of the
 * last import (their fingerprint is kept beside the edition).
 */
export async function importBundledEdition(ctx: ServiceContext): Promise<ImportOutcome> {
  const fingerprint = contentFingerprint(ctx.config.contentDir);
  const remembered = (await readSetting(ctx.store.db, BUNDLED_FINGERPRINT))?.split(' ');
  if (remembered?.[0] === fingerprint && remembered[1]) {
    const stored = await findEditionSummary(ctx.store.db, remembered[1]);
    if (stored) return { status: 'unchanged', id: stored.id, hash: stored.content_hash };
  }
  // The snapshot carries the hash computed at build time and the JSON to store: a first start neither hashes nor serialises megabytes again.
  const snapshot = readContentSnapshot(ctx.config.contentDir, fingerprint);
  const edition = snapshot?.edition ?? loadBundledContent(ctx.config.contentDir);
  const hash = snapshot?.hash ?? editionHash(edition);
  const existing = await findEditionSummary(ctx.store.db, edition.meta.id);
  if (existing && existing.content_hash !== hash) {
    return { status: 'kept', id: existing.id, hash: existing.content_hash };
  }
  const outcome = await importEdition(ctx, { kind: 'anonymous' }, edition, snapshot);
  if (snapshot && outcome.status === 'imported') rememberStoredEdition(outcome.id, hash, edition);
  await mutate(
    ctx,
    { kind: 'anonymous' },
    { action: 'edition.bundled-fingerprint', targetType: 'edition', targetId: outcome.id, detail: { fingerprint } },
    (trx) => writeSetting(trx, BUNDLED_FINGERPRINT, `${fingerprint} ${outcome.id}`),
  );
  return outcome;
}

/** An edition the actor may read (published, or any for admins and editors), with its summary; else not-found / unauthenticated. */
export async function readableStoredEdition(ctx: ServiceContext, actor: Actor, id: string): Promise<LoadedEdition> {
  await requireRead(ctx, actor);
  const loaded = await loadEdition(ctx.store.db, id, (s) => s.status === 'published' || isRole(actor, 'admin', 'editor'));
  if (!loaded) throw new AppError('not-found', `edition ${id} not found`);
  return loaded;
}

/** An edition the actor may read (published, or any for admins and editors); else not-found / unauthenticated. */
export async function readableEdition(ctx: ServiceContext, actor: Actor, id: string): Promise<Edition> {
  return (await readableStoredEdition(ctx, actor, id)).edition;
}

/**
 * For the operator's shells (publish, guidebook, CLI reports), who hold the
 * database itself: the stored edition named, else the latest published one.
 * `id` is undefined when none is published; `loaded` when the named one is not stored.
 */
export async function operatorEdition(store: Store, id?: string): Promise<{ id: string | undefined; loaded: LoadedEdition | undefined }> {
  const wanted = id ?? (await latestPublishedId(store.db));
  return { id: wanted, loaded: wanted === undefined ? undefined : await loadEdition(store.db, wanted) };
}

/** Newest first: by date, then by edition id compared numerically (2026.10 after 2026.9). */
const byRecency = (a: { edition_date: string; id: string }, b: { edition_date: string; id: string }) =>
  b.edition_date.localeCompare(a.edition_date) || b.id.localeCompare(a.id, 'en', { numeric: true });

/** A signed-in actor may always read: the anonymous-read setting is asked only for visitors. */
async function requireRead(ctx: ServiceContext, actor: Actor) {
  if (actor.kind === 'user') return;
  if (!canReadPublishedEditions(actor, await anonymousReadAllowed(ctx))) throw new AppError('unauthenticated');
}

export async function editionList(ctx: ServiceContext, actor: Actor) {
  await requireRead(ctx, actor);
  const rows = (await listEditions(ctx.store.db)).filter((r) => r.status === 'published' || isRole(actor, 'admin', 'editor')).sort(byRecency);
  const editions = rows.map((r) => ({ id: r.id, title: { ja: r.title_ja, en: r.title_en }, status: r.status, date: r.edition_date }));
  const current = editions.find((e) => e.status === 'published')?.id ?? null;
  return { editions, current };
}

export async function editionMatrix(ctx: ServiceContext, actor: Actor, id: string) {
  const e = await readableEdition(ctx, actor, id);
  return {
    edition: { id: e.meta.id, title: e.meta.title, status: e.meta.status, date: e.meta.date },
    layers: e.taxonomy.layers.map((l) => ({ id: l.id, label: l.label })),
    stages: e.taxonomy.stages.map((s) => ({ id: s.id, label: s.label })),
    phases: e.taxonomy.phases.map((p) => ({ id: p.id, label: p.label, stage: p.stage })),
    cells: layerPhaseMatrix(e.requirements),
    total: e.requirements.length,
  };
}

/** The items matching every given filter (none: all items), by number. An unknown threat category, standard or condition is a validation error. */
export async function editionRequirements(ctx: ServiceContext, actor: Actor, id: string, filter: RequirementFilter = {}) {
  const e = await readableEdition(ctx, actor, id);
  const unknown = unknownFilterValues(e, filter);
  if (unknown.length > 0) throw validationErrors(unknown);
  return {
    items: filterRequirements(e, filter).map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      layers: r.layers,
      phases: r.phases,
      threatCategory: r.threatCategory,
    })),
  };
}

export async function editionRequirement(ctx: ServiceContext, actor: Actor, id: string, requirementId: string) {
  const e = await readableEdition(ctx, actor, id);
  const r: Requirement | undefined = e.requirements.find((x) => x.id === requirementId);
  if (!r) throw new AppError('not-found', `requirement ${requirementId} not found in edition ${id}`);
  const category = flattenThreatCategories(e.taxonomy.threatCategories).find((c) => c.id === r.threatCategory);
  const reviews = reviewIndex(e);
  return {
    ...r,
    threatCategoryLabel: category?.label ?? { ja: r.threatCategory, en: r.threatCategory },
    glossaryIndex: glossaryIndex(e, r),
    /** Review state of each mapping, in the order of `mappings`. */
    mappingReviews: r.mappings.map((m) => reviewOf(reviews, r.id, m.standard, m.requirement)),
  };
}

/**
 * Any two editions the actor may read, compared as the CLI `diff` does:
 * requirements, mappings, terms, other sections, and the coverage change per
 * standard. Either may be older; `from` is the one compared against.
 */
export async function compareEditions(
  ctx: ServiceContext,
  actor: Actor,
  fromId: string,
  toId: string,
): Promise<EditionDiff & { coverage: StandardCoverageChange[] }> {
  const from = await readableEdition(ctx, actor, fromId);
  const to = await readableEdition(ctx, actor, toId);
  return { ...diffEditions(from, to), coverage: coverageChange(from, to) };
}
