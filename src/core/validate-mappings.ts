import type { Edition, Mapping, StandardNode } from './model/edition.schema.js';
import type { PathSegment } from './problems.js';
import type { EntityRef } from './validate-references.js';

/**
 * The relationship discipline (docs/mapping-relationships.md), checked as
 * warnings: each one points at a mapping that is probably not an honest claim.
 * Pure: the caller ties each problem to a file and line.
 */

export type Push = (at: EntityRef, path: PathSegment[], code: string, message: string, severity?: 'error' | 'warning') => void;

/** Above this many `superset-of` items, one requirement is probably being answered loosely. */
export const MAX_SUPERSET_ITEMS = 5;

const EQUIVALENT = new Set(['equivalent-to', 'equal-to']);
const CLAIMS_WHOLE = new Set(['equivalent-to', 'equal-to', 'superset-of']);

/**
 * Words in a rationale that say the item answers only part of the target.
 * Under `equivalent-to` / `superset-of` they contradict the relationship.
 * A heuristic: the fix is an honest relationship, not a reworded rationale.
 */
const LIMITING_EN = [
  /\bpart of (?:it|the requirement|the target|what)\b/i,
  /\bpartly\b/i,
  /\bpartially\b/i,
  /\b(?:does|do|is) not (?:cover|address|include|ask for|require)\b/i,
  /\bdoesn't (?:cover|address|include)\b/i,
  /\bnot covered\b/i,
  /\b(?:covers|addresses|concerns|applies to|deals with) only\b/i,
  /\bonly (?:partly|part|some|one of|for crypto|the crypto)\b/i,
  /\b(?:item|it) is limited to\b/i,
];
const LIMITING_JA = [
  '一部だけ',
  '一部のみ',
  '一部を扱',
  '一部に限',
  'のみを対象',
  'だけを対象',
  'のみを扱',
  'だけを扱',
  '含まない',
  '扱わない',
  'カバーしない',
  '対象としない',
  '求めていない',
  'に限られる',
];

/** The limiting word a rationale uses, or null. */
export function limitingWord(rationale: Mapping['rationale']): string | null {
  for (const re of LIMITING_EN) {
    const m = re.exec(rationale.en);
    if (m) return m[0];
  }
  return LIMITING_JA.find((w) => rationale.ja.includes(w)) ?? null;
}

interface Located {
  item: number;
  mapping: number;
  m: Mapping;
}

/** Every mapping with where it sits. */
function allMappings(edition: Edition): Located[] {
  return edition.requirements.flatMap((r, item) => r.mappings.map((m, mapping) => ({ item, mapping, m })));
}

const at = (index: number): EntityRef => ({ collection: 'requirements', index });

export function checkMappingDiscipline(edition: Edition, nodes: Map<string, Map<string, StandardNode>>, push: Push): void {
  const located = allMappings(edition);
  equivalentToSeveral(edition, push);
  severalEquivalentItems(edition, located, push);
  for (const { item, mapping, m } of located) {
    if (CLAIMS_WHOLE.has(m.relationship)) {
      const word = limitingWord(m.rationale);
      if (word) {
        push(
          at(item),
          ['mappings', mapping, 'relationship'],
          'rationale-contradicts-relationship',
          `${m.standard} ${m.requirement}: the rationale says "${word}" but the relationship is ${m.relationship}; is intersects-with or subset-of the honest one?`,
          'warning',
        );
      }
    }
    const target = nodes.get(m.standard)?.get(m.requirement);
    if (target?.unconfirmed && m.relationship !== 'intersects-with' && m.relationship !== 'supports' && m.relationship !== 'no-relationship') {
      push(
        at(item),
        ['mappings', mapping, 'relationship'],
        'unconfirmed-target-link',
        `${m.standard} ${m.requirement} is flagged unconfirmed in its catalog: until it is confirmed a link may only be intersects-with or supports, not ${m.relationship}`,
      );
    }
  }
  tooManySupersets(located, push);
}

/** One item equivalent to several requirements of one standard: equivalence is one-to-one. */
function equivalentToSeveral(edition: Edition, push: Push) {
  edition.requirements.forEach((r, item) => {
    const byStandard = new Map<string, number[]>();
    r.mappings.forEach((m, i) => {
      if (!EQUIVALENT.has(m.relationship)) return;
      byStandard.set(m.standard, [...(byStandard.get(m.standard) ?? []), i]);
    });
    for (const [standard, indexes] of byStandard) {
      if (indexes.length < 2) continue;
      const ids = indexes.map((i) => r.mappings[i]?.requirement).join(', ');
      for (const i of indexes.slice(1)) {
        push(
          at(item),
          ['mappings', i, 'relationship'],
          'equivalent-to-several',
          `${r.id} is equivalent to ${indexes.length} requirements of ${standard} (${ids}); equivalence is one-to-one: an item that asks for all of them and more is superset-of each`,
          'warning',
        );
      }
    }
  });
}

/** The mappings with one relationship, grouped by the standard requirement they reach. */
function byTarget(located: Located[], relationship: Mapping['relationship']): Located[][] {
  const groups = new Map<string, Located[]>();
  for (const l of located) {
    if (l.m.relationship !== relationship) continue;
    const key = `${l.m.standard}\u0000${l.m.requirement}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()];
}

/** One standard requirement with several equivalent items: they cannot all mean the same as it. */
function severalEquivalentItems(edition: Edition, located: Located[], push: Push) {
  for (const list of byTarget(located, 'equivalent-to')) {
    if (list.length < 2) continue;
    const items = list.map((l) => edition.requirements[l.item]?.id).join(', ');
    for (const l of list.slice(1)) {
      push(
        at(l.item),
        ['mappings', l.mapping, 'relationship'],
        'several-equivalent-items',
        `${l.m.standard} ${l.m.requirement} has ${list.length} equivalent-to items (${items}); at most one item can mean the same as it`,
        'warning',
      );
    }
  }
}

function tooManySupersets(located: Located[], push: Push) {
  for (const list of byTarget(located, 'superset-of')) {
    if (list.length <= MAX_SUPERSET_ITEMS) continue;
    const last = list[list.length - 1];
    if (!last) continue;
    push(
      at(last.item),
      ['mappings', last.mapping, 'relationship'],
      'many-superset-items',
      `${last.m.standard} ${last.m.requirement} is reached by ${list.length} superset-of items (more than ${MAX_SUPERSET_ITEMS}); does each one really ask for all of it?`,
      'warning',
    );
  }
}
