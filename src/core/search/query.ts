import { scanRuns, wordBoundaries } from './analyze.js';
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

/** Field number → occurrences of one term in that field. */
export type TermMatches = Map<number, Occurrence[]>;

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

function matchCjk(index: SearchIndex, value: string): TermMatches {
  const chars = [...value].map((c) => c.codePointAt(0) ?? 0);
  const lists: number[][] = [];
  for (let k = 0; k < chars.length; k++) {
    const entry = index.chars.get(chars[k] as number);
    // One character: its own postings; more: those of every pair of neighbours.
    const list = chars.length === 1 ? entry?.fields : k + 1 < chars.length ? entry?.next.get(chars[k + 1] as number) : [];
    if (!list) return new Map();
    if (list.length) lists.push(list);
  }
  const matches: TermMatches = new Map();
  for (const f of intersect(lists)) {
    const field = index.fields[f] as SearchField;
    const occurrences: Occurrence[] = [];
    for (let at = field.norm.text.indexOf(value); at >= 0; at = field.norm.text.indexOf(value, at + 1)) {
      occurrences.push({ start: at, end: at + value.length, quality: cjkQuality(field, at, at + value.length) });
    }
    if (occurrences.length) matches.set(f, occurrences);
  }
  return matches;
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

function matchWord(index: SearchIndex, value: string): TermMatches {
  const words = vocabularyMatches(index.vocabulary, value);
  const fields = new Set<number>();
  for (const w of words) for (const f of index.words.get(w) ?? []) fields.add(f);
  const matches: TermMatches = new Map();
  for (const f of [...fields].sort((a, b) => a - b)) {
    const field = index.fields[f] as SearchField;
    const occurrences: Occurrence[] = [];
    for (const token of field.words) {
      if (!words.has(token.value)) continue;
      const quality = token.value === value ? 1 : 0.5 + (0.3 * value.length) / token.value.length;
      occurrences.push({ start: token.start, end: token.end, quality: token.part ? quality * 0.9 : quality });
    }
    matches.set(f, occurrences);
  }
  return matches;
}

/** Where one term occurs in the whole index. */
export function matchTerm(index: SearchIndex, term: QueryTerm): TermMatches {
  return term.kind === 'cjk' ? matchCjk(index, term.value) : matchWord(index, term.value);
}
