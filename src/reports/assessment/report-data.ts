import type { AssessmentView } from '../../core/assessment/assessment.types.js';
import type { AssessmentScores, DerivedView, Readiness } from '../../core/assessment/results.types.js';
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

export function assessmentReportData(_edition: Edition, _assessment: AssessmentView, _now: Date): AssessmentReportData {
  throw new Error('assessmentReportData: not implemented yet');
}
