/**
 * Text normalisation for search and keyword extraction, with a map back to the
 * original text so that matches found in normalised text can be highlighted in
 * what the reader sees. Pure: no I/O.
 */

/** Normalised text and, per UTF-16 unit of it, the original range it came from. */
export interface NormalizedText {
  text: string;
  /** Original start offset of the cluster that produced each unit; null when unit i came from unit i (the usual case). */
  starts: Uint32Array | null;
  /** Original end offset (exclusive) of the cluster that produced each unit; null as for starts. */
  ends: Uint32Array | null;
}

const PROLONGED = 0x30fc; // ー

/** Katakana letters (not the middle dot ・ nor the prolonged sound mark). */
function isKatakanaCode(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fd || c === 0x30fe || (c >= 0x31f0 && c <= 0x31ff);
}

export function isKatakana(ch: string): boolean {
  return isKatakanaCode(ch.charCodeAt(0));
}

export function isHiragana(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3041 && c <= 0x309f;
}

const HAN = /^[\p{Script=Han}々〆]$/u;

export function isHan(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c < 0x3000) return false;
  return HAN.test(ch);
}

/** Characters written without spaces between words: searched by substring (bigram index). */
export function isCjk(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x3000) return false;
  return isKatakanaCode(c) || (c >= 0x3041 && c <= 0x309f) || c === PROLONGED || isHan(ch);
}

const WORD = /^[\p{L}\p{N}\p{M}]$/u;

/** Letters and digits of space-separated scripts (Latin, Greek, …): searched by word. */
export function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  return !isCjk(ch) && WORD.test(ch);
}

/** Combining marks and half-width voicing marks belong to the character before them. */
const ATTACHED = /^[\p{M}\uff9e\uff9f]$/u;

/** Code units that NFKC and lower-casing leave as they are: kana, common kanji, 、。 (the bulk of Japanese text). */
function isStable(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === PROLONGED || c === 0x3001 || c === 0x3002;
}

function isAttached(original: string, i: number): boolean {
  const c = original.charCodeAt(i);
  if (c < 0x300 || isStable(c)) return false;
  return ATTACHED.test(String.fromCodePoint(original.codePointAt(i) ?? 0));
}

/**
 * NFKC (full-width Latin → ASCII, half-width katakana → full-width), lower
 * case, and the katakana prolonged sound mark dropped at the end of a katakana
 * word, so that ユーザー matches ユーザ and サーバー matches サーバ (both
 * spellings are common in Japanese technical writing).
 */
export function normalizeText(original: string): NormalizedText {
  const simple = unitForUnit(original);
  if (simple !== null && !hasDroppableProlonged(simple)) return { text: simple, starts: null, ends: null };
  return mapped(original);
}

/**
 * The normalised text when every unit maps to exactly one unit (no expansion,
 * no combining marks, no surrogate pairs), else null: most texts, and then no
 * offset map is needed at all.
 */
function unitForUnit(original: string): string | null {
  let pieces = '';
  let copyFrom = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c < 0x80 || isStable(c)) {
      if (i + 1 < original.length && isAttached(original, i + 1)) return null;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) return null;
    if (i + 1 < original.length && isAttached(original, i + 1)) return null;
    const one = original[i] as string;
    const m = one.normalize('NFKC').toLowerCase();
    if (m.length !== 1) return null;
    if (m !== one) {
      pieces += original.slice(copyFrom, i).toLowerCase() + m;
      copyFrom = i + 1;
    }
  }
  return pieces + original.slice(copyFrom).toLowerCase();
}

/** Whether some ー follows katakana and has no katakana after it. */
function hasDroppableProlonged(text: string): boolean {
  for (let k = text.indexOf('ー', 1); k > 0; k = text.indexOf('ー', k + 1)) {
    let last = k;
    while (text.charCodeAt(last + 1) === PROLONGED) last++;
    if (isKatakanaCode(text.charCodeAt(k - 1)) && !isKatakanaCode(text.charCodeAt(last + 1))) return true;
    k = last;
  }
  return false;
}

/** The general case, unit by unit with the offset map. */
function mapped(original: string): NormalizedText {
  const out = new Builder(original.length);
  // Text that maps one to one is copied in slices rather than unit by unit.
  let pieces = '';
  let copyFrom = 0;
  let i = 0;
  while (i < original.length) {
    const start = i;
    const c = original.charCodeAt(i);
    if ((c < 0x80 || isStable(c)) && !(i + 1 < original.length && isAttached(original, i + 1))) {
      out.push(c >= 0x41 && c <= 0x5a ? c + 32 : c, i, ++i);
      continue;
    }
    pieces += original.slice(copyFrom, start).toLowerCase();
    i += (original.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    while (i < original.length && isAttached(original, i)) i += (original.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const mapped = original.slice(start, i).normalize('NFKC').toLowerCase();
    for (let k = 0; k < mapped.length; k++) out.push(mapped.charCodeAt(k), start, i);
    pieces += mapped;
    copyFrom = i;
  }
  return out.finish(pieces + original.slice(copyFrom).toLowerCase());
}

/** Growable parallel arrays of code units and their original ranges. */
class Builder {
  codes: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity + 8);
    this.starts = new Uint32Array(capacity + 8);
    this.ends = new Uint32Array(capacity + 8);
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private grow(): void {
    const size = this.codes.length * 2;
    const codes = new Uint16Array(size);
    const starts = new Uint32Array(size);
    const ends = new Uint32Array(size);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    Object.assign(this, { codes, starts, ends });
  }

  /** Drops each ー after katakana with no katakana after it; its range joins the previous unit's. */
  /** `text` is what was pushed, as a string; rebuilt only when a ー was dropped. */
  finish(text: string): NormalizedText {
    const { codes, starts, ends } = this;
    let n = 0;
    for (let k = 0; k < this.length; k++) {
      if (codes[k] === PROLONGED && n > 0 && isKatakanaCode(codes[n - 1] as number)) {
        let last = k;
        while (last + 1 < this.length && codes[last + 1] === PROLONGED) last++;
        if (last + 1 >= this.length || !isKatakanaCode(codes[last + 1] as number)) {
          ends[n - 1] = ends[last] as number;
          k = last;
          continue;
        }
      }
      codes[n] = codes[k] as number;
      starts[n] = starts[k] as number;
      ends[n] = ends[k] as number;
      n++;
    }
    if (n < this.length) {
      text = '';
      for (let k = 0; k < n; k += 8192) text += String.fromCharCode(...codes.subarray(k, Math.min(n, k + 8192)));
    }
    // Views, not copies: the few spare units at the end are not worth another allocation.
    return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
  }
}

/** The original range [start, end) of a normalised range [from, to). */
export function originalRange(n: NormalizedText, from: number, to: number): [number, number] {
  if (!n.starts || !n.ends) return [from, to];
  return [n.starts[from] as number, n.ends[to - 1] as number];
}

/** Lower-cased, NFKC, whitespace removed: how ids and numbers are compared (CR 7.7 = cr7.7). */
export function idKey(value: string): string {
  return normalizeText(value).text.replace(/\s+/g, '');
}
