import type { Edition, GlossaryTerm, Localized, Requirement } from '../model/edition.schema.js';
import { byNumber } from './requirement-filter.js';

export const GLOSSARY_ORDERS = ['kana', 'alpha'] as const;
/** kana: あいうえお order of the reading (the Japanese term when there is none); alpha: ABC order of the English term. */
export type GlossaryOrder = (typeof GLOSSARY_ORDERS)[number];

/** One line of the glossary list. */
export interface GlossaryEntry {
  id: string;
  term: Localized;
  reading?: string;
  definition: Localized;
}

export interface GlossaryTermView {
  term: GlossaryTerm;
  /** Items that list the term among their keywords, by number. */
  usedBy: { requirementId: string; number: string; title: Localized }[];
  /** The related terms the entry names, in its order; unknown ids are left out. */
  related: { id: string; term: Localized }[];
}

/** The ja and en forms of a term, for marking its occurrences in an item's text. */
export interface GlossaryIndexEntry {
  id: string;
  ja: string;
  en: string;
}

// The Japanese collator puts hiragana and katakana of the same sound together
// (きょかリスト beside キー…), which is the order a Japanese reader expects.
const kanaCollator = new Intl.Collator('ja');
const alphaCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The key a term is filed under in あいうえお order. */
export function kanaKey(term: GlossaryTerm): string {
  return term.reading ?? term.term.ja;
}

/** The terms in the chosen order; ties fall back to the Japanese term, then the id, so the order is stable. */
export function orderGlossary(terms: readonly GlossaryTerm[], order: GlossaryOrder): GlossaryTerm[] {
  const compare =
    order === 'kana'
      ? (a: GlossaryTerm, b: GlossaryTerm) => kanaCollator.compare(kanaKey(a), kanaKey(b)) || kanaCollator.compare(a.term.ja, b.term.ja)
      : (a: GlossaryTerm, b: GlossaryTerm) => alphaCollator.compare(a.term.en, b.term.en) || alphaCollator.compare(a.term.ja, b.term.ja);
  return [...terms].sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The glossary list in the chosen order. */
export function glossaryEntries(edition: Edition, order: GlossaryOrder): GlossaryEntry[] {
  return orderGlossary(edition.glossary, order).map((t) => ({
    id: t.id,
    term: t.term,
    ...(t.reading ? { reading: t.reading } : {}),
    definition: t.definition,
  }));
}

/** One term in full with where it is used and its related terms; null when the edition has no such term. */
export function glossaryTermView(edition: Edition, termId: string): GlossaryTermView | null {
  const term = edition.glossary.find((t) => t.id === termId);
  if (!term) return null;
  const byId = new Map(edition.glossary.map((t) => [t.id, t]));
  const usedBy = edition.requirements
    .filter((r) => r.terms.includes(termId))
    .sort(byNumber)
    .map((r) => ({ requirementId: r.id, number: r.number, title: r.title }));
  const related = term.related.flatMap((id) => {
    const other = byId.get(id);
    return other ? [{ id: other.id, term: other.term }] : [];
  });
  return { term, usedBy, related };
}

/** The terms an item lists, with their forms in both languages; ids that name no term are left out. */
export function glossaryIndex(edition: Edition, requirement: Requirement): GlossaryIndexEntry[] {
  const byId = new Map(edition.glossary.map((t) => [t.id, t]));
  return requirement.terms.flatMap((id) => {
    const term = byId.get(id);
    return term ? [{ id: term.id, ja: term.term.ja, en: term.term.en }] : [];
  });
}
