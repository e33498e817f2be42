import type { AssessmentReportData } from './report-data.js';

/** OSCAL 1.2.1 assessment-results JSON for one assessment (validates against NIST's schema). */
export function assessmentResultsOscal(_data: AssessmentReportData): { 'assessment-results': Record<string, unknown> } {
  throw new Error('assessmentResultsOscal: not implemented yet');
}
