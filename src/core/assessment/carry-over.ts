import type { Answer } from './assessment.types.js';
import type { Checksheet, ChecksheetItem } from './checksheet.types.js';
import type { CarryOverSummary } from './results.types.js';

/**
 * Answers for a checksheet of a newer edition from an older assessment:
 * unchanged items (same requirement id and item hash) keep their answer;
 * changed items keep evidence but get verdict needs-review, review 'changed'
 * and the old verdict as previousVerdict; new items start blank with review 'new'.
 */
export function carryOver(
  _from: { editionId: string; items: readonly ChecksheetItem[]; answers: readonly Answer[] },
  _to: Checksheet,
): { answers: Answer[]; summary: CarryOverSummary } {
  throw new Error('carryOver: not implemented yet');
}
