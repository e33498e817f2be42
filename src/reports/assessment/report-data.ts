import type { AssessmentView } from '../../core/assessment/assessment.types.js';
import { derivedView } from '../../core/assessment/derived-view.js';
import { READINESS_SCHEMES, readinessFor } from '../../core/assessment/readiness.js';
import type { AssessmentScores, DerivedView, Readiness } from '../../core/assessment/results.types.js';
import { assessmentScores } from '../../core/assessment/scores.js';
import type { CoverageFilters } from '../../core/coverage/coverage.types.js';
import type { Edition } from '../../core/model/edition.schema.js';

/** Everything a report of one assessment shows, computed once. */
export interface AssessmentReportData {
  assessment: AssessmentView;
  scores: AssessmentScores;
  readiness: Readiness[];
  /** One derived view per standard of the edition that the checksheet's items reach. */
  derived: DerivedView[];
  generatedAt: string;
}

/**
 * Scores, readiness for both schemes (those the edition has) and a derived
 * view for every standard any checked item maps to, in the edition's order of
 * standards. The target standard keeps the checksheet's filters (level,
 * component type, mandatory only); the others are seen unfiltered.
 */
export function assessmentReportData(edition: Edition, assessment: AssessmentView, now: Date): AssessmentReportData {
  const { items, answers } = assessment;
  const checked = new Set(items.map((i) => i.requirementId));
  const reached = new Set(
    edition.requirements
      .filter((r) => checked.has(r.id))
      .flatMap((r) => r.mappings)
      .filter((m) => m.relationship !== 'no-relationship')
      .map((m) => m.standard),
  );
  const derived = edition.standards.filter((s) => reached.has(s.id)).map((s) => derivedView(edition, items, answers, s.id, filtersFor(assessment, s.id)));
  const readiness = READINESS_SCHEMES.map((scheme) => readinessFor(edition, items, answers, scheme)).filter((r): r is Readiness => r !== null);
  return { assessment, scores: assessmentScores(edition, items, answers), readiness, derived, generatedAt: now.toISOString() };
}

function filtersFor(assessment: AssessmentView, standardId: string): CoverageFilters {
  const t = assessment.spec.target;
  if (!t || t.standard !== standardId) return {};
  return {
    ...(t.securityLevel !== undefined ? { securityLevel: t.securityLevel } : {}),
    ...(t.componentType ? { componentType: t.componentType } : {}),
    ...(t.mandatoryOnly ? { statuses: ['mandatory'] } : {}),
  };
}
