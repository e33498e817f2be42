import type { Edition, Localized, Requirement, StandardNode } from './model/edition.schema.js';
import type { PathSegment } from './problems.js';
import { answersRequirement } from './taxonomy.js';
import { TermMarker, type TermLang } from './term-marks.js';
import type { Push } from './validate-mappings.js';

/**
 * The content checks of the guidebook as a whole: every item answers some
 * standard or says why none applies; every standard requirement (enhancements
 * and every security level included) is answered or declared out of scope;
 * glossary terms used in an item are linked from it; review records point at
 * real mappings. Pure.
 */
/**
 * Errors that say the edition is unfinished (something unanswered), not
 * inconsistent. `tebiki validate` fails on them and publishing a draft refuses
 * them, but they do not stop the content from being loaded or a draft from
 * being edited: `gaps` and `coverage` must still run on an unfinished edition,
 * and an editor must be able to save the change that is on the way to the fix.
 */
export const COMPLETENESS_CODES: ReadonlySet<string> = new Set(['item-unmapped', 'standard-requirement-unanswered']);

/** Whether a problem stops the edition from being used at all. */
export function blocksUse(problem: { severity: string; code: string }): boolean {
  return problem.severity === 'error' && !COMPLETENESS_CODES.has(problem.code);
}

export function checkCompleteness(edition: Edition, push: Push, unloadedItems: ReadonlySet<string> = new Set()): void {
  checkItemsMapped(edition, push);
  checkStandardsAnswered(edition, push);
  checkTermsLinked(edition, push);
  checkReviews(edition, push, unloadedItems);
}

function checkItemsMapped(edition: Edition, push: Push) {
  edition.requirements.forEach((r, index) => {
    if (r.mappings.length === 0 && !r.noStandardApplies) {
      push(
        { collection: 'requirements', index },
        ['mappings'],
        'item-unmapped',
        `${r.id} maps to no standard requirement and has no noStandardApplies note saying why none applies`,
      );
    }
  });
}

/** Whether a node states something to answer (not a group, not withdrawn or informative). Enhancements count. */
function statesSomething(node: StandardNode): boolean {
  return node.kind !== 'group' && node.status !== 'withdrawn' && node.status !== 'informative';
}

function checkStandardsAnswered(edition: Edition, push: Push) {
  const answered = new Set<string>();
  const touched = new Set<string>();
  for (const r of edition.requirements) {
    for (const m of r.mappings) {
      touched.add(m.standard);
      if (answersRequirement(m.relationship)) answered.add(`${m.standard}\u0000${m.requirement}`);
    }
  }
  for (const file of edition.outOfScope) {
    touched.add(file.standard);
    for (const d of file.declarations) answered.add(`${file.standard}\u0000${d.requirement}`);
  }
  edition.standards.forEach((std, index) => {
    const at = { collection: 'standards' as const, index };
    const open: { node: StandardNode; path: PathSegment[] }[] = [];
    const walk = (nodes: readonly StandardNode[], path: PathSegment[]) => {
      nodes.forEach((node, i) => {
        const here = [...path, i];
        if (statesSomething(node) && !answered.has(`${std.id}\u0000${node.id}`)) open.push({ node, path: here });
        if (node.children) walk(node.children, [...here, 'children']);
      });
    };
    walk(std.requirements, ['requirements']);
    if (!touched.has(std.id)) {
      // Nothing maps to it yet: one notice, not one error per requirement of a catalog being prepared.
      push(at, ['id'], 'standard-unmapped', `${std.id} has no mapping and no out-of-scope declaration yet (${open.length} requirements to answer)`, 'warning');
      return;
    }
    for (const { node, path } of open) {
      push(
        at,
        [...path, 'id'],
        'standard-requirement-unanswered',
        `${std.id} ${node.id} is neither mapped by an item (supportive links do not answer it) nor declared out of scope`,
      );
    }
  });
}

/** The texts of an item in one language, where glossary terms are used. */
function itemTexts(r: Requirement, lang: TermLang): string[] {
  const pick = (l: Localized) => l[lang];
  return [
    pick(r.title),
    ...r.criteria.map(pick),
    ...r.interpretation.flatMap((a) => [pick(a.attack), ...a.countermeasures.map(pick)]),
    ...r.verification.steps.map(pick),
  ];
}

/** Glossary terms an item's texts use, found as the renderers find them (leftmost-longest). */
export function termsUsedBy(edition: Edition, r: Requirement): Set<string> {
  const ids = edition.glossary.map((t) => t.id);
  const used = new Set<string>();
  for (const lang of ['ja', 'en'] as const) {
    const marker = new TermMarker(edition.glossary, ids, lang);
    for (const text of itemTexts(r, lang)) {
      for (const seg of marker.mark(text)) if (seg.termId) used.add(seg.termId);
    }
  }
  return used;
}

function checkTermsLinked(edition: Edition, push: Push) {
  edition.requirements.forEach((r, index) => {
    const linked = new Set(r.terms);
    const missing = [...termsUsedBy(edition, r)].filter((id) => !linked.has(id));
    if (missing.length > 0) {
      push(
        { collection: 'requirements', index },
        ['terms'],
        'term-not-linked',
        `${r.id} uses glossary term(s) ${missing.join(', ')} in its text but does not link them in terms`,
        'warning',
      );
    }
  });
}

function checkReviews(edition: Edition, push: Push, unloadedItems: ReadonlySet<string>) {
  const mappings = new Set(edition.requirements.flatMap((r) => r.mappings.map((m) => `${r.id}\u0000${m.standard}\u0000${m.requirement}`)));
  const seen = new Set<string>();
  (edition.reviews ?? []).forEach((file, index) => {
    const at = { collection: 'reviews' as const, index };
    file.reviews.forEach((rev, i) => {
      const key = `${rev.item}\u0000${file.standard}\u0000${rev.requirement}`;
      if (!mappings.has(key) && !unloadedItems.has(rev.item)) {
        push(at, ['reviews', i], 'dangling-review', `no mapping from ${rev.item} to ${file.standard} ${rev.requirement} exists to be reviewed`);
      }
      if (seen.has(key)) push(at, ['reviews', i], 'duplicate-review', `the mapping ${rev.item} → ${file.standard} ${rev.requirement} has two review records`);
      seen.add(key);
    });
  });
}
