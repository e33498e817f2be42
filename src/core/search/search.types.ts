import type { Localized } from '../model/edition.schema.js';
import type { WordToken } from './analyze.js';
import type { FieldTexts } from './field-texts.js';
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
  /** Intl.Segmenter word boundaries of Japanese text (see wordBoundaries), computed when the index is built; null without Japanese. */
  boundaries: Uint8Array | null;
}

/** Ranking counts repeated occurrences up to this many: postings keep counts capped at it. */
export const COUNT_CAP = 5;

/**
 * Ascending field numbers of one key (a word, a CJK character or pair), and
 * for each what ranking needs, computed when the index is built so that a
 * query never walks the text: `meta[i]` packs how often the key occurs in
 * field `fields[i]` (capped at COUNT_CAP) and how well. Words: count × 2, plus
 * 1 when it occurs as a whole word (not only as a part of a joined word).
 * CJK: count × 4 plus the best boundary level (2: a whole word, 1: one edge on
 * a word boundary, 0: inside a word).
 */
export interface Postings {
  fields: number[];
  meta: number[];
}

/**
 * The postings of one CJK character, and of each pair it starts (keyed by
 * the second character). Nested maps keep every key a small integer, which
 * hashes without allocating.
 */
/** Field languages as SearchIndex.fieldLangs keeps them (0: neutral). */
export const FIELD_LANG = { ja: 1, en: 2 } as const;

/**
 * The postings of a CJK pair, with where it occurs: `places` holds every
 * occurrence, field by field in the order of `fields` (those of fields[i] end
 * at ends[i]), each as its offset in the field's normalised text × 4, plus 2
 * when a word boundary falls before it and 1 when one falls after it. A term
 * of three or more characters is matched from these alone: it occurs where
 * each of its pairs occurs at the right distance from the first.
 */
export interface PairPostings extends Postings {
  places: number[];
  ends: number[];
}

export interface CharPostings extends Postings {
  next: Map<number, PairPostings>;
}

/** Everything a search needs, built once per edition. */
export interface SearchIndex {
  docs: SearchDoc[];
  fields: SearchField[];
  /** Word → its postings. */
  words: Map<string, Postings>;
  /** CJK character (code point) → its postings and those of the pairs it starts. */
  chars: Map<number, CharPostings>;
  /** Every distinct word, sorted: prefix ranges by binary search. */
  vocabulary: string[];
  /** idKey → document numbers. */
  byKey: Map<string, number[]>;
  /** Field number → document number. */
  fieldDocs: Uint32Array;
  /** Field number → its weight (SearchField.weight), kept flat for the loops of a query. */
  fieldWeights: Float64Array;
  /** Field number → FIELD_LANG of its language, or 0 when neutral. */
  fieldLangs: Uint8Array;
  /** Field number → length of its normalised text without leading and trailing spaces. */
  trimmedLengths: Uint32Array;
  /** Those trimmed texts, side by side (compared with a query's phrase). */
  trimmedTexts: FieldTexts;
  /** Every key of byKey, sorted: the numbers a query starts by binary search. */
  sortedKeys: string[];
  /** The fields of document d are [docFields[d], docFields[d + 1]). */
  docFields: Uint32Array;
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
