import ExcelJS from 'exceljs';
import type { CellRichTextValue, Workbook } from 'exceljs';
import type { Answer } from '../core/assessment/assessment.types.js';
import type { Checksheet, ChecksheetItem } from '../core/assessment/checksheet.types.js';
import { verdictsByItem } from '../core/assessment/scores.js';
import { DEFECT_LABELS, VERDICT_LABELS, VERDICTS } from '../core/assessment/verdicts.js';
import { labelsFor } from '../reports/labels.js';
import { addCoverSheet } from './cover-sheet.js';
import { addSummarySheet } from './summary-sheet.js';
import { WORKBOOK_LABELS } from './workbook-labels.js';
import {
  bilingual,
  COLUMN,
  COLUMNS,
  cellSafe,
  LABEL_SEPARATOR,
  type LabelTables,
  labelTables,
  SHEETS,
  WORKBOOK_FORMAT_VERSION,
  type WorkbookLang,
} from './workbook-layout.js';
import { a4, addRangeValidation, BORDER, INPUT_FILL, styleHeader } from './workbook-style.js';

/** What the cover sheet (表紙) shows. */
export interface WorkbookCover {
  title: string;
  organisation: string;
  product: string;
  productVersion: string | null;
  assessor: string | null;
  date: string;
  assessmentId: string | null;
}

export interface WorkbookOptions {
  lang?: WorkbookLang;
  cover?: Partial<WorkbookCover>;
  /** Filled answers, by requirement id (an assessment's export); blank sheet without. */
  answers?: readonly Answer[];
  /** Export time recorded in the hidden _tebiki sheet; now by default. */
  now?: Date;
}

/** Fast deflate: a checksheet's XML compresses nearly as well at level 1, in a fraction of the time (bench/xlsx.bench.ts). */
const WRITE_OPTIONS = { zip: { compression: 'DEFLATE' as const, compressionOptions: { level: 1 } } };

/** An xlsx checksheet: cover, check items (with a verdict drop-down) and a summary with formulas. */
export async function writeChecksheetWorkbook(checksheet: Checksheet, options: WorkbookOptions = {}): Promise<Buffer> {
  const lang = options.lang ?? 'ja';
  const now = options.now ?? new Date();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tebiki';
  workbook.created = now;
  workbook.modified = now;
  const answers = new Map((options.answers ?? []).map((a) => [a.requirementId, a] as const));
  const cover = options.cover ?? {};

  addCoverSheet(workbook, checksheet, cover, lang);
  const labels = labelTables(checksheet.labels);
  addItemsSheet(workbook, checksheet.items, answers, labels, lang);
  addSummarySheet(workbook, checksheet.items, verdictsByItem(checksheet.items, options.answers ?? []), labels, lang);
  addMetaSheet(workbook, checksheet, cover.assessmentId ?? null, lang, now);
  return Buffer.from(await workbook.xlsx.writeBuffer(WRITE_OPTIONS));
}

/**
 * チェックシート. Not sheet-protected: protection without a password guards
 * nothing, and with it Excel refuses sorting, row resizing and pasting over
 * ranges that assessors routinely do. The reader ignores the item texts
 * (B..F) and matches rows by the hidden requirement id, so edits there are
 * harmless; the answer cells are unlocked anyway for whoever protects it.
 */
function addItemsSheet(
  workbook: Workbook,
  items: readonly ChecksheetItem[],
  answers: ReadonlyMap<string, Answer>,
  labels: LabelTables,
  lang: WorkbookLang,
): void {
  const sheet = workbook.addWorksheet(SHEETS.items, {
    // 項番 and the header stay in view while scrolling.
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'G2' }],
    pageSetup: a4('landscape', { printTitlesRow: '1:1' }),
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden }));

  const head = sheet.getRow(1);
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = bilingual(c.header, lang);
    styleHeader(cell);
  });
  head.height = lang === 'en' ? 32 : 20;

  const methodLabels = labelsFor(lang).methods;
  items.forEach((item, index) => {
    const answer = answers.get(item.requirementId);
    const row = sheet.getRow(index + 2);
    row.values = {
      no: item.no,
      layers: item.layers.map((l) => labels.layers[l][lang]).join(LABEL_SEPARATOR[lang]),
      phases: item.phases.map((p) => labels.phases[p][lang]).join(LABEL_SEPARATOR[lang]),
      category: cellSafe(item.threatCategory.label[lang]),
      criteria: criteriaCell(item, lang),
      method: cellSafe(
        [
          `${WORKBOOK_LABELS.methods[lang]}: ${item.method.methods.map((m) => methodLabels[m]).join(lang === 'ja' ? '、' : ', ')}`,
          `${WORKBOOK_LABELS.steps[lang]}:`,
          ...numbered(item.method.steps.map((s) => s[lang])),
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
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const def = COLUMNS[col - 1];
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (def?.input) {
        cell.fill = INPUT_FILL;
        // Unlocked, so protecting the sheet (Excel: 校閲 > シートの保護) leaves exactly the answer cells editable.
        cell.protection = { locked: false };
      }
    });
  });

  const last = Math.max(items.length + 1, 2);
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
  sheet.autoFilter = { from: 'A1', to: `${COLUMN.defect.letter}${last}` };
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

const orNull = (text: string | undefined) => (text ? cellSafe(text) : null);

const numbered = (lines: readonly string[]) => lines.map((line, i) => `${i + 1}. ${line}`);

/** The item's title in bold, then its numbered criteria. */
function criteriaCell(item: ChecksheetItem, lang: WorkbookLang): CellRichTextValue {
  return {
    richText: [{ text: cellSafe(item.title[lang]), font: { bold: true } }, { text: cellSafe(`\n${numbered(item.criteria.map((c) => c[lang])).join('\n')}`) }],
  };
}

/** _tebiki: what the reader needs to recognise the workbook; hidden from the assessor. */
function addMetaSheet(workbook: Workbook, checksheet: Checksheet, assessmentId: string | null, lang: WorkbookLang, now: Date): void {
  const sheet = workbook.addWorksheet(SHEETS.meta, { state: 'hidden' });
  sheet.columns = [{ width: 16 }, { width: 40 }];
  sheet.addRows([
    ['formatVersion', WORKBOOK_FORMAT_VERSION],
    ['editionId', checksheet.edition.id],
    ['assessmentId', assessmentId ?? ''],
    ['exportedAt', now.toISOString()],
    ['lang', lang],
    ['itemCount', checksheet.items.length],
  ]);
}
