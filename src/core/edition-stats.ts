import { coverageOf } from './coverage/coverage.js';
import type { CoverageStatus, RequirementCoverage } from './coverage/coverage.types.js';
import { reviewIndex, reviewOf } from './mapping-review.js';
import { layerPhaseMatrix } from './matrix.js';
import type { Edition } from './model/edition.schema.js';
import { type Layer, type Phase, RELATIONSHIPS, type Relationship, REVIEW_STATES, type ReviewState } from './taxonomy.js';

/** One standard's standing in `tebiki stats`. */
export interface StandardStats {
  id: string;
  /** Every requirement that states something, enhancements at every level included. */
  total: number;
  covered: number;
  partial: number;
  outOfScope: number;
  pending: number;
  gaps: number;
  /** Supportive links into the standard (never counted as covered or partial). */
  supportive: number;
}

export interface EditionStats {
  edition: string;
  requirements: number;
  glossaryTerms: number;
  matrix: Record<Layer, Record<Phase, number>>;
  standards: StandardStats[];
  relationships: Record<Relationship, number>;
  review: Record<ReviewState, number>;
}

/** Requirements and their enhancements, withdrawn and informative ones left out. */
function answerable(list: readonly RequirementCoverage[]): RequirementCoverage[] {
  return list.flatMap((r) => [r, ...r.enhancements]).filter((r) => r.status !== 'withdrawn' && r.status !== 'informative');
}

function standardStats(edition: Edition, standardId: string): StandardStats {
  const report = coverageOf(edition, standardId);
  const nodes = answerable(report.requirements);
  const count = (status: CoverageStatus) => nodes.filter((r) => r.coverage === status).length;
  return {
    id: standardId,
    total: nodes.length,
    covered: count('covered'),
    partial: count('partial'),
    outOfScope: count('out-of-scope'),
    pending: count('pending'),
    gaps: count('gap'),
    supportive: edition.requirements.reduce((n, r) => n + r.mappings.filter((m) => m.standard === standardId && m.relationship === 'supports').length, 0),
  };
}

/** The figures of an edition at a glance: size, layer × phase matrix, coverage per standard, relationships, review states. Pure. */
export function editionStats(edition: Edition): EditionStats {
  const matrix = {} as Record<Layer, Record<Phase, number>>;
  for (const cell of layerPhaseMatrix(edition.requirements)) {
    matrix[cell.layer] ??= {} as Record<Phase, number>;
    matrix[cell.layer][cell.phase] = cell.count;
  }
  const relationships = Object.fromEntries(RELATIONSHIPS.map((r) => [r, 0])) as Record<Relationship, number>;
  const review = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
  const reviews = reviewIndex(edition);
  for (const r of edition.requirements) {
    for (const m of r.mappings) {
      relationships[m.relationship] += 1;
      review[reviewOf(reviews, r.id, m.standard, m.requirement).state] += 1;
    }
  }
  return {
    edition: edition.meta.id,
    requirements: edition.requirements.length,
    glossaryTerms: edition.glossary.length,
    matrix,
    standards: edition.standards.map((s) => standardStats(edition, s.id)),
    relationships,
    review,
  };
}
