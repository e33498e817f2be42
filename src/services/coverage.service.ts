import type { Actor } from '../core/authorization.js';
import { coverageOf, itemsBackedByNoStandard } from '../core/coverage/coverage.js';
import type { CoverageCounts, CoverageFilters, CoverageReport } from '../core/coverage/coverage.types.js';
import { crossStandard } from '../core/coverage/cross-standard.js';
import { AppError, type FieldError, validationErrors } from '../core/errors.js';
import type { Edition, Localized, Standard, StandardNode } from '../core/model/edition.schema.js';
import { indexStandardNodes } from '../core/validate-references.js';
import type { ServiceContext } from './context.js';
import { readableEdition } from './editions.service.js';

/**
 * Coverage of the standards by an edition (網羅性の確認): overview, one
 * standard under filters, the items backed by no standard (独自項目), and the
 * one-hop cross-standard view. Read-only; the same permission as the edition.
 */

/** Component types of IEC 62443-4-2: generic component requirements and the four device types. */
export const COMPONENT_TYPES = ['cr', 'sar', 'edr', 'hdr', 'ndr'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];
/** Statuses a coverage report can be restricted to. */
export const COVERAGE_STATUSES = ['mandatory', 'recommended'] as const;
export type CoverageStatusFilter = (typeof COVERAGE_STATUSES)[number];

/** The filters as they arrive from a caller; `conditions: []` means no condition holds. */
export interface CoverageQuery {
  sl?: number;
  componentType?: ComponentType;
  status?: CoverageStatusFilter;
  conditions?: string[];
  /** Count only mappings whose review state is `reviewed`. */
  reviewedOnly?: boolean;
}

/** Which filters make sense for a standard, derived from its data. */
export interface CoverageFilterOptions {
  /** Numeric security levels used by the standard's requirements (IEC 62443-4-2: 1-4). */
  securityLevels: number[];
  /** Component types, when the standard has device-type variants. */
  componentTypes: ComponentType[];
  statuses: CoverageStatusFilter[];
  conditions: { id: string; label: Localized }[];
}

/** Answered share of the applicable requirements: (covered + partial + out of scope) / applicable; 0 when none apply. */
export function answeredShare(counts: CoverageCounts): number {
  return counts.total === 0 ? 0 : (counts.covered + counts.partial + counts['out-of-scope']) / counts.total;
}

function allNodes(standard: Standard): StandardNode[] {
  return [...indexStandardNodes(standard.requirements).values()];
}

/** The filters a standard supports, from its own data: levels, variants, statuses, conditions. */
export function filterOptions(standard: Standard): CoverageFilterOptions {
  const nodes = allNodes(standard);
  const levels = new Set(nodes.flatMap((n) => n.levels ?? []).filter((l) => /^[1-4]$/.test(l)));
  const statuses = new Set(nodes.map((n) => n.status));
  return {
    securityLevels: [...levels].map(Number).sort((a, b) => a - b),
    componentTypes: nodes.some((n) => n.kind === 'variant' && (n.appliesTo ?? []).length > 0) ? [...COMPONENT_TYPES] : [],
    statuses: COVERAGE_STATUSES.filter((s) => statuses.has(s)),
    conditions: Object.entries(standard.conditions ?? {}).map(([id, label]) => ({ id, label })),
  };
}

/** Every query value the standard cannot take, each naming its field (`sl` …). */
export function coverageQueryProblems(standard: Standard, query: CoverageQuery): FieldError[] {
  const options = filterOptions(standard);
  const problems: FieldError[] = [];
  if (query.sl !== undefined && !options.securityLevels.includes(query.sl)) {
    problems.push({
      path: 'sl',
      message:
        options.securityLevels.length === 0
          ? `${standard.id} has no security levels`
          : `${standard.id} has security levels ${options.securityLevels.join(', ')}`,
      code: 'invalid',
    });
  }
  if (query.componentType !== undefined && options.componentTypes.length === 0) {
    problems.push({ path: 'componentType', message: `${standard.id} has no component types`, code: 'invalid' });
  }
  if (query.status !== undefined && !options.statuses.includes(query.status)) {
    problems.push({ path: 'status', message: `${standard.id} has no ${query.status} requirements`, code: 'invalid' });
  }
  const known = new Set(options.conditions.map((c) => c.id));
  const unknown = (query.conditions ?? []).filter((c) => !known.has(c));
  if (unknown.length > 0) {
    problems.push({
      path: 'conditions',
      message:
        known.size === 0
          ? `${standard.id} has no conditions`
          : `unknown condition ${unknown.map((c) => `"${c}"`).join(', ')} (known: ${[...known].join(', ')})`,
      code: known.size === 0 ? 'invalid' : 'unknown',
    });
  }
  return problems;
}

