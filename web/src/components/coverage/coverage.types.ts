/**
 * Shapes of the coverage API (網羅性) as the browser sees them. Contract:
 * src/server/routes/coverage.routes.ts and docs/ARCHITECTURE.md.
 */
import type { Confidence } from '../../api/browse.types';
import type { Localized } from '../../api/types';

/** How well the guidebook answers one standard requirement. */
export type CoverageStatus = 'covered' | 'partial' | 'out-of-scope' | 'pending' | 'gap' | 'not-applicable';

/** Statuses that count as applicable, in the order the charts stack them. */
export const ANSWER_ORDER = ['covered', 'partial', 'out-of-scope', 'pending', 'gap'] as const;
export type AnswerStatus = (typeof ANSWER_ORDER)[number];

export type CoverageCounts = Record<CoverageStatus, number> & { total: number };

export interface CoverageLink {
  requirementId: string;
  number: string;
  title: Localized;
  relationship: string;
  rationale: Localized;
}

export interface RequirementCoverage {
  id: string;
  kind: 'group' | 'requirement' | 'enhancement' | 'variant' | 'constraint' | 'provision';
  title: Localized;
  parentId: string | null;
  groupId: string | null;
  status: 'mandatory' | 'recommended' | 'withdrawn' | 'informative' | null;
  conditions: string[];
  levels: string[];
  appliesTo: string[];
  confidence: Confidence;
  unconfirmed: boolean;
  coverage: CoverageStatus;
  reason: Localized | null;
  links: CoverageLink[];
  enhancements: RequirementCoverage[];
}

export interface CoverageFilterOptions {
  securityLevels: number[];
  componentTypes: string[];
  statuses: ('mandatory' | 'recommended')[];
  conditions: { id: string; label: Localized }[];
}

export interface StandardCoverage {
  edition: { id: string; title: Localized };
  standard: { id: string; title: Localized; version: string; confidence: Confidence };
  filters: { securityLevel?: number; componentType?: string; statuses?: string[]; conditionsHeld?: string[] };
  summary: CoverageCounts;
  /** (covered + partial + out of scope) / applicable, 0..1. */
  answered: number;
  requirements: RequirementCoverage[];
  groups: { id: string; title: Localized; counts: CoverageCounts }[];
  cells: { layer: string; phase: string; covered: number; partial: number }[];
  unverifiedLevels: string[];
  filterOptions: CoverageFilterOptions;
}

export interface CoverageOverview {
  edition: { id: string; title: Localized };
  standards: { id: string; title: Localized; version: string; publisher: string; confidence: Confidence; summary: CoverageCounts; answered: number }[];
  /** Number of items backed by no standard (独自項目). */
  unbacked: number;
}

export interface UnbackedItems {
  items: { id: string; number: string; title: Localized; layers: string[]; phases: string[] }[];
}

export interface CrossStandardView {
  from: { standard: string; requirement: string; title: Localized };
  to: { standard: string; title: Localized };
  targets: {
    id: string;
    title: Localized;
    via: { requirementId: string; number: string; title: Localized; fromRelationship: string; toRelationship: string }[];
  }[];
}

/**
 * What the summary counts: the requirements, and with a security level also
 * their enhancements (SL-C n means the requirement and its enhancements up to
 * n) — the same rule as the server's summary, so lists and counts agree.
 */
export function countedRows(report: StandardCoverage): RequirementCoverage[] {
  if (report.filters.securityLevel === undefined) return report.requirements;
  return report.requirements.flatMap((r) => [r, ...r.enhancements]);
}

/** The answered share as a percentage with one decimal, e.g. "87.5%". */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
