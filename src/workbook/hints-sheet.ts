import type { Workbook } from 'exceljs';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import type { MappingHint } from '../core/attached-text/attached-views.js';
import { a4, finishSheet, font, setHeaderFooter } from './print-layout.js';
import { WORKBOOK_LABELS } from './workbook-labels.js';
import { bilingual, cellSafe, type WorkbookLang } from './workbook-layout.js';
import { BORDER, styleHeader } from './workbook-style.js';

const WIDTHS = [8, 18, 12, 24, 70, 28];

/**
 * 出典の原文: the publisher's English text of every mapped requirement an item
 * reaches (attached NIST catalogs only), with our title and the citation — the
 * printable side of the hint that チェックシート shows beside 確認方法.
 */
export function addHintsSheet(
  workbook: Workbook,
  input: { items: readonly ChecksheetItem[]; hints: ReadonlyMap<string, readonly MappingHint[]>; lang: WorkbookLang; about: string },
): void {
  const { lang } = input;
  const L = WORKBOOK_LABELS;
  const sheet = workbook.addWorksheet(L.hintsSheet.ja, { pageSetup: a4('landscape', WIDTHS, { printTitlesRow: '2:2' }) });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  setHeaderFooter(sheet, input.about);
  sheet.mergeCells(1, 1, 1, WIDTHS.length);
  sheet.getCell(1, 1).value = L.hintsIntro[lang];
  sheet.getCell(1, 1).alignment = { wrapText: true, vertical: 'top' };
  const head = sheet.getRow(2);
  [{ ja: '項番', en: 'No.' }, L.standard, L.requirementIdLabel, L.ourTitle, L.original, L.citation].forEach((label, i) => {
    const cell = head.getCell(i + 1);
    cell.value = bilingual(label, lang);
    styleHeader(cell);
  });
  let r = 3;
  for (const item of input.items) {
    for (const h of input.hints.get(item.requirementId) ?? []) {
      const row = sheet.getRow(r++);
      row.values = [item.no, h.standard, h.requirement, cellSafe(h.title?.[lang] ?? ''), cellSafe(h.statement), cellSafe(h.citation)];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.font = font();
        cell.border = BORDER;
        cell.alignment = { vertical: 'top', wrapText: true };
      });
    }
  }
  finishSheet(sheet, { across: new Map([['A1', WIDTHS.length]]) });
}