function toFilters(query: CoverageQuery): CoverageFilters {
  const filters: CoverageFilters = {};
  if (query.sl !== undefined) filters.securityLevel = query.sl;
  if (query.componentType !== undefined) filters.componentType = query.componentType;
  if (query.status !== undefined) filters.statuses = [query.status];
  if (query.conditions !== undefined) filters.conditionsHeld = [...new Set(query.conditions)];
  if (query.reviewedOnly) filters.reviewedOnly = true;
  return filters;
}

function standardOf(edition: Edition, standardId: string): Standard {
  const standard = edition.standards.find((s) => s.id === standardId);
  if (!standard) throw new AppError('not-found', `standard ${standardId} not found in edition ${edition.meta.id}`);
  return standard;
}

function overviewOf(edition: Edition, reviewedOnly: boolean) {
  return {
    edition: { id: edition.meta.id, title: edition.meta.title },
    reviewedOnly,
    standards: edition.standards.map((s) => {
      const { summary } = coverageOf(edition, s.id, reviewedOnly ? { reviewedOnly } : {});
      return { id: s.id, title: s.title, version: s.version, publisher: s.publisher, confidence: s.confidence, summary, answered: answeredShare(summary) };
    }),
    unbacked: itemsBackedByNoStandard(edition).length,
  };
}

/**
 * Overviews by parsed edition. readableEdition hands out one object per
 * stored id + content hash, so an entry can never be stale, and it goes when
 * that object does. Every standard's full report costs tens of milliseconds.
 */
const overviews = new WeakMap<Edition, ReturnType<typeof overviewOf>>();
const reviewedOverviews = new WeakMap<Edition, ReturnType<typeof overviewOf>>();

/** Per standard of the edition: its summary counts and answered share; and how many items no standard backs. */
export async function coverageOverview(ctx: ServiceContext, actor: Actor, editionId: string, reviewedOnly = false) {
  const edition = await readableEdition(ctx, actor, editionId);
  const cache = reviewedOnly ? reviewedOverviews : overviews;
  let overview = cache.get(edition);
  if (!overview) {
    overview = overviewOf(edition, reviewedOnly);
    cache.set(edition, overview);
  }
  return overview;
}

export type StandardCoverage = CoverageReport & { answered: number; filterOptions: CoverageFilterOptions };

/** One standard's coverage report under the filters; a filter the standard cannot take is a validation error naming it. */
export async function standardCoverage(
  ctx: ServiceContext,
  actor: Actor,
  editionId: string,
  standardId: string,
  query: CoverageQuery = {},
): Promise<StandardCoverage> {
  const edition = await readableEdition(ctx, actor, editionId);
  const standard = standardOf(edition, standardId);
  const problems = coverageQueryProblems(standard, query);
  if (problems.length > 0) throw validationErrors(problems);
  const report = coverageOf(edition, standardId, toFilters(query));
  return { ...report, answered: answeredShare(report.summary), filterOptions: filterOptions(standard) };
}

/** Items backed by no standard (独自項目), by number as stored. */
export async function unbackedItems(ctx: ServiceContext, actor: Actor, editionId: string) {
  const edition = await readableEdition(ctx, actor, editionId);
  return {
    items: itemsBackedByNoStandard(edition).map((r) => ({ id: r.id, number: r.number, title: r.title, layers: r.layers, phases: r.phases })),
  };
}

export interface CrossQuery {
  from: string;
  requirement: string;
  to: string;
}

/**
 * The requirements of standard `to` that share guidebook items with one
 * requirement of standard `from`, relationships on both sides. Unknown
 * standards or requirement are validation errors naming the query field.
 */
export async function crossStandardView(ctx: ServiceContext, actor: Actor, editionId: string, query: CrossQuery) {
  const edition = await readableEdition(ctx, actor, editionId);
  const problems: FieldError[] = [];
  const from = edition.standards.find((s) => s.id === query.from);
  if (!from) problems.push({ path: 'from', message: `unknown standard "${query.from}"`, code: 'unknown' });
  else if (!indexStandardNodes(from.requirements).has(query.requirement)) {
    problems.push({ path: 'requirement', message: `"${query.requirement}" is not a requirement of ${query.from}`, code: 'invalid' });
  }
  if (!edition.standards.some((s) => s.id === query.to)) problems.push({ path: 'to', message: `unknown standard "${query.to}"`, code: 'unknown' });
  if (problems.length > 0) throw validationErrors(problems);
  return crossStandard(edition, query.from, query.requirement, query.to);
}
