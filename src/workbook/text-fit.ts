/**
 * How tall a wrapped cell is, estimated without a font renderer.
 *
 * Spreadsheet programs do not grow a row for wrapped text in a file they did
 * not lay out themselves (Excel never on opening, LibreOffice not for rows of
 * an xlsx), so the writer sets every row's height from this estimate. It errs
 * on the tall side: a little white space costs less than a cut-off criterion.
 */

/** Excel refuses taller rows (409 pt). */
export const MAX_ROW_HEIGHT = 409;

/**
 * Pixels per unit of column width: the maximum digit width of the workbook's
 * default font (Calibri 11 in exceljs's styles, 7 px at 96 dpi). Programs
 * that substitute a wider default font show wider columns, never narrower.
 */
export const PX_PER_WIDTH_UNIT = 7;

/** Cell padding left and right, in pixels, and above and below, in points. */
const CELL_PADDING_PX = 6;
const CELL_PADDING_PT = 4;

/**
 * Line height as a multiple of the font size. MS PGothic lines are 1.23 em,
 * Noto Sans CJK (LibreOffice's fallback on Linux) 1.45 em, Hiragino 1.5 em.
 */
const LINE_HEIGHT = 1.5;

/**
 * Share of a line that wrapped text is assumed to fill: Japanese line-break
 * rules (no 。、」 at a line's start) and word wrap of Latin text leave a
 * line's end empty, and proportional Latin letters such as W and M are wider
 * than half an em.
 */
const FILL = 0.9;

/** East Asian wide and full-width characters take two half-width cells. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** Half-width cells a character takes: 2 for East Asian wide and full-width characters, else 1. */
export function charCells(ch: string): 1 | 2 {
  return WIDE.test(ch) ? 2 : 1;
}

/** Half-width characters that fit on one line of a column of the given width at the given font size. */
export function lineCapacity(columnWidth: number, fontSize: number): number {
  const usablePx = columnWidth * PX_PER_WIDTH_UNIT - CELL_PADDING_PX;
  const halfWidthPx = (fontSize * 4) / 3 / 2;
  return Math.max(1, Math.floor((usablePx / halfWidthPx) * FILL));
}

/**
 * Lines the text takes when wrapped at `capacity` half-width cells: explicit
 * line breaks start a new line; Latin words move whole to the next line
 * unless longer than a line; East Asian characters break anywhere.
 */
export function wrappedLineCount(text: string, capacity: number): number {
  return text.split(/\r?\n/).reduce((sum, paragraph) => sum + paragraphLines(paragraph, capacity), 0);
}

function paragraphLines(paragraph: string, capacity: number): number {
  let lines = 1;
  let used = 0;
  for (const token of tokens(paragraph)) {
    const width = [...token].reduce((w, ch) => w + charCells(ch), 0);
    if (token === ' ') {
      if (used > 0 && used < capacity) used += 1;
      continue;
    }
    if (used + width <= capacity) {
      used += width;
    } else if (width <= capacity) {
      lines += 1;
      used = width;
    } else {
      // A word longer than a line breaks where it must.
      const rest = used + width - capacity;
      lines += Math.ceil(rest / capacity);
      used = rest % capacity || capacity;
    }
  }
  return lines;
}

/** Runs of Latin letters (a word), single spaces, and single East Asian characters. */
function tokens(paragraph: string): string[] {
  return paragraph.match(/ |[^\s\u1100-\u9FFF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+|\S|\s/gu) ?? [];
}

/** What a cell holds, for measuring. */
export interface CellMeasure {
  text: string;
  /** Column width in Excel's units (characters of the default font's digits). */
  width: number;
  fontSize: number;
  wrap: boolean;
}

/** Points a cell needs to show all its text, at least one line. */
export function cellHeight({ text, width, fontSize, wrap }: CellMeasure): number {
  const lines = wrap ? wrappedLineCount(text, lineCapacity(width, fontSize)) : text.split(/\r?\n/).length;
  return Math.ceil(Math.max(1, lines) * fontSize * LINE_HEIGHT + CELL_PADDING_PT);
}

/** The height a row needs for its tallest cell, within Excel's limit. */
export function rowHeight(cells: readonly CellMeasure[], minimum = 0): number {
  const tallest = cells.reduce((h, c) => Math.max(h, c.text === '' ? 0 : cellHeight(c)), minimum);
  return Math.min(MAX_ROW_HEIGHT, tallest);
}

/**
 * Row heights for an item split over several rows (its title, then one row
 * per criterion): each row as tall as its own part, and, where the cells
 * merged over all of them (how to check, evidence, …) need more, the rest
 * spread over the rows, each within Excel's limit; rows are added at the end
 * while that is still not enough.
 */
export function splitHeights(partHeights: readonly number[], mergedHeight: number): number[] {
  const heights = partHeights.map((h) => Math.min(MAX_ROW_HEIGHT, h));
  let deficit = mergedHeight - heights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < heights.length && deficit > 0; i += 1) {
    const add = Math.min(MAX_ROW_HEIGHT - (heights[i] ?? 0), Math.ceil(deficit / (heights.length - i)));
    heights[i] = (heights[i] ?? 0) + add;
    deficit -= add;
  }
  while (deficit > 0) {
    const add = Math.min(MAX_ROW_HEIGHT, deficit);
    heights.push(add);
    deficit -= add;
  }
  return heights;
}
