import { AppError } from '../errors.js';
import type { Edition, Localized, StandardNode } from '../model/edition.schema.js';
import { answersRequirement, type Relationship } from '../taxonomy.js';
import { indexStandardNodes } from '../validate-references.js';

export interface CrossStandardVia {
  requirementId: string;
  number: string;
  title: Localized;
  /** Guidebook item relative to the source requirement. */
  fromRelationship: Relationship;
  /** Guidebook item relative to the target requirement. */
  toRelationship: Relationship;
}

export interface CrossStandardTarget {
  id: string;
  title: Localized;
  via: CrossStandardVia[];
}

export interface CrossStandardView {
  from: { standard: string; requirement: string; title: Localized };
  to: { standard: string; title: Localized };
  targets: CrossStandardTarget[];
}

/**
 * For a requirement of standard A, the requirements of standard B that share
 * guidebook items with it, with the relationships on both sides. Exactly one
 * hop through the guidebook: mappings are never chained through a second
 * standard (NIST IR 8477 explains why such chains drift).
 */
export function crossStandard(edition: Edition, fromStandard: string, fromRequirement: string, toStandard: string): CrossStandardView {
  const nodesOf = (id: string): Map<string, StandardNode> => {
    const s = edition.standards.find((x) => x.id === id);
    if (!s) throw new AppError('not-found', `standard ${id} is not in edition ${edition.meta.id}`);
    return indexStandardNodes(s.requirements);
  };
  const fromNodes = nodesOf(fromStandard);
  const toNodes = nodesOf(toStandard);
  const source = fromNodes.get(fromRequirement);
  if (!source) throw new AppError('not-found', `${fromRequirement} is not a requirement of ${fromStandard}`);
  const targets = new Map<string, CrossStandardTarget>();
  for (const item of edition.requirements) {
    const fromLinks = item.mappings.filter((m) => m.standard === fromStandard && m.requirement === fromRequirement && answersRequirement(m.relationship));
    if (fromLinks.length === 0) continue;
    for (const to of item.mappings) {
      if (to.standard !== toStandard || !answersRequirement(to.relationship)) continue;
      const node = toNodes.get(to.requirement);
      if (!node) continue;
      let target = targets.get(to.requirement);
      if (!target) {
        target = { id: node.id, title: node.title, via: [] };
        targets.set(to.requirement, target);
      }
      for (const from of fromLinks) {
        target.via.push({
          requirementId: item.id,
          number: item.number,
          title: item.title,
          fromRelationship: from.relationship,
          toRelationship: to.relationship,
        });
      }
    }
  }
  const order = [...toNodes.keys()];
  const standardTitle = edition.standards.find((s) => s.id === toStandard)?.title ?? { ja: toStandard, en: toStandard };
  return {
    from: { standard: fromStandard, requirement: fromRequirement, title: source.title },
    to: { standard: toStandard, title: standardTitle },
    targets: [...targets.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
  };
}
