import type { GlossaryTerm } from './model/edition.schema.js';
/** Language of a text: the same two the content carries. */
export type TermLang = 'ja' | 'en';
type Lang = TermLang;

/**
 * Finds where glossary terms occur in a text so the renderers can link them.
 * Plain text in, plain segments out: escaping stays with the renderer.
 *
 * - A term is found by its full wording and by the parts outside and inside
 *   its parentheses ("SBOM（ソフトウェア部品表）" also as "SBOM" and
 *   "ソフトウェア部品表").
 * - Latin-script wordings match case-insensitively on word boundaries (an
 *   "s"/"es" plural is allowed); other wordings match as substrings.
 * - Leftmost-longest: a longer glossary term blocks a shorter one inside it,
 *   so "認証" is not linked inside "第三者認証" (certification, a different
 *   concept the glossary exists to keep apart), even when only the shorter
 *   term is linked.
 */

export interface TextSegment {
  text: string;
  /** Set when this segment is an occurrence of that glossary term. */
  termId?: string;
}

interface Wording {
  termId: string;
  text: string;
  folded: string;
  latin: boolean;
}

const LATIN = /^[\x20-\x7e]+$/;
const WORD_CHAR = /[A-Za-z0-9]/;

function wordingsOf(term: GlossaryTerm, lang: Lang): Wording[] {
  const full = term.term[lang].trim();
  const parts = new Set([full]);
  const m = /^(.+?)\s*[（(](.+)[）)]\s*$/u.exec(full);
  if (m?.[1] && m[2]) {
    parts.add(m[1].trim());
    parts.add(m[2].trim());
  }
  return [...parts].filter((p) => p.length >= 2).map((p) => ({ termId: term.id, text: p, folded: p.toLowerCase(), latin: LATIN.test(p) }));
}

const wordingCache = new WeakMap<readonly GlossaryTerm[], Map<Lang, Wording[]>>();

/** Wordings of a whole glossary, computed once per glossary and language (a site has hundreds of pages). */
function allWordings(glossary: readonly GlossaryTerm[], lang: Lang): Wording[] {
  let byLang = wordingCache.get(glossary);
  if (!byLang) {
    byLang = new Map();
    wordingCache.set(glossary, byLang);
  }
  let list = byLang.get(lang);
  if (!list) {
    list = glossary.flatMap((t) => wordingsOf(t, lang));
    byLang.set(lang, list);
  }
  return list;
}

/** Start of the first acceptable occurrence of a wording at or after `from`, and its length; null if none. */
function find(haystack: string, folded: string, w: Wording, from: number): [number, number] | null {
  let at = (w.latin ? folded : haystack).indexOf(w.latin ? w.folded : w.text, from);
  while (at >= 0) {
    if (!w.latin) return [at, w.text.length];
    let end = at + w.folded.length;
    const before = at > 0 ? haystack.charAt(at - 1) : '';
    if (folded.startsWith('es', end) && !WORD_CHAR.test(haystack.charAt(end + 2))) end += 2;
    else if (folded.startsWith('s', end) && !WORD_CHAR.test(haystack.charAt(end + 1))) end += 1;
    const after = haystack.charAt(end);
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return [at, end - at];
    at = folded.indexOf(w.folded, at + 1);
  }
  return null;
}

/** Prepared matcher for one page: the terms to link plus the longer terms that may block them. */
export class TermMarker {
  private readonly wordings: Wording[];
  private readonly linked: Set<string>;
  /** Terms already linked on this page: each term is linked once, at its first occurrence. */
  private readonly seen = new Set<string>();

  constructor(glossary: readonly GlossaryTerm[], linkIds: readonly string[], lang: Lang) {
    this.linked = new Set(linkIds);
    const all = allWordings(glossary, lang);
    const own = all.filter((w) => this.linked.has(w.termId));
    const ownTexts = own.map((w) => w.folded);
    const blockers = all.filter((w) => !this.linked.has(w.termId) && ownTexts.some((o) => w.folded.length > o.length && w.folded.includes(o)));
    this.wordings = [...own, ...blockers];
  }

  /** Splits a text into plain segments and term occurrences (only terms not yet linked on this page). */
  mark(text: string): TextSegment[] {
    if (this.wordings.length === 0 || this.seen.size === this.linked.size) return [{ text }];
    const lower = text.toLowerCase();
    const folded = lower.length === text.length ? lower : text;
    // Every occurrence of every wording, then a leftmost-longest pass: what a
    // longer term covers is not available to a shorter one.
    const found: { start: number; length: number; termId: string }[] = [];
    for (const w of this.wordings) {
      if (this.seen.has(w.termId)) continue;
      for (let hit = find(text, folded, w, 0), n = 0; hit && n < 50; hit = find(text, folded, w, hit[0] + 1), n++) {
        found.push({ start: hit[0], length: hit[1], termId: w.termId });
      }
    }
    found.sort((a, b) => a.start - b.start || b.length - a.length);
    const segments: TextSegment[] = [];
    let pos = 0; // end of the text emitted so far
    let taken = 0; // end of the last occurrence kept (linked or blocking)
    for (const f of found) {
      if (f.start < taken) continue;
      taken = f.start + f.length;
      // A blocker keeps its span from shorter terms but links nothing.
      if (!this.linked.has(f.termId) || this.seen.has(f.termId)) continue;
      this.seen.add(f.termId);
      if (f.start > pos) segments.push({ text: text.slice(pos, f.start) });
      segments.push({ text: text.slice(f.start, taken), termId: f.termId });
      pos = taken;
    }
    if (pos < text.length) segments.push({ text: text.slice(pos) });
    return segments;
  }
}
