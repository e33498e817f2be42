import type { Localized } from '../model/edition.schema.js';
import type { WordToken } from './analyze.js';
import type { NormalizedText } from './normalize.js';

export type SearchLang = 'ja' | 'en';

export type SearchKind = 'requirement' | 'term' | 'standard-requirement';

/** Longest accepted query, in characters (code points). */
export const MAX_QUERY_LENGTH = 200;

/** One thing a search can find. */
export interface SearchDoc {
  kind: SearchKind;
  id: string;
  /** Standard id, for standard requirements. */
  standard?: string;
  /** Display number (項番), for guidebook requirements. */
  number?: string;
  title: Localized;
  /** idKey() of the number and ids: a query equal to one of them ranks this first. */
  keys: string[];
}

/** One searchable text of a document, analysed once when the index is built. */
export interface SearchField {
  doc: number;
  /** Path inside the document, e.g. `criteria[2]`, `interpretation[0].countermeasures[1]`. */
  field: string;
  lang: SearchLang;
  /** Ids and numbers read the same in both languages: the `lang` preference does not apply. */
  neutral: boolean;
  weight: number;
  original: string;
  norm: NormalizedText;
  words: WordToken[];
  hasCjk: boolean;
  /**
   * Intl.Segmenter word boundaries of Japanese text, computed on the first
   * match in this field and kept (segmenting every field up front would
   * dominate the build time; see bench/search.bench.ts).
   */
  boundaries?: Uint8Array;
}

/**
 * Ascending field numbers of one CJK character, and of each pair it starts
 * (keyed by the second character). Nested maps keep every key a small integer,
 * which hashes without allocating.
 */
export interface CharPostings {
  fields: number[];
  next: Map<number, number[]>;
}

/** Everything a search needs, built once per edition. */
export interface SearchIndex {
  docs: SearchDoc[];
  fields: SearchField[];
  /** Word → ascending field numbers. */
  words: Map<string, number[]>;
  /** CJK character (code point) → its postings and those of the pairs it starts. */
  chars: Map<number, CharPostings>;
  /** Every distinct word, sorted: prefix ranges by binary search. */
  vocabulary: string[];
  /** idKey → document numbers. */
  byKey: Map<string, number[]>;
  /** Document number → its place in the tie-break order (kind, then number or id, then standard). */
  tieOrder: Uint32Array;
}

export interface SearchSnippet {
  field: string;
  lang: SearchLang;
  text: string;
  /** [start, end) in UTF-16 code units of `text`. */
  highlights: [number, number][];
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  standard?: string;
  number?: string;
  title: Localized;
  score: number;
  snippets: SearchSnippet[];
}

export interface SearchResult {
  query: string;
  total: number;
  results: SearchHit[];
}

export interface SearchOptions {
  limit?: number;
  /** Rank matches in this language first. */
  lang?: SearchLang;
}
