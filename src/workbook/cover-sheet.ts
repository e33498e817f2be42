import type { Workbook } from 'exceljs';
import { VERDICT_LABELS } from '../core/vocabulary-labels.js';
import type { Checksheet } from '../core/assessment/checksheet.types.js';
import { VERDICTS } from '../core/assessment/verdicts.js';
import { a4, finishSheet, setHeaderFooter } from './print-layout.js';
import { BORDER, styleHeader, styleLabel } from './workbook-style.js';
import { FILLING_NOTES, VERDICT_MEANINGS, WORKBOOK_LABELS as L } from './workbook-labels.js';
import { SHEETS, bilingual, cellSafe, type WorkbookLang } from './workbook-layout.js';
import type { WorkbookCover } from './write-checksheet-workbook.js';

/** 表紙: who and what the checksheet is for, the verdict legend and how to fill it in. */
export function addCoverSheet(workbook: Workbook, checksheet: Checksheet, cover: Partial<WorkbookCover>, lang: WorkbookLang, about: string): void {
  const widths = [16, 14, 34, 36];
  const sheet = workbook.addWorksheet(SHEETS.cover, { pageSetup: a4('portrait', widths) });
  sheet.columns = widths.map((width) => ({ width }));
  setHeaderFooter(sheet, about);
  // Cells merged across all four columns (notes) or the three value columns (facts), measured over that width.
  const across = new Map<string, number>();

  const title = sheet.getCell('A1');
  title.value = cellSafe(cover.title || bilingual(L.defaultTitle, lang).replace('\n', ' / '));
  title.font = { bold: true, size: 16 };
  title.alignment = { vertical: 'top', wrapText: true };
  sheet.mergeCells(1, 1, 1, 4);
  across.set(title.address, 4);

  const facts: [keyof typeof L, string][] = [
    ['organisation', cover.organisation ?? ''],
    ['product', cover.product ?? ''],
    ['productVersion', cover.productVersion ?? ''],
    ['edition', `${checksheet.edition.id} ${checksheet.edition.title[lang]}`],
    ['assessor', cover.assessor ?? ''],
    ['date', cover.date ?? ''],
    ['assessmentId', cover.assessmentId ?? ''],
    ['itemCount', String(checksheet.items.length)],
  ];
  let row = 3;
  for (const [key, value] of facts) {
    const label = sheet.getCell(row, 1);
    label.value = bilingual(L[key], lang);
    styleLabel(label);
    const cell = sheet.getCell(row, 2);
    cell.value = value ? cellSafe(value) : null;
    cell.alignment = { vertical: 'top', wrapText: true };
    sheet.mergeCells(row, 2, row, 4);
    across.set(cell.address, 3);
    row += 1;
  }

  row += 1;
  sheet.getCell(row, 1).value = bilingual(L.legend, lang);
  sheet.getCell(row, 1).font = { bold: true, size: 12 };
  row += 1;
  ['判定', 'Verdict', '意味', 'Meaning'].forEach((text, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = text;
    styleHeader(cell);
  });
  for (const v of VERDICTS) {
    row += 1;
    const values = [VERDICT_LABELS[v].ja, VERDICT_LABELS[v].en, VERDICT_MEANINGS[v].ja, VERDICT_MEANINGS[v].en];
    values.forEach((text, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = text;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (i === 0) cell.font = { bold: true };
    });
  }

  row += 2;
  sheet.getCell(row, 1).value = bilingual(L.howTo, lang);
  sheet.getCell(row, 1).font = { bold: true, size: 12 };
  for (const note of FILLING_NOTES) {
    row += 1;
    const cell = sheet.getCell(row, 1);
    cell.value = `・${note.ja}${lang === 'en' ? ` / ${note.en}` : ''}`;
    cell.alignment = { vertical: 'top', wrapText: true };
    sheet.mergeCells(row, 1, row, 4);
    across.set(cell.address, 4);
  }
  finishSheet(sheet, { across });
}
