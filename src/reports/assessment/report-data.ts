import type { AssessmentView } from '../../core/assessment/assessment.types.js';
import { reachedStandards, targetFilters } from '../../core/assessment/checksheet.js';
import { derivedView } from '../../core/assessment/derived-view.js';
import { READINESS_SCHEMES, readinessFor } from '../../core/assessment/readiness.js';
import type { AssessmentScores, DerivedView, Readiness } from '../../core/assessment/results.types.js';
import { assessmentScores } from '../../core/assessment/scores.js';
import type { Edition } from '../../core/model/edition.schema.js';
import type { ReportProbeRun } from './probe-runs-section.js';
import type { ReportSelfAssessment } from './self-assessment-section.js';

/** Everything a report of one assessment shows, computed once. */
export interface AssessmentReportData {
  assessment: AssessmentView;
  scores: AssessmentScores;
  readiness: Readiness[];
  /** One derived view per standard of the edition that the checksheet's items reach. */
  derived: DerivedView[];
  /** Device probe runs attached to the assessment, oldest first, with their findings. */
  probeRuns: ReportProbeRun[];
  /** Present for a self-assessment: its state and, per item, the own and the reviewed verdict. */
  selfAssessment?: ReportSelfAssessment;
  generatedAt: string;
}

/**
 * Scores, readiness for both schemes (those the edition has) and a derived
 * view for every standard any checked item maps to, in the edition's order of
 * standards. The target standard keeps the checksheet's filters (level,
 * component type, mandatory only); the others are seen unfiltered.
 */
export function assessmentReportData(
  edition: Edition,
  assessment: AssessmentView,
  now: Date,
  probeRuns: ReportProbeRun[] = [],
  selfAssessment: ReportSelfAssessment | null = null,
): AssessmentReportData {
  const { items, answers } = assessment;
  const target = assessment.spec.target;
  const derived = reachedStandards(edition, items).map((s) =>
    derivedView(edition, items, answers, s.id, target && target.standard === s.id ? targetFilters(target) : {}),
  );
  const readiness = READINESS_SCHEMES.map((scheme) => readinessFor(edition, items, answers, scheme)).filter((r): r is Readiness => r !== null);
  return {
    assessment,
    scores: assessmentScores(edition, items, answers),
    readiness,
    derived,
    probeRuns,
    ...(selfAssessment ? { selfAssessment } : {}),
    generatedAt: now.toISOString(),
  };
}
