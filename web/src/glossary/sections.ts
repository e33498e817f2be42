/**
 * Section headings of the glossary list: あ行, か行 … in あいうえお order,
 * A, B … in ABC order. The server sorts; this only names the groups.
 */

export interface GlossarySection<T> {
  /** Stable key for ids and React: a kana row ("あ"), a letter ("A"), "latin" or "other". */
  key: string;
  items: T[];
}

/** The ten rows of the kana table, each named by its first kana. */
const KANA_ROWS: readonly [string, string][] = [
  ['あ', 'あいうえおぁぃぅぇぉゔ'],
  ['か', 'かきくけこがぎぐげごゕゖ'],
  ['さ', 'さしすせそざじずぜぞ'],
  ['た', 'たちつてとだぢづでどっ'],
  ['な', 'なにぬねの'],
  ['は', 'はひふへほばびぶべぼぱぴぷぺぽ'],
  ['ま', 'まみむめも'],
  ['や', 'やゆよゃゅょ'],
  ['ら', 'らりるれろ'],
  ['わ', 'わゐゑをんゎ'],
];

/** Romanised row names, for headings in the English UI. */
export const KANA_ROW_LATIN: Readonly<Record<string, string>> = {
  あ: 'a',
  か: 'ka',
  さ: 'sa',
  た: 'ta',
  な: 'na',
  は: 'ha',
  ま: 'ma',
  や: 'ya',
  ら: 'ra',
  わ: 'wa',
};

/** Katakana to hiragana (the blocks are 0x60 apart), so both file under one row. */
function toHiragana(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : char;
}

/** The row a reading (or a term without one) files under: a kana row, "latin" or "other" (kanji without a reading). */
export function kanaSectionKey(text: string): string {
  const first = toHiragana(text.trim().charAt(0));
  if (/[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/.test(first)) return 'latin';
  for (const [row, members] of KANA_ROWS) if (members.includes(first)) return row;
  return 'other';
}

/** The letter an English term files under, or "other" for digits and symbols. */
export function alphaSectionKey(text: string): string {
  const first = text.trim().charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : 'other';
}

/** Consecutive items with the same key form one section; the order of the items is kept. */
export function groupSections<T>(items: readonly T[], keyOf: (item: T) => string): GlossarySection<T>[] {
  const sections: GlossarySection<T>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = sections.at(-1);
    if (last && last.key === key) last.items.push(item);
    else sections.push({ key, items: [item] });
  }
  return sections;
}
