import type { ValueProblem } from '../errors.js';
import { scanRuns } from './analyze.js';
import { idKey, normalizeText } from './normalize.js';
import { lowerBound, startingWith } from './sorted.js';
import { COUNT_CAP, MAX_QUERY_LENGTH, type PairPostings, type Postings, type SearchField, type SearchIndex } from './search.types.js';

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
 * How a term matches the index, as ranking needs it: the fields it occurs in
 * (ascending) and, for each, how often (counted up to COUNT_CAP) and the best
 * match quality. Where the occurrences are is worked out only for the hits
 * shown (termOccurrences).
 */
export interface TermMatches {
  fields: ArrayLike<number>;
  counts: ArrayLike<number>;
  qualities: ArrayLike<number>;
}

export { COUNT_CAP };

/** Why a query cannot be searched for (blank, or longer than MAX_QUERY_LENGTH characters), or null. */
export function queryProblem(query: string): ValueProblem | null {
  if (!query.trim()) return { message: 'must not be empty', code: 'required' };
  // Characters are code points: an emoji counts once. The cheap length test first.
  if (query.length > MAX_QUERY_LENGTH && [...query].length > MAX_QUERY_LENGTH)
    return { message: `must be at most ${MAX_QUERY_LENGTH} characters`, code: 'too-long' };
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

/** Match quality by how many edges of a CJK match fall on a word boundary: whole word 1, one edge 0.75, inside a word 0.5. */
const CJK_QUALITY = [0.5, 0.75, 1] as const;

const NO_MATCHES: TermMatches = { fields: [], counts: [], qualities: [] };

function cjkQuality(field: SearchField, start: number, end: number): number {
  const b = field.boundaries;
  if (!b) return CJK_QUALITY[0];
  return CJK_QUALITY[((b[start] ?? 0) + (b[end] ?? 0)) as 0 | 1 | 2];
}

/** Unpacks CJK postings (count × 4 + boundary level). */
function cjkPostings(p: Postings): TermMatches {
  const counts = new Uint8Array(p.meta.length);
  const qualities = new Float64Array(p.meta.length);
  for (let i = 0; i < p.meta.length; i++) {
    const meta = p.meta[i] as number;
    counts[i] = meta >> 2;
    qualities[i] = CJK_QUALITY[(meta & 3) as 0 | 1 | 2];
  }
  return { fields: p.fields, counts, qualities };
}

/**
 * A term of one or two characters: its postings say exactly where it occurs,
 * how often and how well. Longer: matchPairs, from the places of its pairs.
 */
function matchCjk(index: SearchIndex, value: string): TermMatches {
  const chars = [...value].map((c) => c.codePointAt(0) ?? 0);
  const first = index.chars.get(chars[0] as number);
  if (!first) return NO_MATCHES;
  if (chars.length === 1) return cjkPostings(first);
  if (chars.length === 2) {
    const pair = first.next.get(chars[1] as number);
    return pair ? cjkPostings(pair) : NO_MATCHES;
  }
  const pairs: PairPostings[] = [];
  const offsets: number[] = [];
  for (let k = 0, at = 0; k + 1 < chars.length; at += (chars[k] as number) > 0xffff ? 2 : 1, k++) {
    const pair = index.chars.get(chars[k] as number)?.next.get(chars[k + 1] as number);
    if (!pair) return NO_MATCHES;
    pairs.push(pair);
    offsets.push(at);
  }
  return matchPairs(pairs, offsets);
}

/**
 * Where a term of three or more CJK characters occurs, from the postings of
 * its pairs alone (no text is read): `pairs[j]` must occur at `offsets[j]`
 * (UTF-16 units) after the term's start. The pair in the fewest fields leads;
 * the others follow it field by field (all lists ascend), and in a field
 * every place of the leading pair is a possible start, kept when each other
 * pair occurs at its distance from it. Stops as soon as a pair runs out.
 */
function matchPairs(pairs: readonly PairPostings[], offsets: readonly number[]): TermMatches {
  const n = pairs.length;
  const order = [...pairs.keys()].sort((a, b) => (pairs[a] as PairPostings).fields.length - (pairs[b] as PairPostings).fields.length);
  const lead = order[0] as number;
  const leader = pairs[lead] as PairPostings;
  /** Per pair: its place in `fields` (cursor), then the range of places of the current field. */
  const cursor = new Int32Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  /** Per pair, the place (index into `places`) found for the current start. */
  const found = new Int32Array(n);
  const fields: number[] = [];
  const counts: number[] = [];
  const qualities: number[] = [];
  eachField: for (let i = 0; i < leader.fields.length; i++) {
    const f = leader.fields[i] as number;
    for (let o = 1; o < n; o++) {
      const j = order[o] as number;
      const list = (pairs[j] as PairPostings).fields;
      let c = cursor[j] as number;
      while (c < list.length && (list[c] as number) < f) c++;
      cursor[j] = c;
      if (c === list.length) break eachField;
      if (list[c] !== f) continue eachField;
    }
    for (let j = 0; j < n; j++) {
      const p = pairs[j] as PairPostings;
      const c = j === lead ? i : (cursor[j] as number);
      from[j] = c === 0 ? 0 : (p.ends[c - 1] as number);
      to[j] = p.ends[c] as number;
    }
    let count = 0;
    let level = 0;
    starts: for (let k = from[lead] as number; k < (to[lead] as number); k++) {
      const start = ((leader.places[k] as number) >> 2) - (offsets[lead] as number);
      found[lead] = k;
      for (let o = 1; o < n; o++) {
        const j = order[o] as number;
        const places = (pairs[j] as PairPostings).places;
        const want = start + (offsets[j] as number);
        let at = from[j] as number;
        // Starts ascend, so each pair's place only moves forward.
        while (at < (to[j] as number) && (places[at] as number) >> 2 < want) at++;
        from[j] = at;
        if (at === to[j] || (places[at] as number) >> 2 !== want) continue starts;
        found[j] = at;
      }
      count++;
      const edges =
        ((((pairs[0] as PairPostings).places[found[0] as number] as number) >> 1) & 1) +
        (((pairs[n - 1] as PairPostings).places[found[n - 1] as number] as number) & 1);
      if (edges > level) level = edges;
      if (count >= COUNT_CAP && level === 2) break;
    }
    if (count) {
      fields.push(f);
      counts.push(Math.min(count, COUNT_CAP));
      qualities.push(CJK_QUALITY[level as 0 | 1 | 2]);
    }
  }
  return { fields, counts, qualities };
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
export function vocabularyMatches(vocabulary: readonly string[], value: string): string[] {
  const prefix = [...value].length >= 2 && /\p{L}$/u.test(value);
  if (prefix) return startingWith(vocabulary, value);
  return vocabulary[lowerBound(vocabulary, value)] === value ? [value] : [];
}

/** Exact word 1; a word the term starts: more the more of it the term covers; a part of a compound word a little less. */
function wordQuality(word: string, part: boolean, value: string): number {
  const quality = word === value ? 1 : 0.5 + (0.3 * value.length) / word.length;
  return part ? quality * 0.9 : quality;
}

/**
 * Per-field buffers for merging the postings of several words, kept per index
 * and left zeroed after each use (a search runs to its end without yielding).
 */
const scratches = new WeakMap<SearchIndex, { count: Uint8Array; best: Float64Array }>();

function scratchOf(index: SearchIndex): { count: Uint8Array; best: Float64Array } {
  let scratch = scratches.get(index);
  if (!scratch) {
    scratch = { count: new Uint8Array(index.fields.length), best: new Float64Array(index.fields.length) };
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * From the postings of the words the term names: per field, the occurrences
 * of all of them (capped) and the best quality, without reading the text.
 */
function matchWord(index: SearchIndex, value: string): TermMatches {
  const words = vocabularyMatches(index.vocabulary, value);
  if (words.length === 0) return NO_MATCHES;
  if (words.length === 1) {
    const word = words[0] as string;
    const p = index.words.get(word) as Postings;
    const whole = wordQuality(word, false, value);
    const part = wordQuality(word, true, value);
    const counts = new Uint8Array(p.meta.length);
    const qualities = new Float64Array(p.meta.length);
    for (let i = 0; i < p.meta.length; i++) {
      const meta = p.meta[i] as number;
      counts[i] = meta >> 1;
      qualities[i] = meta & 1 ? whole : part;
    }
    return { fields: p.fields, counts, qualities };
  }
  // Several words (a prefix): per field, counts add up and the best quality wins.
  const { count, best } = scratchOf(index);
  const touched: number[] = [];
  for (const word of words) {
    const p = index.words.get(word) as Postings;
    const whole = wordQuality(word, false, value);
    const part = wordQuality(word, true, value);
    for (let i = 0; i < p.fields.length; i++) {
      const f = p.fields[i] as number;
      const meta = p.meta[i] as number;
      const quality = meta & 1 ? whole : part;
      if (count[f] === 0) touched.push(f);
      count[f] = Math.min((count[f] as number) + (meta >> 1), COUNT_CAP);
      if (quality > (best[f] as number)) best[f] = quality;
    }
  }
  const fields = Int32Array.from(touched).sort();
  const counts = new Uint8Array(fields.length);
  const qualities = new Float64Array(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as number;
    counts[i] = count[f] as number;
    qualities[i] = best[f] as number;
    count[f] = 0;
    best[f] = 0;
  }
  return { fields, counts, qualities };
}

/** Where one term matches the whole index: per field, how often and how well. */
export function matchTerm(index: SearchIndex, term: QueryTerm): TermMatches {
  return term.kind === 'cjk' ? matchCjk(index, term.value) : matchWord(index, term.value);
}

/** Every occurrence of a term in one field (for highlighting a hit that is shown); `words`: vocabularyMatches of a word term. */
export function termOccurrences(index: SearchIndex, f: number, term: QueryTerm, words?: readonly string[]): Occurrence[] {
  const field = index.fields[f] as SearchField;
  if (term.kind === 'cjk') return cjkOccurrences(field, term.value);
  const named = new Set(words ?? vocabularyMatches(index.vocabulary, term.value));
  return field.words.filter((t) => named.has(t.value)).map((t) => ({ start: t.start, end: t.end, quality: wordQuality(t.value, t.part, term.value) }));
}
