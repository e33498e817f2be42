import type { CoverageFilters } from '../coverage/coverage.types.js';
import type { Edition } from '../model/edition.schema.js';
import type { Answer } from './assessment.types.js';
import type { ChecksheetItem } from './checksheet.types.js';
import type { DerivedView } from './results.types.js';

/** What the assessment says about every applicable requirement of one standard, through the edition's mappings. */
export function derivedView(
  _edition: Edition,
  _items: readonly ChecksheetItem[],
  _answers: readonly Answer[],
  _standardId: string,
  _filters: CoverageFilters = {},
): DerivedView {
  throw new Error('derivedView: not implemented yet');
}
