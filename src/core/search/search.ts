import { textEquals, textIncludes } from './field-texts.js';
import { originalRange } from './normalize.js';
import { lowerBound, startingWith } from './sorted.js';
import { COUNT_CAP, matchTerm, type ParsedQuery, parseQuery, type TermMatches, termOccurrences, vocabularyMatches } from './query.js';
import {
  FIELD_LANG,
  type SearchDoc,
  type SearchField,
  type SearchHit,
  type SearchIndex,
  type SearchLang,
  type SearchOptions,
  type SearchResult,
  type SearchSnippet,
} from './search.types.js';
import { makeSnippet, mergeRanges } from './snippets.js';

/**
 * Ranked search over a built index. Ranking, highest first: a query equal to
 * a number or id (D-1.1, CR 7.7); a number the query starts (D-1 → D-1.1);
 * then the sum over query terms of the best field's weight × match quality
 * (whole word > part of a word, exact word > prefix), weighted by how rare the
 * term is, plus boosts when a field contains the whole query as a phrase or
 * equals it. Ties keep a stable order: kind, then number or id.
 */

const ID_MATCH = 10_000;
const NUMBER_PREFIX = 1_000;
const OTHER_LANGUAGE = 0.5;
const MAX_SNIPPETS = 3;

/** A field's weight, halved when a language is preferred and the field is in the other one (ids and numbers are neutral). */
function fieldFactor(index: SearchIndex, f: number, lang: number): number {
  const fieldLang = index.fieldLangs[f] as number;
  return (index.fieldWeights[f] as number) * (lang === 0 || fieldLang === 0 || fieldLang === lang ? 1 : OTHER_LANGUAGE);
}

/** What one query works with: per term its matches, per document its state. Typed arrays indexed by document: no map on the way. */
interface Scoring {
  parsed: ParsedQuery;
  perTerm: TermMatches[];
  /** Per term, how many documents it occurs in. */
  docCounts: number[];
  /** Document → 1 when it is a candidate (every term occurs in it, or the query names it). */
  isCandidate: Uint8Array;
  candidates: number[];
  scores: Float64Array;
}

/** Documents that contain every term, and those whose number or id the query names. */
function findCandidates(index: SearchIndex, parsed: ParsedQuery, perTerm: TermMatches[]): Scoring {
  const docCount = index.docs.length;
  const termsIn = new Uint8Array(docCount);
  const docCounts: number[] = [];
  for (const matches of perTerm) {
    let docs = 0;
    let last = -1;
    // Fields ascend and each document's fields are one range: a document is counted once per term.
    for (let i = 0; i < matches.fields.length; i++) {
      const doc = index.fieldDocs[matches.fields[i] as number] as number;
      if (doc === last) continue;
      last = doc;
      docs++;
      termsIn[doc] = (termsIn[doc] as number) + 1;
    }
    docCounts.push(docs);
  }
  const isCandidate = new Uint8Array(docCount);
  const candidates: number[] = [];
  if (perTerm.length > 0) {
    for (let doc = 0; doc < docCount; doc++) {
      if (termsIn[doc] === perTerm.length) {
        isCandidate[doc] = 1;
        candidates.push(doc);
      }
    }
  }
  for (const doc of index.byKey.get(parsed.key) ?? []) {
    if (!isCandidate[doc]) {
      isCandidate[doc] = 1;
      candidates.push(doc);
    }
  }
  return { parsed, perTerm, docCounts, isCandidate, candidates, scores: new Float64Array(docCount) };
}

