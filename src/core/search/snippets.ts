/**
 * Snippets: a short window of a matching text with the query matches marked
 * by offsets. Plain text: whoever shows it escapes it. Pure.
 */

/** Longest snippet window, in UTF-16 units (before the ellipses). */
export const SNIPPET_LENGTH = 120;
/** How much text to keep before the first match when the text is cut. */
const CONTEXT_BEFORE = 30;
/** How far to look for a space to cut at, so Latin words stay whole. */
const WORD_SLACK = 12;
const ELLIPSIS = '…';

/** Sorted, non-overlapping ranges; touching ranges merge. */
export function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const isLowSurrogate = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** Moves a cut so that it never falls inside a surrogate pair (an emoji, a rare kanji). */
function safeCut(text: string, i: number, direction: -1 | 1): number {
  return i > 0 && i < text.length && isLowSurrogate(text, i) ? i + direction : i;
}

function windowAround(text: string, first: [number, number], last: [number, number]): [number, number] {
  let start = Math.max(0, first[0] - CONTEXT_BEFORE);
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end - start < SNIPPET_LENGTH) start = Math.max(0, end - SNIPPET_LENGTH);
  if (first[1] > end) end = first[1];
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space - start <= WORD_SLACK && space < first[0]) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space >= 0 && end - space <= WORD_SLACK && space >= Math.min(last[1], end)) end = space;
  }
  return [safeCut(text, start, -1), safeCut(text, end, 1)];
}

/**
 * The whole text when it is short, else a window around the first match, with
 * "…" where it was cut. Highlights are clipped to the window and given as
 * [start, end) offsets into the returned text.
 */
export function makeSnippet(text: string, ranges: readonly [number, number][]): { text: string; highlights: [number, number][] } {
  const merged = mergeRanges(ranges);
  const first = merged[0];
  if (text.length <= SNIPPET_LENGTH || !first) return { text, highlights: merged };
  const inWindow = merged.filter(([s]) => s < first[0] + SNIPPET_LENGTH);
  const [start, end] = windowAround(text, first, inWindow[inWindow.length - 1] ?? first);
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const highlights: [number, number][] = [];
  for (const [s, e] of merged) {
    const cs = Math.max(s, start);
    const ce = Math.min(e, end);
    if (ce > cs) highlights.push([cs - start + prefix.length, ce - start + prefix.length]);
  }
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, highlights };
}
