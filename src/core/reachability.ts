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

/** Which answerable requirements of a standard are reached by a mapping or declared out of scope. */
export function reachability(edition: Edition, standardId: string): Reachability {
  const standard = edition.standards.find((s) => s.id === standardId);
  if (!standard) throw new Error(`unknown standard ${standardId}`);
  // A no-relationship link says the item does not answer it: it reaches nothing.
  const mappedIds = new Set(
    edition.requirements.flatMap((r) => r.mappings.filter((m) => m.standard === standardId && m.relationship !== 'no-relationship').map((m) => m.requirement)),
  );
  const declared = new Set(edition.outOfScope.filter((o) => o.standard === standardId).flatMap((o) => o.declarations.map((d) => d.requirement)));
  const result: Reachability = { standard: standardId, total: 0, mapped: [], outOfScope: [], unreached: [] };
  for (const node of answerableNodes(standard)) {
    result.total += 1;
    if (mappedIds.has(node.id)) result.mapped.push(node.id);
    else if (declared.has(node.id)) result.outOfScope.push(node.id);
    else result.unreached.push(node.id);
  }
  return result;
}