function scoreTerms(index: SearchIndex, q: Scoring, lang: number): void {
  for (const [t, matches] of q.perTerm.entries()) {
    // A rare term says more about a document than a common one.
    const idf = Math.log(1 + index.docs.length / Math.max(q.docCounts[t] ?? 1, 1));
    // Per document (its fields are consecutive): the best field's score and the sum over its fields.
    let doc = -1;
    let best = 0;
    let sum = 0;
    const flush = () => {
      if (doc >= 0) q.scores[doc] = (q.scores[doc] as number) + (best + 0.25 * (sum - best)) * idf;
    };
    const { fields, counts, qualities } = matches;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as number;
      const fieldDoc = index.fieldDocs[f] as number;
      if (!q.isCandidate[fieldDoc]) continue;
      const s = fieldFactor(index, f, lang) * (qualities[i] as number) * (1 + 0.2 * Math.min((counts[i] as number) - 1, COUNT_CAP - 1));
      if (fieldDoc !== doc) {
        flush();
        doc = fieldDoc;
        best = s;
        sum = s;
      } else {
        if (s > best) best = s;
        sum += s;
      }
    }
    flush();
  }
}

/** Per index, one flag per field, left cleared after each use (a search runs to its end without yielding): no large allocation per query. */
const seenScratch = new WeakMap<SearchIndex, Uint8Array>();

function seenFields(index: SearchIndex): Uint8Array {
  let seen = seenScratch.get(index);
  if (!seen) {
    seen = new Uint8Array(index.fields.length);
    seenScratch.set(index, seen);
  }
  return seen;
}

/** Whole-phrase and whole-field matches (in the fields some term matched), and numbers or ids the query names. */
function scoreBoosts(index: SearchIndex, q: Scoring, lang: number): void {
  const { parsed } = q;
  const phraseBoost = new Float64Array(index.docs.length);
  const several = parsed.terms.length > 1;
  // With one term each field comes once; with several, a field may come once per term.
  const seen = several ? seenFields(index) : null;
  const marked: number[] = [];
  const length = parsed.phrase.length;
  for (const matches of q.perTerm) {
    const { fields } = matches;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as number;
      const trimmed = index.trimmedLengths[f] as number;
      // Only a field as long as the phrase can equal it, and only a longer one hold it with more.
      if (trimmed < length || (!several && trimmed !== length) || seen?.[f]) continue;
      const doc = index.fieldDocs[f] as number;
      if (!q.isCandidate[doc]) continue;
      if (seen) {
        seen[f] = 1;
        marked.push(f);
      }
      const factor = fieldFactor(index, f, lang);
      if (textEquals(index.trimmedTexts, f, parsed.phrase)) phraseBoost[doc] = Math.max(phraseBoost[doc] as number, factor * 3);
      else if (several && textIncludes(index.trimmedTexts, f, parsed.phrase)) phraseBoost[doc] = Math.max(phraseBoost[doc] as number, factor * 2);
    }
  }
  for (const f of marked) (seen as Uint8Array)[f] = 0;
  const keyBoost = keyBoosts(index, q);
  for (const d of q.candidates) {
    // Rounded before sorting, so that sums equal but for float noise tie and fall to the stable order.
    q.scores[d] = Math.round(((q.scores[d] as number) + ((phraseBoost[d] as number) + (keyBoost.get(d) ?? 0))) * 1000) / 1000;
  }
}

/**
 * Documents with a number or id equal to the query's key (ID_MATCH; they are
 * candidates), and candidates with one the key starts, followed by . or -
 * (NUMBER_PREFIX, when the key has a digit): from the sorted keys, without
 * visiting every candidate.
 */
function keyBoosts(index: SearchIndex, q: Scoring): Map<number, number> {
  const { key } = q.parsed;
  const boosts = new Map<number, number>();
  for (const d of index.byKey.get(key) ?? []) boosts.set(d, ID_MATCH);
  if (!/\d/.test(key)) return boosts;
  for (const prefix of [`${key}.`, `${key}-`]) {
    for (const k of startingWith(index.sortedKeys, prefix)) {
      for (const d of index.byKey.get(k) ?? []) if (q.isCandidate[d] && !boosts.has(d)) boosts.set(d, NUMBER_PREFIX);
    }
  }
  return boosts;
}

