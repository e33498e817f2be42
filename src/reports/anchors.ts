import type { Standard, StandardNode } from '../core/model/edition.schema.js';

/**
 * Stable, readable fragment ids for standard requirements, so a page can be
 * cited as e.g. `iec-62443-4-2.html#CR-1.1-RE-1`. Ids such as "CR 1.1 RE(1)"
 * or "I.2(d)" contain characters that are awkward in URLs; each run of them
 * becomes "-". Should two ids of one standard collapse to the same slug, the
 * later one (in document order) gets "-2", "-3", … — deterministic because
 * published catalogs never change.
 */

/** Element ids the page templates use themselves; a node slug never takes one of these. */
const RESERVED = new Set(['main', 'top', 'search', 'results', 'nav']);

const cache = new WeakMap<Standard, Map<string, string>>();

function slugOf(id: string): string {
  const slug = id
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'node';
}

/** Standard requirement id → fragment id, for every node of the standard. */
export function standardAnchors(standard: Standard): ReadonlyMap<string, string> {
  let anchors = cache.get(standard);
  if (anchors) return anchors;
  const map = new Map<string, string>();
  const used = new Set(RESERVED);
  const walk = (nodes: readonly StandardNode[]) => {
    for (const node of nodes) {
      if (!map.has(node.id)) {
        const base = slugOf(node.id);
        let slug = base;
        for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
        used.add(slug);
        map.set(node.id, slug);
      }
      if (node.children) walk(node.children);
    }
  };
  walk(standard.requirements);
  anchors = map;
  cache.set(standard, anchors);
  return anchors;
}
