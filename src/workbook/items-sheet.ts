import type { CellRichTextValue, CellValue, Workbook, Worksheet } from 'exceljs';
import type { Answer } from '../core/assessment/assessment.types.js';
import { leadingPhase } from '../core/assessment/checksheet.js';
import type { Checksheet, ChecksheetItem } from '../core/assessment/checksheet.types.js';
import type { MappingHint } from '../core/attached-text/attached-views.js';
import { VERDICTS } from '../core/assessment/verdicts.js';
import { DEFECT_LABELS, VERDICT_LABELS, VERIFICATION_METHOD_LABELS } from '../core/vocabulary-labels.js';
import { a4, BODY_SIZE, font, setHeaderFooter } from './print-layout.js';
import { cellHeight, MAX_ROW_HEIGHT, rowHeight, splitHeights } from './text-fit.js';
import { WORKBOOK_LABELS } from './workbook-labels.js';
import {
  bilingual,
  COLUMN,
  COLUMNS,
  type ColumnDef,
  type ColumnKey,
  cellSafe,
  LABEL_SEPARATOR,
  type LabelTables,
  SHEETS,
  type WorkbookLang,
} from './workbook-layout.js';
import { addRangeValidation, BORDER, INPUT_FILL, styleHeader } from './workbook-style.js';

/** What the items sheet is written from. */
export interface ItemsSheetInput {
  checksheet: Checksheet;
  answers: ReadonlyMap<string, Answer>;
  labels: LabelTables;
  lang: WorkbookLang;
  /** Product and edition, for the printed header. */
  about: string;
  /** The publisher's text of mapped requirements, by requirement id: a line and a note beside 確認方法. */
  hints: ReadonlyMap<string, readonly MappingHint[]>;
}

const PRINTED = COLUMNS.filter((c) => !c.hidden);

/**
 * チェックシート, one item per row, or, where one row would pass Excel's
 * row-height limit, its title and each criterion on rows of their own with
 * the item's other cells merged over them. Each row is as tall as its text.
 * Not sheet-protected: protection without a password guards nothing, and with
 * it Excel refuses sorting, row resizing and pasting over ranges that
 * assessors routinely do. The reader ignores the item texts (B..F) and
 * matches rows by the hidden requirement id, so edits there are harmless; the
 * answer cells are unlocked anyway for whoever protects it.
 * Returns the last row used.
 */
export function addItemsSheet(workbook: Workbook, input: ItemsSheetInput): number {
  const { checksheet, lang } = input;
  const sheet = workbook.addWorksheet(SHEETS.items, {
    // 項番 and the header stay in view while scrolling.
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'G2' }],
    pageSetup: a4(
      'landscape',
      PRINTED.map((c) => c.width),
      { printTitlesRow: '1:1' },
    ),
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden }));
  setHeaderFooter(sheet, input.about);
  writeHeader(sheet, lang);

  const page = pageBody(sheet);
  let next = 2;
  let used = 0;
  let phase: string | undefined;
  for (const item of checksheet.items) {
    const itemPhase = leadingPhase(item, checksheet.spec);
    const plan = planItem(item, input);
    const height = plan.heights.reduce((a, b) => a + b, 0);
    // Each phase starts on a new page, and an item that fits on a page is not cut by a page break:
    // a cell merged over rows on two pages loses text where the page ends.
    const newPhase = phase !== undefined && itemPhase !== phase;
    if (next > 2 && (newPhase || (used > 0 && used + height > page && height <= page))) {
      sheet.getRow(next - 1).addPageBreak();
      used = 0;
    }
    phase = itemPhase;
    for (const h of plan.heights) used = used + h > page ? h : used + h;
    const top = next;
    next = writeItem(sheet, next, plan);
    const itemHints = input.hints.get(item.requirementId);
    if (itemHints) sheet.getCell(top, COLUMNS.indexOf(COLUMN.method) + 1).note = hintNote(itemHints);
  }
  const last = Math.max(next - 1, 2);
  addVerdictChoices(sheet, last);
  sheet.autoFilter = { from: 'A1', to: `${COLUMN.defect.letter}${last}` };
  return last;
}