/** For a document shown: each field some term matched → the terms (their indexes) that matched there. */
function matchedFields(index: SearchIndex, q: Scoring, doc: number): Map<number, number[]> {
  const from = index.docFields[doc] as number;
  const to = index.docFields[doc + 1] as number;
  const fields = new Map<number, number[]>();
  for (const [t, matches] of q.perTerm.entries()) {
    const list = matches.fields;
    for (let i = lowerBound(list, from); i < list.length && (list[i] as number) < to; i++) {
      const f = list[i] as number;
      const entry = fields.get(f);
      if (entry) entry.push(t);
      else fields.set(f, [t]);
    }
  }
  return fields;
}

function snippetsOf(index: SearchIndex, q: Scoring, doc: number, lang: SearchLang | undefined, words: (t: number) => readonly string[]): SearchSnippet[] {
  const { parsed } = q;
  let entries = [...matchedFields(index, q, doc).entries()].map(([f, terms]) => ({ f, perTerm: terms, field: index.fields[f] as SearchField }));
  if (entries.some((x) => !x.field.neutral)) entries = entries.filter((x) => !x.field.neutral);
  entries.sort(
    (x, y) =>
      y.perTerm.length - x.perTerm.length ||
      (lang ? Number(y.field.lang === lang) - Number(x.field.lang === lang) : 0) ||
      y.field.weight - x.field.weight ||
      x.f - y.f,
  );
  return entries.slice(0, MAX_SNIPPETS).map(({ f, perTerm, field }) => {
    const normalised = perTerm.flatMap((t) =>
      termOccurrences(index, f, parsed.terms[t] as ParsedQuery['terms'][number], words(t)).map((o): [number, number] => [o.start, o.end]),
    );
    const ranges = mergeRanges(normalised).map(([s, end]) => originalRange(field.norm, s, end));
    const { text, highlights } = makeSnippet(field.original, ranges);
    return { field: field.field, lang: field.lang, text, highlights };
  });
}

function hitOf(index: SearchIndex, q: Scoring, d: number, lang: SearchLang | undefined, words: (t: number) => readonly string[]): SearchHit {
  const doc = index.docs[d] as SearchDoc;
  return {
    kind: doc.kind,
    id: doc.id,
    ...(doc.standard !== undefined ? { standard: doc.standard } : {}),
    ...(doc.number !== undefined ? { number: doc.number } : {}),
    title: doc.title,
    score: q.scores[d] as number,
    snippets: snippetsOf(index, q, d, lang, words),
  };
}

/** The `limit` best candidates, best first (score, then the stable tie order): one pass, no sort of them all. */
function best(index: SearchIndex, q: Scoring, limit: number): number[] {
  const { scores, candidates } = q;
  const { tieOrder } = index;
  const before = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && (tieOrder[a] as number) < (tieOrder[b] as number));
  const top: number[] = [];
  for (const d of candidates) {
    if (top.length === limit && !before(d, top[limit - 1] as number)) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && before(d, top[at - 1] as number)) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = d;
  }
  return top;
}

/**
 * Searches the index. `query` must already be validated (not blank, at most
 * MAX_QUERY_LENGTH characters); a query of symbols only finds nothing.
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
  const parsed = parseQuery(query);
  const perTerm = parsed.terms.map((term) => matchTerm(index, term));
  const q = findCandidates(index, parsed, perTerm);
  const lang = options.lang ? FIELD_LANG[options.lang] : 0;
  scoreTerms(index, q, lang);
  scoreBoosts(index, q, lang);
  const shown = best(index, q, limit);
  // The words a word term names, looked up once for all the snippets shown.
  const named: (readonly string[] | undefined)[] = [];
  const words = (t: number) => {
    named[t] ??= parsed.terms[t]?.kind === 'word' ? vocabularyMatches(index.vocabulary, parsed.terms[t].value) : [];
    return named[t];
  };
  return { query, total: q.candidates.length, results: shown.map((d) => hitOf(index, q, d, options.lang, words)) };
}
