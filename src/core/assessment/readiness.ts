import type { Edition } from '../model/edition.schema.js';
import type { Answer } from './assessment.types.js';
import type { ChecksheetItem } from './checksheet.types.js';
import type { Readiness } from './results.types.js';

export const READINESS_SCHEMES = ['jc-star-1', 'etsi-en-303-645-mandatory'] as const;

/** Readiness for JC-STAR ★1 or the ETSI EN 303 645 mandatory provisions; null when the edition lacks the standard. */
export function readinessFor(
  _edition: Edition,
  _items: readonly ChecksheetItem[],
  _answers: readonly Answer[],
  _scheme: Readiness['scheme'],
): Readiness | null {
  throw new Error('readinessFor: not implemented yet');
}
