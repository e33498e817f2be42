import type { AnswerOrigin } from '../assessment/assessment.types.js';
import type { Verdict } from '../assessment/verdicts.js';
import type { Localized } from '../model/edition.schema.js';
import type { LinkCoverage } from './finding.types.js';
import type { SuggestedVerdict, Suggestion } from './suggest.js';

/**
 * A suggestion as GET /api/assessments/:id/suggestions gives it
 * (src/services/suggestions.service.ts builds it): the one rule's verdict on an
 * item, the findings it rests on, and the item's answer now.
 */

export interface SuggestionBasisView {
  source: string;
  runId: string;
  check: string;
  target: string;
  verdict: string;
  summary: Localized;
  at: string;
  coverage: LinkCoverage;
}

export interface SuggestionView {
  requirementId: string;
  no: string;
  title: Localized;
  verdict: SuggestedVerdict;
  reason: Suggestion['reason'];
  basis: SuggestionBasisView[];
  /** The item's answer now: a suggestion never overwrites it unless the assessor says so. */
  answer: { verdict: Verdict; source: AnswerOrigin | null };
}
