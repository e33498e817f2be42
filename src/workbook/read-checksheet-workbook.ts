import type { AnswerInput } from '../core/assessment/assessment.types.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import type { DefectKind } from '../core/assessment/verdicts.js';
import type { FieldError } from '../core/errors.js';

export interface WorkbookAnswer extends AnswerInput {
  requirementId: string;
  no: string;
  /** The worksheet row it came from (1-based, as Excel shows it). */
  row: number;
  defect: { kind: DefectKind; note: string } | null;
}

export interface WorkbookReading {
  answers: WorkbookAnswer[];
  /** Items that changed since the workbook was exported, rows whose 項番 left the checksheet, and the like. */
  warnings: FieldError[];
  meta: { editionId: string | null; assessmentId: string | null };
}

/**
 * Reads a filled checksheet workbook against the items it must answer. Every
 * row is checked; any bad cell throws AppError('validation-failed') listing
 * each one by row and column, so nothing is stored from a wrong workbook.
 */
export async function readChecksheetWorkbook(_data: Uint8Array, _items: readonly ChecksheetItem[]): Promise<WorkbookReading> {
  throw new Error('readChecksheetWorkbook: not implemented yet');
}
