import type { Localized, StandardNode } from '../model/edition.schema.js';
import type { Layer, Phase, Relationship } from '../taxonomy.js';

/** How well the guidebook answers one standard requirement. */
export type CoverageStatus = 'covered' | 'partial' | 'out-of-scope' | 'pending' | 'gap' | 'not-applicable';

export interface CoverageLink {
  requirementId: string;
  number: string;
  title: Localized;
  relationship: Relationship;
  rationale: Localized;
}

export interface RequirementCoverage {
  id: string;
  kind: StandardNode['kind'];
  title: Localized;
  parentId: string | null;
  groupId: string | null;
  /** The standard's own status (mandatory, recommended ...). */
  status: StandardNode['status'] | null;
  conditions: string[];
  levels: string[];
  appliesTo: string[];
  confidence: string;
  unconfirmed: boolean;
  coverage: CoverageStatus;
  /** Why it is not applicable under the filters, or why it is out of scope / pending. */
  reason: Localized | null;
  links: CoverageLink[];
  /** Supportive links ("helps achieve", "is a precondition for"): shown, never counted. */
  supportive: CoverageLink[];
  /** Requirement enhancements of this requirement, each with its own coverage. */
  enhancements: RequirementCoverage[];
}

export interface CoverageFilters {
  /** Count only what applies at this security level (IEC 62443-4-2 SL-C). */
  securityLevel?: number;
  /** Component type for IEC 62443-4-2: cr (generic), sar, edr, hdr, ndr. */
  componentType?: string;
  /** Only requirements with one of these statuses (e.g. mandatory). */
  statuses?: string[];
  /** Condition ids that hold for the product; conditional requirements whose conditions do not hold are not applicable. Undefined: all apply. */
  conditionsHeld?: string[];
  /** Count only links whose review state is `reviewed`. */
  reviewedOnly?: boolean;
}

export type CoverageCounts = Record<CoverageStatus, number> & { total: number };

export interface CellCoverage {
  layer: Layer;
  phase: Phase;
  /** Standard requirements covered (fully) by items of this cell. */
  covered: number;
  /** Standard requirements reached only partially by items of this cell. */
  partial: number;
}

export interface CoverageReport {
  edition: { id: string; title: Localized };
  standard: { id: string; title: Localized; version: string; confidence: string };
  filters: CoverageFilters;
  summary: CoverageCounts;
  /** Answered share: (covered + partial + out-of-scope) / applicable. */
  requirements: RequirementCoverage[];
  groups: { id: string; title: Localized; counts: CoverageCounts }[];
  cells: CellCoverage[];
  /** Requirements whose applicability under the SL filter rests on unverified data. */
  unverifiedLevels: string[];
}