function writeHeader(sheet: Worksheet, lang: WorkbookLang): void {
  const head = sheet.getRow(1);
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = bilingual(c.header, lang);
    styleHeader(cell);
  });
  head.height = rowHeight(PRINTED.map((c) => ({ text: bilingual(c.header, lang), width: c.width, fontSize: BODY_SIZE, wrap: true })));
}

/** Printed height (pt) under the repeated header on one page, a little short of it for rounding. */
function pageBody(sheet: Worksheet): number {
  const { margins, scale } = sheet.pageSetup;
  const inches = (margins?.top ?? 0.75) + (margins?.bottom ?? 0.75);
  return (A4_SHORT_SIDE - inches * 72) / ((scale ?? 100) / 100) - (sheet.getRow(1).height ?? 0) - 10;
}

/** A4's short side in points: the page height in landscape. */
const A4_SHORT_SIDE = 595;

/** An item's cells and the heights of its rows: one row, or the title and one row per criterion (and more for tall answers). */
interface ItemPlan {
  values: Record<ColumnKey, CellValue>;
  /** 基準（対策） row by row when split; empty when the item takes one row. */
  parts: CellValue[];
  heights: number[];
}

function planItem(item: ChecksheetItem, input: ItemsSheetInput): ItemPlan {
  const values = itemValues(item, input);
  const measure = (c: ColumnDef, value: CellValue) => cellHeight({ text: plain(value), width: c.width, fontSize: BODY_SIZE, wrap: true });
  const whole = Math.max(...PRINTED.map((c) => measure(c, values[c.key])));
  if (whole <= MAX_ROW_HEIGHT) return { values, parts: [], heights: [whole] };
  const parts: CellValue[] = [titleRun(item, input.lang), ...numbered(item.criteria.map((c) => c[input.lang])).map(cellSafe)];
  const merged = Math.max(...PRINTED.filter((c) => c.key !== 'criteria').map((c) => measure(c, values[c.key])));
  return {
    values,
    parts,
    heights: splitHeights(
      parts.map((p) => measure(COLUMN.criteria, p)),
      merged,
    ),
  };
}

/** Writes one item from row `top`; returns the row after it. */
function writeItem(sheet: Worksheet, top: number, { values, parts, heights }: ItemPlan): number {
  if (parts.length === 0) {
    writeRow(sheet, top, values);
    sheet.getRow(top).height = heights[0] ?? MAX_ROW_HEIGHT;
    return top + 1;
  }
  const bottom = top + heights.length - 1;
  heights.forEach((height, i) => {
    writeRow(sheet, top + i, i === 0 ? { ...values, criteria: parts[0] ?? null } : { criteria: parts[i] ?? null });
    sheet.getRow(top + i).height = height;
  });
  COLUMNS.forEach((c, i) => {
    if (c.key !== 'criteria') sheet.mergeCells(top, i + 1, bottom, i + 1);
  });
  // Rows added for a tall answer: the last criterion's cell reaches over them.
  const criteriaCol = COLUMNS.indexOf(COLUMN.criteria) + 1;
  if (bottom > top + parts.length - 1) sheet.mergeCells(top + parts.length - 1, criteriaCol, bottom, criteriaCol);
  return bottom + 1;
}

function writeRow(sheet: Worksheet, r: number, values: Partial<Record<ColumnKey, CellValue>>): void {
  const row = sheet.getRow(r);
  row.values = values;
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    const def = COLUMNS[col - 1];
    cell.font = font();
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: true };
    if (def?.input) {
      cell.fill = INPUT_FILL;
      // Unlocked, so protecting the sheet (Excel: 校閲 > シートの保護) leaves exactly the answer cells editable.
      cell.protection = { locked: false };
    }
  });
}

/** The cell note beside 確認方法: each mapped requirement's original text with its citation (shown on screen; the 出典の原文 sheet prints them). */
function hintNote(hints: readonly MappingHint[]): string {
  return hints.map((h) => `${h.standard} ${h.requirement}\n${h.statement}\n— ${h.citation}`).join('\n\n');
}

