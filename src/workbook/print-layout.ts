import type { Font, PageSetup, Worksheet } from 'exceljs';
import { cellText } from './cell-text.js';
import { type CellMeasure, rowHeight } from './text-fit.js';

/**
 * Fonts and print setup shared by every sheet tebiki writes.
 *
 * The font is MS PGothic (ＭＳ Ｐゴシック): on every Japanese Windows, and
 * installed with Microsoft Office on a Mac; its lines are compact (1.23 em).
 * The charset (128, Shift_JIS) and family (3) tell Excel to pick another
 * Japanese font where it is missing; LibreOffice falls back to the system's
 * CJK font (Noto Sans CJK on Debian). Row heights are estimated for the
 * tallest of these (text-fit.ts), so none cuts text off.
 */
export const FONT_NAME = 'MS PGothic';
/** On screen; printed at PRINT_SCALE this is 9 pt. */
export const BODY_SIZE = 10;
/** Printed size never below this. */
export const MIN_PRINTED_SIZE = 9;

export const BODY_FONT: Partial<Font> = { name: FONT_NAME, family: 3, charset: 128, size: BODY_SIZE };

/** A font of the workbook's family, with the given changes (bold, size, colour). */
export const font = (extra: Partial<Font> = {}): Partial<Font> => ({ ...BODY_FONT, ...extra });

/** Margins in inches: narrow at the sides (most printers reach 5 mm), room above and below for the header and footer. */
const MARGINS = { left: 0.25, right: 0.25, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 };

/**
 * Points per unit of column width at the widest a program shows it. The unit
 * is the digit width of the workbook's default font, Calibri 11 (exceljs's
 * styles): Excel rounds it to 7 px (5.25 pt); LibreOffice uses it unrounded
 * (5.58 pt, Calibri or its metric twin Carlito). Page fit is computed with
 * the wider, text wrapping (text-fit.ts) with the narrower.
 */
const PT_PER_WIDTH_UNIT = 5.6;

/** A4 in points. */
const A4 = { portrait: 595, landscape: 842 } as const;

/** Width in points of columns given in Excel's units. */
export const columnsWidthPt = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w * PT_PER_WIDTH_UNIT, 0);

/**
 * Print scale (%) that fits the printed columns onto the page's width, at
 * most 100: body text prints at BODY_SIZE × scale ⁄ 100 points. A fixed scale
 * rather than "fit to page width", because Excel ignores manual page breaks
 * under fit-to-page, and because the column widths are chosen so that the
 * text stays readable (a test keeps it at 9 pt or more).
 */
export function printScale(orientation: 'portrait' | 'landscape', printedWidths: readonly number[]): number {
  const usable = A4[orientation] - (MARGINS.left + MARGINS.right) * 72;
  return Math.min(100, Math.floor((usable / columnsWidthPt(printedWidths)) * 100));
}

/** A4 at a scale that fits the printed columns across, any number of pages down. */
export function a4(orientation: 'portrait' | 'landscape', printedWidths: readonly number[], extra: Partial<PageSetup> = {}): Partial<PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: false,
    scale: printScale(orientation, printedWidths),
    margins: MARGINS,
    horizontalCentered: true,
    ...extra,
  };
}

/** Text inside a header or footer: "&" would start a code. */
const headerText = (s: string) => s.replace(/&/g, '&&').replace(/[\r\n]+/g, ' ');

/**
 * Header: what the workbook is about (product, edition) on the left and the
 * sheet's name on the right; footer: page n / total.
 */
export function setHeaderFooter(sheet: Worksheet, about: string): void {
  // 10 pt, so that it prints at 9 pt or more whatever the sheet's scale.
  const f = `&"${FONT_NAME},Regular"&10`;
  sheet.headerFooter = {
    oddHeader: `&L${f}${headerText(about)}&R${f}&A`,
    oddFooter: `&C${f}&P / &N`,
  };
}

/** What finishSheet leaves alone or measures differently. */
export interface FinishOptions {
  /** Rows that keep the height the caller gave them. */
  keepHeight?: ReadonlySet<number>;
  /** Cells merged across columns ("A12" → 4 columns), measured over the merged width. */
  across?: ReadonlyMap<string, number>;
}

/**
 * Gives every used cell the workbook's font (keeping its bold, size and
 * colour) and every row the height its wrapped text needs.
 */
export function finishSheet(sheet: Worksheet, options: FinishOptions = {}): void {
  const widths: number[] = [];
  for (let c = 1; c <= sheet.columnCount; c += 1) widths.push(sheet.getColumn(c).width ?? 9);
  const span = (from: number, count: number) => widths.slice(from - 1, from - 1 + count).reduce((a, b) => a + b, 0);
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const measures: CellMeasure[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      cell.font = font(cell.font);
      if (cell.isMerged && cell.master !== cell) return;
      measures.push({
        text: cellText(cell.value) ?? '',
        width: span(c, options.across?.get(cell.address) ?? 1),
        fontSize: cell.font?.size ?? BODY_SIZE,
        wrap: cell.alignment?.wrapText === true,
      });
    });
    if (!options.keepHeight?.has(r)) row.height = rowHeight(measures, row.height ?? 0);
  });
}
