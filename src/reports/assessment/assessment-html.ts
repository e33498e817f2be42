import type { AssessmentComparison } from '../../core/assessment/results.types.js';
import type { AssessmentReportData } from './report-data.js';

/** A printable, self-contained HTML report (inline SVG charts, no scripts) in one language. */
export function renderAssessmentReportHtml(_data: AssessmentReportData, _lang: 'ja' | 'en'): string {
  throw new Error('renderAssessmentReportHtml: not implemented yet');
}

/** A printable comparison of two assessments of one product. */
export function renderComparisonHtml(_comparison: AssessmentComparison, _lang: 'ja' | 'en'): string {
  throw new Error('renderComparisonHtml: not implemented yet');
}