function itemValues(item: ChecksheetItem, { answers, labels, lang, hints }: ItemsSheetInput): Record<ColumnKey, CellValue> {
  const answer = answers.get(item.requirementId);
  return {
    no: item.no,
    layers: item.layers.map((l) => labels.layers[l][lang]).join(LABEL_SEPARATOR[lang]),
    phases: item.phases.map((p) => labels.phases[p][lang]).join(LABEL_SEPARATOR[lang]),
    category: cellSafe(item.threatCategory.label[lang]),
    criteria: criteriaCell(item, lang),
    method: cellSafe(
      [
        `${WORKBOOK_LABELS.methods[lang]}: ${item.method.methods.map((m) => VERIFICATION_METHOD_LABELS[m][lang]).join(lang === 'ja' ? '、' : ', ')}`,
        `${WORKBOOK_LABELS.steps[lang]}:`,
        ...numbered(item.method.steps.map((s) => s[lang])),
        ...(hints.has(item.requirementId)
          ? [`${WORKBOOK_LABELS.hintLine[lang]} (${(hints.get(item.requirementId) ?? []).map((h) => h.requirement).join(', ')})`]
          : []),
      ].join('\n'),
    ),
    // Blank stays a truly empty cell (not an empty string), which is what the 集計 COUNTIFS count as 未評価.
    verdict: answer && answer.verdict !== 'unassessed' ? VERDICT_LABELS[answer.verdict].ja : null,
    evidence: orNull(answer?.evidence),
    comment: orNull(answer?.comment),
    defect: answer?.defect ? cellSafe(`${DEFECT_LABELS[answer.defect.kind].ja}: ${answer.defect.note}`) : null,
    requirementId: item.requirementId,
    hash: item.hash,
  };
}

const plain = (value: CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
};

const orNull = (text: string | undefined) => (text ? cellSafe(text) : null);

const numbered = (lines: readonly string[]) => lines.map((line, i) => `${i + 1}. ${line}`);

const titleRun = (item: ChecksheetItem, lang: WorkbookLang): CellRichTextValue => ({
  richText: [{ text: cellSafe(item.title[lang]), font: font({ bold: true }) }],
});

/** The item's title in bold, then its numbered criteria. */
function criteriaCell(item: ChecksheetItem, lang: WorkbookLang): CellRichTextValue {
  return {
    richText: [
      { text: cellSafe(item.title[lang]), font: font({ bold: true }) },
      { text: cellSafe(`\n${numbered(item.criteria.map((c) => c[lang])).join('\n')}`), font: font() },
    ],
  };
}

/** The 判定 drop-down and its colours, over every item row. */
function addVerdictChoices(sheet: Worksheet, last: number): void {
  const verdictRange = `${COLUMN.verdict.letter}2:${COLUMN.verdict.letter}${last}`;
  const choices = VERDICTS.map((v) => VERDICT_LABELS[v].ja);
  addRangeValidation(sheet, verdictRange, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '判定 / Verdict',
    error: `一覧から選んでください: ${choices.join('、')} / Choose one from the list.`,
  });
  sheet.addConditionalFormatting({
    ref: verdictRange,
    rules: [
      verdictColour(1, VERDICT_LABELS.pass.ja, 'FFC6EFCE'),
      verdictColour(2, VERDICT_LABELS.partial.ja, 'FFFFEB9C'),
      verdictColour(3, VERDICT_LABELS.fail.ja, 'FFFFC7CE'),
      verdictColour(4, VERDICT_LABELS['not-applicable'].ja, 'FFD9D9D9'),
      verdictColour(5, VERDICT_LABELS['needs-review'].ja, 'FFF8CBAD'),
    ],
  });
}

function verdictColour(priority: number, label: string, argb: string) {
  return {
    type: 'cellIs' as const,
    operator: 'equal' as const,
    priority,
    formulae: [`"${label}"`],
    style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb } } },
  };
}
