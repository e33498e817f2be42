/** Splitting a search snippet at its highlight ranges, for <mark>; pure. */

export interface MarkedPiece {
  text: string;
  marked: boolean;
}

/**
 * Pieces of `text`, marked where the ranges say. Ranges are [start, end) in
 * UTF-16 code units; they are clamped to the text, sorted and merged, so a
 * malformed answer can never drop or repeat text.
 */
export function markRanges(text: string, ranges: readonly (readonly [number, number])[]): MarkedPiece[] {
  const clean = ranges
    .filter(([start, end]) => Number.isInteger(start) && Number.isInteger(end))
    .map(([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const pieces: MarkedPiece[] = [];
  let at = 0;
  for (const [start, end] of clean) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    const last = pieces.at(-1);
    if (last?.marked && from === at) last.text += text.slice(from, end);
    else pieces.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
