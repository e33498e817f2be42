import { originalRange } from './normalize.js';
import { COUNT_CAP, matchTerm, type ParsedQuery, parseQuery, type TermMatches, termOccurrences } from './query.js';
import type { SearchDoc, SearchField, SearchHit, SearchIndex, SearchLang, SearchOptions, SearchResult, SearchSnippet } from './search.types.js';
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

interface Candidate {
  doc: number;
  score: number;
  /** Field number → the query terms (their indexes) that matched there; occurrences are found only for the hits shown. */
  fields: Map<number, number[]>;
}

function langFactor(field: SearchField, lang: SearchLang | undefined): number {
  return !lang || field.neutral || field.lang === lang ? 1 : OTHER_LANGUAGE;
}

/** Documents that contain every term (docsOf: per term, the documents it occurs in), and those whose number or id the query names. */
function candidates(index: SearchIndex, parsed: ParsedQuery, docsOf: Set<number>[]): Map<number, Candidate> {
  const result = new Map<number, Candidate>();
  const first = docsOf[0];
  if (first) {
    for (const doc of first) if (docsOf.every((s) => s.has(doc))) result.set(doc, { doc, score: 0, fields: new Map() });
  }
  for (const doc of index.byKey.get(parsed.key) ?? []) if (!result.has(doc)) result.set(doc, { doc, score: 0, fields: new Map() });
  return result;
}

function scoreTerms(index: SearchIndex, perTerm: TermMatches[], docsOf: Set<number>[], found: Map<number, Candidate>, lang: SearchLang | undefined): void {
  for (const [t, matches] of perTerm.entries()) {
    // A rare term says more about a document than a common one.
    const idf = Math.log(1 + index.docs.length / Math.max(docsOf[t]?.size ?? 1, 1));
    const best = new Map<number, { best: number; sum: number }>();
    for (const [f, match] of matches) {
      const field = index.fields[f] as SearchField;
      const candidate = found.get(field.doc);
      if (!candidate) continue;
      const s = field.weight * langFactor(field, lang) * match.quality * (1 + 0.2 * Math.min(match.count - 1, COUNT_CAP - 1));
      const acc = best.get(field.doc);
      if (acc) {
        if (s > acc.best) acc.best = s;
        acc.sum += s;
      } else best.set(field.doc, { best: s, sum: s });
      const entry = candidate.fields.get(f);
      if (entry) entry.push(t);
      else candidate.fields.set(f, [t]);
    }
    for (const [doc, acc] of best) {
      const candidate = found.get(doc) as Candidate;
      candidate.score += (acc.best + 0.25 * (acc.sum - acc.best)) * idf;
    }
  }
}

/** Whole-phrase and whole-field matches, and numbers or ids the query names. */
function scoreBoosts(index: SearchIndex, parsed: ParsedQuery, candidate: Candidate, lang: SearchLang | undefined): void {
  let boost = 0;
  for (const f of candidate.fields.keys()) {
    const field = index.fields[f] as SearchField;
    const text = field.norm.text.trim();
    const factor = field.weight * langFactor(field, lang);
    if (text === parsed.phrase) boost = Math.max(boost, factor * 3);
    else if (parsed.terms.length > 1 && text.includes(parsed.phrase)) boost = Math.max(boost, factor * 2);
  }
  const doc = index.docs[candidate.doc] as SearchDoc;
  if (parsed.key && doc.keys.includes(parsed.key)) boost += ID_MATCH;
  else if (/\d/.test(parsed.key) && doc.keys.some((k) => k.startsWith(parsed.key) && '.-'.includes(k[parsed.key.length] ?? 'x'))) {
    boost += NUMBER_PREFIX;
  }
  candidate.score += boost;
}

function compare(index: SearchIndex, a: Candidate, b: Candidate): number {
  return b.score - a.score || (index.tieOrder[a.doc] as number) - (index.tieOrder[b.doc] as number);
}

function snippetsOf(index: SearchIndex, parsed: ParsedQuery, candidate: Candidate, lang: SearchLang | undefined): SearchSnippet[] {
  let entries = [...candidate.fields.entries()].map(([f, terms]) => ({ f, perTerm: terms, field: index.fields[f] as SearchField }));
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
      termOccurrences(index, f, parsed.terms[t] as ParsedQuery['terms'][number]).map((o): [number, number] => [o.start, o.end]),
    );
    const ranges = mergeRanges(normalised).map(([s, end]) => originalRange(field.norm, s, end));
    const { text, highlights } = makeSnippet(field.original, ranges);
    return { field: field.field, lang: field.lang, text, highlights };
  });
}

function hitOf(index: SearchIndex, parsed: ParsedQuery, candidate: Candidate, lang: SearchLang | undefined): SearchHit {
  const doc = index.docs[candidate.doc] as SearchDoc;
  return {
    kind: doc.kind,
    id: doc.id,
    ...(doc.standard !== undefined ? { standard: doc.standard } : {}),
    ...(doc.number !== undefined ? { number: doc.number } : {}),
    title: doc.title,
    score: candidate.score,
    snippets: snippetsOf(index, parsed, candidate, lang),
  };
}

/**
 * Searches the index. `query` must already be validated (not blank, at most
 * MAX_QUERY_LENGTH characters); a query of symbols only finds nothing.
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
  const parsed = parseQuery(query);
  const perTerm = parsed.terms.map((term) => matchTerm(index, term));
  const docsOf = perTerm.map((m) => new Set([...m.keys()].map((f) => (index.fields[f] as SearchField).doc)));
  const found = candidates(index, parsed, docsOf);
  scoreTerms(index, perTerm, docsOf, found, options.lang);
  for (const candidate of found.values()) {
    scoreBoosts(index, parsed, candidate, options.lang);
    // Rounded before sorting, so that sums equal but for float noise tie and fall to the stable order.
    candidate.score = Math.round(candidate.score * 1000) / 1000;
  }
  const ranked = [...found.values()].sort((a, b) => compare(index, a, b));
  return { query, total: ranked.length, results: ranked.slice(0, limit).map((c) => hitOf(index, parsed, c, options.lang)) };
}
