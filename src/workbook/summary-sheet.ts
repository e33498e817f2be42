import type { CellFormulaValue, Workbook, Worksheet } from 'exceljs';
import { VERDICT_LABELS } from '../core/vocabulary-labels.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import { scoreGroup } from '../core/assessment/scores.js';
import { VERDICTS, type Verdict } from '../core/assessment/verdicts.js';
import type { Localized } from '../core/model/edition.schema.js';
import { LAYERS, PHASES } from '../core/taxonomy.js';
import { a4, finishSheet, setHeaderFooter } from './print-layout.js';
import { BORDER, styleHeader, styleLabel } from './workbook-style.js';
import { WORKBOOK_LABELS as L } from './workbook-labels.js';
import { bilingual, COLUMN, type LabelTables, SHEETS, type WorkbookLang } from './workbook-layout.js';

/**
 * 集計: counts per verdict, completion and score, then the same per layer and
 * per phase. Every figure is a live formula over チェックシート (so it follows
 * the assessor's edits) carrying the value computed here, for viewers that do
 * not recalculate.
 */
export interface SummaryInput {
  items: readonly ChecksheetItem[];
  verdicts: ReadonlyMap<string, Verdict>;
  labels: LabelTables;
  lang: WorkbookLang;
  /** Product and edition, for the printed header. */
  about: string;
  /** The last row of チェックシート (items may take several rows); at least 2, so no range turns upside down onto the header. */
  last: number;
}

export function addSummarySheet(workbook: Workbook, { items, verdicts, labels, lang, about, last }: SummaryInput): void {
  const widths = [24, ...Array.from({ length: 9 }, () => 11)];
  const sheet = workbook.addWorksheet(SHEETS.summary, { pageSetup: a4('landscape', widths) });
  sheet.columns = widths.map((width) => ({ width }));
  setHeaderFooter(sheet, about);
  const range = (letter: string) => `'${SHEETS.items}'!$${letter}$2:$${letter}$${last}`;
  const G = range(COLUMN.verdict.letter);
  const A = range(COLUMN.no.letter);
  const all = items.map((i) => verdicts.get(i.requirementId) ?? 'unassessed');
  const overall = scoreGroup('all', { ja: '', en: '' }, all);

  const title = sheet.getCell('A1');
  title.value = bilingual(L.summary, lang);
  title.font = { bold: true, size: 14 };

  header(sheet, 3, [L.verdict, L.count, L.share], lang);
  const totalRow = 4 + VERDICTS.length;
  let row = 4;
  const countCell = new Map<Verdict, string>();
  for (const v of VERDICTS) {
    label(sheet, row, VERDICT_LABELS[v], lang);
    const ja = quote(VERDICT_LABELS[v].ja);
    const formula = v === 'unassessed' ? `COUNTIF(${G},${ja})+COUNTIFS(${A},"<>",${G},"")` : `COUNTIF(${G},${ja})`;
    put(sheet, row, 2, { formula, result: overall.counts[v] });
    put(sheet, row, 3, { formula: `IF($B$${totalRow}=0,0,B${row}/$B$${totalRow})`, result: share(overall.counts[v], overall.counts.total) }, '0.0%');
    countCell.set(v, `B${row}`);
    row += 1;
  }
  label(sheet, totalRow, L.total, lang);
  put(sheet, totalRow, 2, { formula: `COUNTA(${A})`, result: overall.counts.total });
  const c = (v: Verdict) => countCell.get(v) as string;
  const decided = `${c('pass')}+${c('partial')}+${c('fail')}+${c('not-applicable')}`;
  label(sheet, totalRow + 1, L.completion, lang);
  put(sheet, totalRow + 1, 2, { formula: `IF(B${totalRow}=0,0,(${decided})/B${totalRow})`, result: overall.completion }, '0.0%');
  label(sheet, totalRow + 2, L.score, lang);
  put(
    sheet,
    totalRow + 2,
    2,
    {
      formula: `IF(B${totalRow}-${c('not-applicable')}=0,"-",(${c('pass')}+0.5*${c('partial')})/(B${totalRow}-${c('not-applicable')}))`,
      result: overall.score ?? '-',
    },
    '0.0%',
  );
  const across = new Map<string, number>();
  note(sheet, totalRow + 3, bilingual(L.scoreRule, lang).replace('\n', ' / '), widths.length, across);

  row = totalRow + 5;
  const B = range(COLUMN.layers.letter);
  const layers = LAYERS.filter((l) => items.some((i) => i.layers.includes(l))).map((l) => ({
    label: labels.layers[l],
    verdicts: items.filter((i) => i.layers.includes(l)).map((i) => verdicts.get(i.requirementId) ?? 'unassessed'),
  }));
  row = groupTable(sheet, row, L.byLayer, L.layer, B, G, layers, lang) + 1;
  const C = range(COLUMN.phases.letter);
  const phases = PHASES.filter((p) => items.some((i) => i.phases.includes(p))).map((p) => ({
    label: labels.phases[p],
    verdicts: items.filter((i) => i.phases.includes(p)).map((i) => verdicts.get(i.requirementId) ?? 'unassessed'),
  }));
  row = groupTable(sheet, row, L.byPhase, L.phase, C, G, phases, lang);
  note(sheet, row + 1, bilingual(L.multiGroup, lang).replace('\n', ' / '), widths.length, across);
  finishSheet(sheet, { across });
}

