import { coverageOf } from './coverage/coverage.js';
import type { Edition, Standard, StandardNode } from './model/edition.schema.js';

/**
 * The standard requirements a guidebook must answer for: every node that
 * states a requirement (not groups, not enhancements, not withdrawn or merely
 * informative ones).
 */
export function answerableNodes(standard: Standard): StandardNode[] {
  const out: StandardNode[] = [];
  const walk = (nodes: readonly StandardNode[]) => {
    for (const n of nodes) {
      const answerable = n.kind !== 'group' && n.kind !== 'enhancement' && n.status !== 'withdrawn' && n.status !== 'informative';
      if (answerable) out.push(n);
      if (n.children) walk(n.children);
    }
  };
  walk(standard.requirements);
  return out;
}

export interface Reachability {
  standard: string;
  total: number;
  mapped: string[];
  outOfScope: string[];
  /** Neither mapped nor declared out of scope. */
  unreached: string[];
}

/**
 * Which answerable requirements of a standard are reached by a mapping or
 * declared out of scope. A view of the coverage engine, so there is one rule
 * for what counts as answered: covered and partial are mapped; out of scope and
 * pending are declared; a gap is unreached.
 */
export function reachability(edition: Edition, standardId: string): Reachability {
  const result: Reachability = { standard: standardId, total: 0, mapped: [], outOfScope: [], unreached: [] };
  for (const r of coverageOf(edition, standardId).requirements) {
    if (r.coverage === 'not-applicable') continue;
    result.total += 1;
    if (r.coverage === 'covered' || r.coverage === 'partial') result.mapped.push(r.id);
    else if (r.coverage === 'out-of-scope' || r.coverage === 'pending') result.outOfScope.push(r.id);
    else result.unreached.push(r.id);
  }
  return result;
}
