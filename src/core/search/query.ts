import { scanRuns, type WordToken, wordBoundaries } from './analyze.js';
import { idKey, normalizeText } from './normalize.js';
import { MAX_QUERY_LENGTH, type SearchField, type SearchIndex } from './search.types.js';

/**
 * Parsing a query and finding where each of its terms occurs. Every term must
 * occur somewhere in a document for it to match (AND). Pure.
 */

/** Ignore terms beyond this many: the query is already bounded in length. */
const MAX_TERMS = 16;

export interface QueryTerm {
  kind: 'cjk' | 'word';
  value: string;
}

export interface ParsedQuery {
  /** Normalised query, spaces collapsed: the phrase looked for whole. */
  phrase: string;
  /** idKey of the query: compared with numbers and ids. */
  key: string;
  terms: QueryTerm[];
}

/** One place a term occurs: [start, end) in the field's normalised text, and how good a match it is (0–1]. */
export interface Occurrence {
  start: number;
  end: number;
  quality: number;
}

/**
 * How a term matches one field, as ranking needs it: how often (counted up to
 * COUNT_CAP) and the best match quality. Where the occurrences are is worked
 * out only for the hits shown (termOccurrences).
 */
export interface FieldMatch {
  count: number;
  quality: number;
}

/** Field number → how one term matches that field. */
export type TermMatches = Map<number, FieldMatch>;

/** Ranking counts repeated occurrences up to this many; walking a field stops once it has them and a perfect match. */
export const COUNT_CAP = 5;

/** Why a query cannot be searched for (blank, or longer than MAX_QUERY_LENGTH characters), or null. */
export function queryProblem(query: string): string | null {
  if (!query.trim()) return 'must not be empty';
  // Characters are code points: an emoji counts once. The cheap length test first.
  if (query.length > MAX_QUERY_LENGTH && [...query].length > MAX_QUERY_LENGTH) return `must be at most ${MAX_QUERY_LENGTH} characters`;
  return null;
}

/** Splits a query like the index splits text: CJK runs and words; symbols only separate (no patterns). */
export function parseQuery(query: string): ParsedQuery {
  const text = normalizeText(query).text;
  const runs = scanRuns(text);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const run of runs) {
    const value = text.slice(run.start, run.end);
    const id = `${run.kind}:${value}`;
    if (seen.has(id) || terms.length >= MAX_TERMS) continue;
    seen.add(id);
    terms.push({ kind: run.kind, value });
  }
  const phrase = runs.length ? text.slice(runs[0]?.start, runs[runs.length - 1]?.end).replace(/\s+/g, ' ') : '';
  return { phrase, key: idKey(query), terms };
}

/** Intersection of ascending lists. */
function intersect(lists: number[][]): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? [];
  for (const list of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const x of result) {
      while (j < list.length && (list[j] as number) < x) j++;
      if (list[j] === x) next.push(x);
    }
    result = next;
  }
  return result;
}

/** Whole word 1, one edge on a word boundary 0.75, inside a word 0.5. */
function cjkQuality(field: SearchField, start: number, end: number): number {
  if (!field.hasCjk) return 0.5;
  field.boundaries ??= wordBoundaries(field.norm.text);
  const b = field.boundaries;
  const edges = (b[start] ?? 0) + (b[end] ?? 0);
  return edges === 2 ? 1 : edges === 1 ? 0.75 : 0.5;
}

/** Fields that contain every character pair of a CJK term (a candidate list; the text decides). */
function cjkCandidates(index: SearchIndex, value: string): number[] {
  const chars = [...value].map((c) => c.codePointAt(0) ?? 0);
  const lists: number[][] = [];
  for (let k = 0; k < chars.length; k++) {
    const entry = index.chars.get(chars[k] as number);
    // One character: its own postings; more: those of every pair of neighbours.
    const list = chars.length === 1 ? entry?.fields : k + 1 < chars.length ? entry?.next.get(chars[k + 1] as number) : [];
    if (!list) return [];
    if (list.length) lists.push(list);
  }
  return intersect(lists);
}

function matchCjk(index: SearchIndex, value: string): TermMatches {
  const matches: TermMatches = new Map();
  for (const f of cjkCandidates(index, value)) {
    const field = index.fields[f] as SearchField;
    const text = field.norm.text;
    let count = 0;
    let quality = 0;
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
      count++;
      if (quality < 1) quality = Math.max(quality, cjkQuality(field, at, at + value.length));
      if (count >= COUNT_CAP && quality === 1) break;
    }
    if (count) matches.set(f, { count, quality });
  }
  return matches;
}

function cjkOccurrences(field: SearchField, value: string): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const text = field.norm.text;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    occurrences.push({ start: at, end: at + value.length, quality: cjkQuality(field, at, at + value.length) });
  }
  return occurrences;
}

/** Words equal to `value`, or starting with it when it is at least two characters and ends in a letter. */
function vocabularyMatches(vocabulary: readonly string[], value: string): Set<string> {
  const prefix = [...value].length >= 2 && /\p{L}$/u.test(value);
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((vocabulary[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  const words = new Set<string>();
  if (!prefix) return vocabulary[lo] === value ? new Set([value]) : words;
  for (let i = lo; i < vocabulary.length && (vocabulary[i] as string).startsWith(value); i++) words.add(vocabulary[i] as string);
  return words;
}

/** Exact word 1; a word the term starts: more the more of it the term covers; a part of a compound word a little less. */
function wordQuality(token: WordToken, value: string): number {
  const quality = token.value === value ? 1 : 0.5 + (0.3 * value.length) / token.value.length;
  return token.part ? quality * 0.9 : quality;
}

function matchWord(index: SearchIndex, value: string): TermMatches {
  const words = vocabularyMatches(index.vocabulary, value);
  const fields = new Set<number>();
  for (const w of words) for (const f of index.words.get(w) ?? []) fields.add(f);
  const matches: TermMatches = new Map();
  for (const f of [...fields].sort((a, b) => a - b)) {
    const field = index.fields[f] as SearchField;
    let count = 0;
    let quality = 0;
    for (const token of field.words) {
      if (!words.has(token.value)) continue;
      count++;
      quality = Math.max(quality, wordQuality(token, value));
      if (count >= COUNT_CAP && quality === 1) break;
    }
    matches.set(f, { count, quality });
  }
  return matches;
}

/** Where one term matches the whole index: per field, how often and how well. */
export function matchTerm(index: SearchIndex, term: QueryTerm): TermMatches {
  return term.kind === 'cjk' ? matchCjk(index, term.value) : matchWord(index, term.value);
}

/** Every occurrence of a term in one field (for highlighting a hit that is shown). */
export function termOccurrences(index: SearchIndex, f: number, term: QueryTerm): Occurrence[] {
  const field = index.fields[f] as SearchField;
  if (term.kind === 'cjk') return cjkOccurrences(field, term.value);
  const words = vocabularyMatches(index.vocabulary, term.value);
  return field.words.filter((t) => words.has(t.value)).map((t) => ({ start: t.start, end: t.end, quality: wordQuality(t, term.value) }));
}