/** A sentence across the whole printed width, wrapped. */
function note(sheet: Worksheet, row: number, text: string, columns: number, across: Map<string, number>): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.alignment = { vertical: 'top', wrapText: true };
  sheet.mergeCells(row, 1, row, columns);
  across.set(cell.address, columns);
}

/** One row per group: item count, count per verdict, completion and score, by COUNTIFS on the group's label inside the cell. */
function groupTable(
  sheet: Worksheet,
  startRow: number,
  caption: Localized,
  groupHeader: Localized,
  groupRange: string,
  G: string,
  groups: { label: Localized; verdicts: Verdict[] }[],
  lang: WorkbookLang,
): number {
  sheet.getCell(startRow, 1).value = bilingual(caption, lang).replace('\n', ' / ');
  sheet.getCell(startRow, 1).font = { bold: true, size: 12 };
  const headerRow = startRow + 1;
  header(sheet, headerRow, [groupHeader, L.itemCount, ...VERDICTS.map((v) => VERDICT_LABELS[v]), L.completion, L.score], lang);
  sheet.getRow(headerRow).height = lang === 'en' ? 45 : 20;
  let row = headerRow + 1;
  for (const group of groups) {
    const result = scoreGroup('', group.label, group.verdicts);
    label(sheet, row, group.label, lang, false);
    // The cell may list several labels; "*label*" finds exactly its items as long as no label is part of another (a test keeps the bundled taxonomy so).
    const inGroup = `${groupRange},${quote(`*${group.label[lang]}*`)}`;
    put(sheet, row, 2, { formula: `COUNTIFS(${inGroup})`, result: result.counts.total });
    VERDICTS.forEach((v, i) => {
      const ja = quote(VERDICT_LABELS[v].ja);
      const formula = v === 'unassessed' ? `COUNTIFS(${inGroup},${G},${ja})+COUNTIFS(${inGroup},${G},"")` : `COUNTIFS(${inGroup},${G},${ja})`;
      put(sheet, row, 3 + i, { formula, result: result.counts[v] });
    });
    // Columns: B total, C pass, D partial, E fail, F not-applicable, G unassessed, H needs-review.
    put(sheet, row, 9, { formula: `IF(B${row}=0,0,(C${row}+D${row}+E${row}+F${row})/B${row})`, result: result.completion }, '0.0%');
    put(sheet, row, 10, { formula: `IF(B${row}-F${row}=0,"-",(C${row}+0.5*D${row})/(B${row}-F${row}))`, result: result.score ?? '-' }, '0.0%');
    row += 1;
  }
  return row;
}

/** A string literal inside a formula. */
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

const share = (n: number, total: number) => (total === 0 ? 0 : n / total);

function header(sheet: Worksheet, row: number, labels: Localized[], lang: WorkbookLang): void {
  labels.forEach((l, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = bilingual(l, lang);
    styleHeader(cell);
  });
}

function label(sheet: Worksheet, row: number, text: Localized, lang: WorkbookLang, asLabel = true): void {
  const cell = sheet.getCell(row, 1);
  cell.value = lang === 'ja' ? text.ja : `${text.ja} (${text.en})`;
  if (asLabel) styleLabel(cell);
  else cell.border = BORDER;
}

function put(sheet: Worksheet, row: number, col: number, value: CellFormulaValue, numFmt?: string): void {
  const cell = sheet.getCell(row, col);
  cell.value = value;
  cell.border = BORDER;
  if (numFmt) cell.numFmt = numFmt;
}
