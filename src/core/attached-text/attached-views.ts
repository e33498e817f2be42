import type { Mapping, Requirement, Standard, StandardNode } from '../model/edition.schema.js';
import { type AttachedCatalog, requirementIds, statementText, type Withdrawal } from './attached-text.js';

/** The publisher's text of one standard requirement an item maps to: a hint beside 確認方法, never our mapping. */
export interface MappingHint {
  standard: string;
  requirement: string;
  relationship: Mapping['relationship'];
  /** Our own Japanese/English short title, shown beside the English original. */
  title: { ja: string; en: string } | null;
  /** The publisher's English original, as plain text with sub-items on their own lines. */
  statement: string;
  discussion?: string;
  citation: string;
}

/** Hints for every mapping of an item whose standard has attached text for the mapped requirement. */
export function mappingHints(requirement: Pick<Requirement, 'mappings'>, catalogs: readonly AttachedCatalog[], standards: readonly Standard[]): MappingHint[] {
  const byStandard = new Map(catalogs.map((c) => [c.standardId, { catalog: c, texts: new Map(c.texts.map((t) => [t.requirementId, t])) }]));
  return requirement.mappings.flatMap((m) => {
    const found = byStandard.get(m.standard);
    const text = found?.texts.get(m.requirement);
    if (!found || !text || text.withdrawal) return [];
    const node = findNode(standards.find((s) => s.id === m.standard)?.requirements ?? [], m.requirement);
    return [
      {
        standard: m.standard,
        requirement: m.requirement,
        relationship: m.relationship,
        title: node ? node.title : null,
        statement: statementText(text.statement),
        ...(text.discussion ? { discussion: text.discussion } : {}),
        citation: found.catalog.citation,
      },
    ];
  });
}

export function findNode(nodes: readonly StandardNode[], id: string): StandardNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = findNode(n.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

/** The two revisions whose correspondence NIST's data gives. */
export const NIST_REVISIONS = { older: 'nist-sp-800-171r2', newer: 'nist-sp-800-171r3' } as const;

/** One rev2 requirement and what became of it in rev3, as NIST states it (not our mapping; never counted for coverage). */
export interface RevisionCorrespondence {
  rev2: string;
  rev3: string;
  /** `carried`: rev3 keeps the requirement under the same number; `withdrawn`: rev3 withdrew it (see withdrawal). */
  status: 'carried' | 'withdrawn';
  withdrawal?: Withdrawal;
}

/**
 * rev2 ↔ rev3 as NIST's rev3 catalog states it: rev3 keeps rev2's requirement
 * numbers (3.1.1 → 03.01.01) and marks those it withdrew, with where they were
 * incorporated or addressed. Needs the rev3 catalog attached (its withdrawal
 * links); rev3 numbers with no rev2 counterpart are listed as new.
 */
export function revisionCorrespondence(rev2: Standard, rev3Catalog: AttachedCatalog): { pairs: RevisionCorrespondence[]; newInRev3: string[] } {
  const rev3 = new Map(rev3Catalog.texts.map((t) => [t.requirementId, t]));
  const seen = new Set<string>();
  const pairs: RevisionCorrespondence[] = [];
  for (const id of requirementIds(rev2.requirements)) {
    const newer = rev3Number(id);
    const text = newer ? rev3.get(newer) : undefined;
    if (!newer || !text) continue;
    seen.add(newer);
    pairs.push({ rev2: id, rev3: newer, status: text.withdrawal ? 'withdrawn' : 'carried', ...(text.withdrawal ? { withdrawal: text.withdrawal } : {}) });
  }
  const newInRev3 = rev3Catalog.texts.filter((t) => !t.withdrawal && !seen.has(t.requirementId)).map((t) => t.requirementId);
  return { pairs, newInRev3 };
}

/** "3.1.22" → "03.01.22". */
function rev3Number(rev2Id: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(rev2Id);
  return m ? [m[1], m[2], m[3]].map((n) => String(Number(n)).padStart(2, '0')).join('.') : undefined;
}

/** Hints of each item of a checksheet, by requirement id (items without any are left out): the checksheet's hint beside 確認方法. */
export function hintsByItem(
  requirementIds: readonly string[],
  requirements: readonly Pick<Requirement, 'id' | 'mappings'>[],
  catalogs: readonly AttachedCatalog[],
  standards: readonly Standard[],
): Map<string, MappingHint[]> {
  const out = new Map<string, MappingHint[]>();
  if (catalogs.length === 0) return out;
  const byId = new Map(requirements.map((r) => [r.id, r] as const));
  for (const id of requirementIds) {
    const requirement = byId.get(id);
    const hints = requirement ? mappingHints(requirement, catalogs, standards) : [];
    if (hints.length > 0) out.set(id, hints);
  }
  return out;
}
