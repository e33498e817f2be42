/**
 * The normalised, trimmed text of every field, copied side by side into one
 * flat array of UTF-16 units in field order when the index is built. A query
 * compares its phrase with the fields there: reading one array in order is
 * several times faster than reaching each field's own string, scattered in
 * memory by the build. Pure.
 */

export interface FieldTexts {
  units: Uint16Array;
  /** Field f's text is units[starts[f], starts[f + 1]). */
  starts: Uint32Array;
}

/** Copies the texts, in field order. */
export function fieldTexts(texts: readonly string[]): FieldTexts {
  const starts = new Uint32Array(texts.length + 1);
  for (let f = 0; f < texts.length; f++) starts[f + 1] = (starts[f] as number) + (texts[f] as string).length;
  const units = new Uint16Array(starts[texts.length] as number);
  texts.forEach((text, f) => {
    const at = starts[f] as number;
    for (let k = 0; k < text.length; k++) units[at + k] = text.charCodeAt(k);
  });
  return { units, starts };
}

/** A string as UTF-16 units, to compare with field texts. */
export function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) units[k] = text.charCodeAt(k);
  return units;
}

/** Whether field f's text equals `units` (text === value). */
export function textEquals(texts: FieldTexts, f: number, units: Uint16Array): boolean {
  const from = texts.starts[f] as number;
  if ((texts.starts[f + 1] as number) - from !== units.length) return false;
  for (let k = 0; k < units.length; k++) if (texts.units[from + k] !== units[k]) return false;
  return true;
}

/** Whether field f's text contains `units` (text.includes(value)). */
export function textIncludes(texts: FieldTexts, f: number, units: Uint16Array): boolean {
  const n = units.length;
  if (n === 0) return true;
  const all = texts.units;
  const first = units[0] as number;
  const last = (texts.starts[f + 1] as number) - n;
  for (let at = texts.starts[f] as number; at <= last; at++) {
    if (all[at] !== first) continue;
    let k = 1;
    while (k < n && all[at + k] === units[k]) k++;
    if (k === n) return true;
  }
  return false;
}
