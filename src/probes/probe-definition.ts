import { checkById } from '../core/evidence/check-catalog.js';
import type { CheckDefinition } from '../core/evidence/finding.types.js';

/** The catalog's definition of a probe id (a missing id is a programming error). */
export function definitionOf(id: string): CheckDefinition {
  const def = checkById(id);
  if (def?.source !== 'probe') throw new Error(`probe ${id} is not in the check catalog`);
  return def;
}
