import type { CoverageFilters, RequirementCoverage } from '../coverage/coverage.types.js';
import type { Localized } from '../model/edition.schema.js';
import type { Relationship } from '../taxonomy.js';
import type { Verdict } from './verdicts.js';

export type VerdictCounts = Record<Verdict, number> & { total: number };

/** Scores of one group of items (a layer, a phase, a threat category, or all). */
export interface ScoreGroup {
  id: string;
  label: Localized;
  counts: VerdictCounts;
  /** (pass + ½·partial) / (total − not-applicable); null when nothing applies. Open items count as not met. */
  score: number | null;
  /** Share of items with a decided verdict (pass, partial, fail, not-applicable). */
  completion: number;
}

export interface AssessmentScores {
  overall: ScoreGroup;
  byLayer: ScoreGroup[];
  byPhase: ScoreGroup[];
  byThreatCategory: ScoreGroup[];
}

/** One check item's answer as seen from a standard requirement. */
export interface DerivedLink {
  requirementId: string;
  no: string;
  title: Localized;
  relationship: Relationship;
  /** Null when the item is not in this assessment's checksheet. */
  verdict: Verdict | null;
}

/**
 * What an assessment says about one standard requirement:
 * - met / partially-met / not-met / not-applicable: carried from the verdicts of
 *   items linked equal-to, equivalent-to or superset-of;
 * - partial-evidence: only subset-of / intersects-with items speak to it, so
 *   their verdicts are evidence, never a verdict;
 * - unknown: carrying items exist but are not decided (or not in the checksheet);
 * - no-items: no guidebook item reaches it (a gap, out of scope or pending).
 */
export type DerivedResult = 'met' | 'partially-met' | 'not-met' | 'not-applicable' | 'partial-evidence' | 'unknown' | 'no-items';

/** A standard requirement placed as in its coverage (whose `coverage` says why there may be no items), with what the verdicts make of it. */
export interface DerivedRequirement extends Pick<RequirementCoverage, 'id' | 'kind' | 'title' | 'parentId' | 'groupId' | 'status' | 'coverage'> {
  result: DerivedResult;
  /** Carrying items disagree (one passes, another fails). */
  conflict: boolean;
  carried: DerivedLink[];
  partialEvidence: DerivedLink[];
}

export interface DerivedView {
  standard: { id: string; title: Localized; version: string; confidence: string };
  filters: CoverageFilters;
  /** Requirements that apply under the filters, with enhancements flattened after their base. */
  requirements: DerivedRequirement[];
  summary: Record<DerivedResult, number> & { total: number };
}

export type ReadinessState = 'met' | 'not-met' | 'unknown';

/** Readiness for a scheme: every applicable requirement met, not met or unknown, with the items behind it. */
export interface Readiness {
  scheme: 'jc-star-1' | 'etsi-en-303-645-mandatory';
  label: Localized;
  standardId: string;
  /** Whole scheme: met only when every requirement is met; not-met when any is not met; else unknown. */
  state: ReadinessState;
  counts: Record<ReadinessState, number>;
  requirements: { id: string; title: Localized; state: ReadinessState; result: DerivedResult; carried: DerivedLink[]; partialEvidence: DerivedLink[] }[];
}

export type ItemChange = 'improved' | 'regressed' | 'same' | 'changed' | 'added' | 'removed';

/** Two assessments of one product side by side (before and after remediation). */
export interface AssessmentComparison {
  before: { id: string; title: string; editionId: string; finalisedAt: string | null };
  after: { id: string; title: string; editionId: string; finalisedAt: string | null };
  items: { requirementId: string; no: string; title: Localized; before: Verdict | null; after: Verdict | null; change: ItemChange }[];
  counts: Record<ItemChange, number>;
  scores: { before: AssessmentScores; after: AssessmentScores };
}

/** What moving an assessment to a newer edition did to each item. */
export interface CarryOverSummary {
  fromEdition: string;
  toEdition: string;
  unchanged: string[];
  changed: string[];
  added: string[];
  removed: { requirementId: string; no: string }[];
}
