import { COVERING, coverageOf, linksInto } from '../core/coverage/coverage.js';
import type { CoverageLink } from '../core/coverage/coverage.types.js';
import { confidenceOf } from '../core/coverage/applicability.js';
import type { Edition, Localized, Standard, StandardNode } from '../core/model/edition.schema.js';
import { answerableNodes } from '../core/reachability.js';

/**
 * What the publications say about each standard: one summary row per standard
 * (counts from the coverage engine) and, for the standard's own page, every
 * node in document order with the items that reach it.
 */

export interface StandardSummary {
  standard: Standard;
  /** Answerable requirements (not groups, enhancements, withdrawn or informative nodes). */
  answerable: number;
  mapped: number;
  /** Of the mapped: reached by an equal/equivalent/superset link. */
  fully: number;
  /** Declared out of scope with a reason. */
  outOfScope: number;
  /** Declared, but the standard requirement itself is unconfirmed: awaiting verification. */
  pending: number;
  gaps: number;
  gapIds: string[];
}

function declarationsOf(edition: Edition, standardId: string) {
  return new Map(edition.outOfScope.filter((o) => o.standard === standardId).flatMap((o) => o.declarations.map((d) => [d.requirement, d] as const)));
}

/**
 * One summary per standard of the edition, in the edition's order: the
 * coverage engine's statuses of the answerable requirements (the same list
 * core/reachability.ts counts), read once.
 */
export function standardSummaries(edition: Edition): StandardSummary[] {
  return edition.standards.map((standard) => {
    const counted = coverageOf(edition, standard.id).requirements.filter((r) => r.coverage !== 'not-applicable');
    const count = (...statuses: string[]) => counted.filter((r) => statuses.includes(r.coverage)).length;
    const gapIds = counted.filter((r) => r.coverage === 'gap').map((r) => r.id);
    return {
      standard,
      answerable: counted.length,
      mapped: count('covered', 'partial'),
      fully: count('covered'),
      outOfScope: count('out-of-scope'),
      pending: count('pending'),
      gaps: gapIds.length,
      gapIds,
    };
  });
}

/** Where a standard node stands: `group` and `not-counted` nodes are outside the summary counts. */
export type Standing = 'group' | 'covered' | 'partial' | 'out-of-scope' | 'pending' | 'gap' | 'not-counted';

export interface StandardNodeView {
  node: StandardNode;
  depth: number;
  answerable: boolean;
  standing: Standing;
  links: CoverageLink[];
  reason: Localized | null;
  /** Effective confidence: the node's own, else the standard's. */
  confidence: string;
}

/** Every node of a standard in document order, with its standing and the items reaching it. */
export function standardNodeViews(edition: Edition, standard: Standard): StandardNodeView[] {
  const links = linksInto(edition, standard.id);
  const declared = declarationsOf(edition, standard.id);
  const answerable = new Set(answerableNodes(standard));
  const out: StandardNodeView[] = [];
  const walk = (nodes: readonly StandardNode[], depth: number) => {
    for (const node of nodes) {
      const nodeLinks = links.get(node.id) ?? [];
      const declaration = declared.get(node.id);
      let standing: Standing;
      if (node.kind === 'group') standing = 'group';
      else if (nodeLinks.some((l) => COVERING.has(l.relationship))) standing = 'covered';
      else if (nodeLinks.length > 0) standing = 'partial';
      else if (declaration) standing = declaration.unconfirmedTarget ? 'pending' : 'out-of-scope';
      else standing = answerable.has(node) ? 'gap' : 'not-counted';
      out.push({
        node,
        depth,
        answerable: answerable.has(node),
        standing,
        links: nodeLinks,
        reason: declaration?.reason ?? null,
        confidence: confidenceOf(node, standard),
      });
      if (node.children) walk(node.children, depth + 1);
    }
  };
  walk(standard.requirements, 0);
  return out;
}
