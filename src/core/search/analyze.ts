import { isCjk, isWordChar } from './normalize.js';

/**
 * Splitting normalised text into what the index stores: words of
 * space-separated scripts, and runs of Japanese (CJK) text, which have no
 * spaces and are indexed by character unigrams and bigrams so that any part of
 * a compound (認証 in ユーザ認証) can be found. Pure.
 */

/** A run of one kind of text in normalised text, [start, end) in UTF-16 units. */
export interface Run {
  kind: 'cjk' | 'word';
  start: number;
  end: number;
}

/** A word of a space-separated script; `part` marks a piece of a joined word (62443 of 62443-4-2). */
export interface WordToken {
  value: string;
  start: number;
  end: number;
  part: boolean;
}

/** Joiners kept inside a word when letters or digits stand on both sides: D-1.1, 62443-4-2, sp800_171. */
const JOINERS = new Set(['-', '.', '_']);

type CharClass = 'cjk' | 'word' | 'other';

/** Length in UTF-16 units of the character at i. */
function unitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** The class of the character at i. */
function classAt(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ? 'word' : 'other';
  const ch = unitsAt(text, i) === 1 ? (text[i] as string) : text.slice(i, i + 2);
  return isCjk(ch) ? 'cjk' : isWordChar(ch) ? 'word' : 'other';
}

/** Runs of CJK text and of words; everything else (spaces, punctuation, symbols, emoji) separates. */
export function scanRuns(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  let current = null as Run | null;
  while (i < text.length) {
    const cls = classAt(text, i);
    const len = unitsAt(text, i);
    const joinsWord = cls === 'other' && current?.kind === 'word' && JOINERS.has(text[i] as string) && i + 1 < text.length && classAt(text, i + 1) === 'word';
    if (joinsWord) {
      i += len;
      continue;
    }
    if (cls === 'other') current = null;
    else if (current?.kind === cls) current.end = i + len;
    else {
      current = { kind: cls, start: i, end: i + len };
      runs.push(current);
    }
    i += len;
  }
  return runs;
}

/** The word and, when it is joined, each of its parts. */
export function wordTokens(text: string, run: Run): WordToken[] {
  const value = text.slice(run.start, run.end);
  const tokens: WordToken[] = [{ value, start: run.start, end: run.end, part: false }];
  let partStart = run.start;
  let joined = false;
  for (let i = run.start; i <= run.end; i++) {
    if (i === run.end || JOINERS.has(text[i] as string)) {
      if (i < run.end) joined = true;
      if (joined && i > partStart) tokens.push({ value: text.slice(partStart, i), start: partStart, end: i, part: true });
      partStart = i + 1;
    }
  }
  return tokens;
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Word boundaries of text containing Japanese, from Intl.Segmenter: flags[i]
 * is 1 when a word starts or ends at offset i. Used to rank a match that is a
 * whole word (認証 in ユーザ|認証) above one inside a word.
 */
export function wordBoundaries(text: string): Uint8Array {
  const flags = new Uint8Array(text.length + 1);
  for (const s of segmenter.segment(text)) {
    flags[s.index] = 1;
    flags[s.index + s.segment.length] = 1;
  }
  return flags;
}
