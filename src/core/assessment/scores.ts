import type { Edition } from '../model/edition.schema.js';
import type { Answer } from './assessment.types.js';
import type { ChecksheetItem } from './checksheet.types.js';
import type { AssessmentScores } from './results.types.js';

/** Scores overall and by layer, phase and threat category. An item in several layers or phases counts in each. */
export function assessmentScores(_edition: Edition, _items: readonly ChecksheetItem[], _answers: readonly Answer[]): AssessmentScores {
  throw new Error('assessmentScores: not implemented yet');
}
