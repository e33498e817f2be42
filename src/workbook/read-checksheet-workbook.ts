import type { Workbook, Worksheet } from 'exceljs';
import { DEFECT_LABELS, VERDICT_LABELS } from '../core/vocabulary-labels.js';
import { answerContentProblems, defectNoteProblem, storedAnswerContent, storedDefectNote } from '../core/assessment/answer-rules.js';
import type { AnswerInput } from '../core/assessment/assessment.types.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import { DEFECT_KINDS, type DefectKind, VERDICTS, verdictFromText, defectFromText } from '../core/assessment/verdicts.js';
import { type AppError, type FieldError, type FieldErrorCode, type FieldErrorParams, reason, validationErrors } from '../core/errors.js';
import { controlCharacterProblem } from '../core/text-rules.js';
import { cellText } from './cell-text.js';
import { zipBombProblem } from './zip-guard.js';
import { COLUMN, COLUMNS, type ColumnDef, type ColumnKey, headerMatches, SHEETS, WORKBOOK_FORMAT_VERSION } from './workbook-layout.js';

export interface WorkbookAnswer extends AnswerInput {
  requirementId: string;
  no: string;
  /** The worksheet row it came from (1-based, as Excel shows it). */
  row: number;
  defect: { kind: DefectKind; note: string } | null;
}

/** A warning about a cell or sheet: the import goes on; its code and params let the UI say it in its own language. */
export type WorkbookWarning = FieldError;

export interface WorkbookReading {
  answers: WorkbookAnswer[];
  /** Items that changed since the workbook was exported, items without a row, another edition, and the like. */
  warnings: WorkbookWarning[];
  /** exportedAt: when the workbook was written (ISO 8601), null when unknown. */
  meta: { editionId: string | null; assessmentId: string | null; exportedAt: string | null };
}

/** What the workbook is expected to belong to; a difference is a warning. */
export interface WorkbookExpectation {
  editionId?: string | null;
  assessmentId?: string | null;
}

/** Past this many, the rest of the errors are counted, not listed. */
const MAX_LISTED_ERRORS = 500;

const VERDICT_CHOICES = VERDICTS.map((v) => VERDICT_LABELS[v].ja);
const DEFECT_CHOICES = DEFECT_KINDS.map((d) => DEFECT_LABELS[d].ja);

/**
 * Reads a filled checksheet workbook against the items it must answer. Every
 * row is checked; any bad cell throws AppError('validation-failed') listing
 * each one by row and column, so nothing is stored from a wrong workbook.
 * Rows are matched by the hidden requirement id (K), else by 項番 (A), never
 * by position: an item may span several rows (its cells merged), and rows
 * may be resized, split or merged by the assessor.
 */
export async function readChecksheetWorkbook(data: Uint8Array, items: readonly ChecksheetItem[], expected: WorkbookExpectation = {}): Promise<WorkbookReading> {
  const workbook = await loadWorkbook(data);
  const errors: FieldError[] = [];
  const warnings: WorkbookWarning[] = [];

  const meta = readMeta(workbook, expected, errors, warnings);
  const sheet = workbook.getWorksheet(SHEETS.items);
  if (!sheet) {
    errors.push({
      path: SHEETS.items,
      message: `the workbook has no sheet named ${SHEETS.items}; fill in a checksheet workbook exported by tebiki`,
      ...reason('no-items-sheet', { sheet: SHEETS.items }),
    });
    throw workbookProblems(errors);
  }
  errors.push(...headerProblems(sheet));
  if (errors.length > 0) throw workbookProblems(errors);

  const answers = readRows(sheet, items, errors, warnings);
  if (errors.length > 0) throw workbookProblems(errors);
  return { answers, warnings, meta };
}

async function loadWorkbook(data: Uint8Array): Promise<Workbook> {
  const file = (message: string, code: FieldErrorCode) => validationErrors([{ path: 'file', message, code }], message);
  // xlsx is a zip ("PK\x03\x04"); an encrypted workbook or an old .xls is an OLE file (D0 CF 11 E0).
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw file('the file is a password-protected workbook or an old .xls; remove the password and save it as .xlsx', 'encrypted-workbook');
  }
  if (!(data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04)) {
    throw file('the file is not an xlsx workbook; save it from Excel as .xlsx (Excel ブック)', 'not-xlsx');
  }
  const tooBig = await zipBombProblem(data);
  if (tooBig) throw file(`the file is not a checksheet workbook: ${tooBig}`, 'unsafe-archive');
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // Validations and formatting are not read: the reader needs values only, and a huge validation range would be expanded cell by cell.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture'] });
  } catch {
    throw file('the file is damaged or not an xlsx workbook; open it in Excel, save it as .xlsx and try again', 'damaged-file');
  }
  return workbook;
}

const at = (column: ColumnDef, row: number) => `${SHEETS.items}!${column.letter}${row}`;
/** A bad cell: its place, the English message naming row and column, and the reason (a code, with params where it has some). */
const problem = (column: ColumnDef, row: number, message: string, why: { code: FieldErrorCode; params?: FieldErrorParams }): FieldError => ({
  path: at(column, row),
  message: `row ${row}, column ${column.letter} (${column.header.ja}): ${message}`,
  code: why.code,
  ...(why.params ? { params: why.params } : {}),
});

function headerProblems(sheet: Worksheet): FieldError[] {
  const head = sheet.getRow(1);
  return COLUMNS.flatMap((c, i) => {
    const text = cellText(head.getCell(i + 1).value) ?? '';
    if (headerMatches(text, c)) return [];
    const found = text.trim() === '' ? 'it is blank' : `found "${text.replace(/\n/g, ' ')}"`;
    return [
      problem(
        c,
        1,
        `expected the header ${c.header.ja} (${c.header.en}); ${found}. Columns must not be moved, added or deleted`,
        reason('wrong-header', { expected: c.header.ja, found: text.replace(/\n/g, ' ').trim() }),
      ),
    ];
  });
}

function readRows(sheet: Worksheet, items: readonly ChecksheetItem[], errors: FieldError[], warnings: WorkbookWarning[]): WorkbookAnswer[] {
  const byId = new Map(items.map((i) => [i.requirementId, i] as const));
  const byNo = new Map(items.map((i) => [i.no, i] as const));
  const seen = new Map<string, number>();
  const answers: WorkbookAnswer[] = [];

  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    const raw = {} as Record<ColumnKey, string>;
    for (const c of COLUMNS) {
      const cell = row.getCell(c.letter);
      // A cell merged into one above (an item split over several rows) belongs to that row: blank here.
      const text = cell.isMerged && cell.master !== cell ? '' : cellText(cell.value);
      if (text === undefined) {
        if (c.input || c.key === 'no' || c.key === 'requirementId') {
          errors.push(problem(c, r, 'holds a formula without a calculated value; type the value itself', reason('formula-without-value')));
        }
        raw[c.key] = '';
      } else {
        // Answer text is kept as written, as through the API (core/assessment/answer-rules.ts); the rest is trimmed.
        raw[c.key] = c.key === 'evidence' || c.key === 'comment' ? text : text.trim();
      }
    }
    const identity = [raw.no, raw.requirementId];
    const inputs = [raw.verdict, raw.evidence, raw.comment, raw.defect];
    if (identity.every((t) => t === '') && inputs.every((t) => t === '')) return;
    if (identity.every((t) => t === '')) {
      errors.push(
        problem(COLUMN.no, r, 'has no 項番, so the answer on this row belongs to no item; answer on the item’s own row', reason('row-without-number')),
      );
      return;
    }

    const item = identify(raw, r, byId, byNo, errors);
    if (!item) return;
    const first = seen.get(item.requirementId);
    if (first !== undefined) {
      errors.push(
        problem(
          COLUMN.no,
          r,
          `項番 ${item.no} appears again (first on row ${first}); keep one row per item`,
          reason('duplicate-item-row', { no: item.no, firstRow: first }),
        ),
      );
      return;
    }
    seen.set(item.requirementId, r);
    if (raw.hash !== '' && raw.hash !== item.hash) {
      warnings.push({
        path: at(COLUMN.no, r),
        message: `row ${r}, 項番 ${item.no}: the item has changed since this workbook was exported; check the answer against the current item`,
        ...reason('item-changed', { no: item.no, row: r }),
      });
    }

    const answer = readAnswer(raw, r, errors);
    if (answer) answers.push({ requirementId: item.requirementId, no: item.no, row: r, ...answer });
  });

  for (const item of items) {
    if (!seen.has(item.requirementId)) {
      warnings.push({
        path: SHEETS.items,
        message: `項番 ${item.no} has no row in the workbook; its answer is left as it is`,
        ...reason('item-without-row', { no: item.no }),
      });
    }
  }
  return answers;
}

/** The item a row answers: by requirement id (K) when present, which must agree with 項番 (A); else by 項番. */
function identify(
  raw: Record<ColumnKey, string>,
  r: number,
  byId: ReadonlyMap<string, ChecksheetItem>,
  byNo: ReadonlyMap<string, ChecksheetItem>,
  errors: FieldError[],
): ChecksheetItem | undefined {
  if (raw.requirementId !== '') {
    const item = byId.get(raw.requirementId);
    if (!item) {
      errors.push(
        problem(
          COLUMN.requirementId,
          r,
          `requirement id "${raw.requirementId}" is not in this checksheet; was the row copied from another workbook?`,
          reason('unknown-requirement-id', { id: raw.requirementId }),
        ),
      );
      return undefined;
    }
    if (raw.no !== '' && raw.no !== item.no) {
      errors.push(
        problem(
          COLUMN.no,
          r,
          `項番 "${raw.no}" does not match the row's item (requirement id ${item.requirementId} is 項番 ${item.no}); do not edit 項番`,
          reason('number-mismatch', { value: raw.no, id: item.requirementId, no: item.no }),
        ),
      );
      return undefined;
    }
    return item;
  }
  const item = byNo.get(raw.no);
  if (!item) errors.push(problem(COLUMN.no, r, `項番 "${raw.no}" is not in this checksheet`, reason('unknown-number', { value: raw.no })));
  return item;
}

/** The row's answer, or undefined after recording every problem in it: the rules of every answer write (answer-rules.ts), named by cell. */
function readAnswer(raw: Record<ColumnKey, string>, r: number, errors: FieldError[]): Omit<WorkbookAnswer, 'requirementId' | 'no' | 'row'> | undefined {
  const before = errors.length;
  for (const key of ['verdict', 'defect'] as const) {
    const controls = controlCharacterProblem(raw[key], true);
    if (controls) errors.push(problem(COLUMN[key], r, controls.message, controls));
  }
  const verdict = raw.verdict === '' ? 'unassessed' : verdictFromText(raw.verdict);
  if (!verdict && errors.length === before) {
    const why = reason('not-a-verdict', { value: raw.verdict, allowed: VERDICT_CHOICES });
    errors.push(problem(COLUMN.verdict, r, `"${raw.verdict}" is not a verdict; use one of ${VERDICT_CHOICES.join(', ')}`, why));
  }
  const content = storedAnswerContent({ verdict: verdict ?? 'unassessed', evidence: raw.evidence, comment: raw.comment });
  // An unreadable verdict is checked as 未評価, so only the text rules apply to the row.
  for (const p of answerContentProblems(content)) errors.push(problem(COLUMN[p.field], r, p.message, p));
  const defect = raw.defect === '' ? null : readDefect(raw.defect, r, errors);
  if (errors.length > before || !verdict || defect === undefined) return undefined;
  return { verdict, evidence: content.evidence, comment: content.comment, defect };
}

/** 項目への指摘 written as "<kind>: <note>" (full-width colon too); undefined after recording a problem. */
function readDefect(text: string, r: number, errors: FieldError[]): { kind: DefectKind; note: string } | undefined {
  const colon = text.search(/[:：]/);
  const kindText = colon < 0 ? text : text.slice(0, colon);
  const note = colon < 0 ? '' : storedDefectNote(text.slice(colon + 1));
  const kind = defectFromText(kindText);
  if (!kind) {
    const why = reason('not-a-defect-kind', { value: clip(text), allowed: DEFECT_CHOICES });
    errors.push(
      problem(COLUMN.defect, r, `"${clip(text)}" does not start with a kind of flag; write "kind: note" with kind one of ${DEFECT_CHOICES.join(', ')}`, why),
    );
    return undefined;
  }
  if (note === '') {
    errors.push(
      problem(
        COLUMN.defect,
        r,
        `write what is wrong with the item after "${DEFECT_LABELS[kind].ja}:"`,
        reason('defect-note-missing', { kind: DEFECT_LABELS[kind].ja }),
      ),
    );
    return undefined;
  }
  const bad = defectNoteProblem(note);
  if (bad) {
    // A control character is already listed for the whole cell.
    if (!errors.some((e) => e.path === at(COLUMN.defect, r))) errors.push(problem(COLUMN.defect, r, bad.message, bad));
    return undefined;
  }
  return { kind, note };
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** The hidden _tebiki sheet: format version (newer is refused), edition and assessment (a difference is a warning). */
function readMeta(workbook: Workbook, expected: WorkbookExpectation, errors: FieldError[], warnings: WorkbookWarning[]): WorkbookReading['meta'] {
  const sheet = workbook.getWorksheet(SHEETS.meta);
  if (!sheet) {
    warnings.push({
      path: SHEETS.meta,
      message: 'the workbook has no _tebiki sheet, so its edition cannot be checked; rows are matched by 項番',
      ...reason('no-meta-sheet'),
    });
    return { editionId: null, assessmentId: null, exportedAt: null };
  }
  const values = new Map<string, { text: string; row: number }>();
  sheet.eachRow((row, r) => {
    values.set(cellText(row.getCell(1).value) ?? '', { text: (cellText(row.getCell(2).value) ?? '').trim(), row: r });
  });
  const version = values.get('formatVersion');
  if (version && Number(version.text) > WORKBOOK_FORMAT_VERSION) {
    errors.push({
      path: `${SHEETS.meta}!B${version.row}`,
      message: `the workbook has format version ${version.text}, newer than this tebiki reads (${WORKBOOK_FORMAT_VERSION}); update tebiki`,
      ...reason('format-too-new', { version: version.text, supported: WORKBOOK_FORMAT_VERSION }),
    });
  }
  const editionId = values.get('editionId')?.text || null;
  const assessmentId = values.get('assessmentId')?.text || null;
  if (expected.editionId && editionId && editionId !== expected.editionId) {
    warnings.push({
      path: `${SHEETS.meta}!B${values.get('editionId')?.row}`,
      message: `the workbook was exported from edition ${editionId}, not ${expected.editionId}; rows are matched by requirement id and 項番`,
      ...reason('other-edition', { found: editionId, expected: expected.editionId }),
    });
  }
  if (expected.assessmentId && assessmentId && assessmentId !== expected.assessmentId) {
    warnings.push({
      path: `${SHEETS.meta}!B${values.get('assessmentId')?.row}`,
      message: `the workbook was exported from assessment ${assessmentId}, not ${expected.assessmentId}`,
      ...reason('other-assessment', { found: assessmentId, expected: expected.assessmentId }),
    });
  }
  const exported = values.get('exportedAt')?.text ?? '';
  return { editionId, assessmentId, exportedAt: Number.isNaN(Date.parse(exported)) ? null : new Date(exported).toISOString() };
}

function workbookProblems(errors: FieldError[]): AppError {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  if (errors.length > MAX_LISTED_ERRORS)
    listed.push({
      path: SHEETS.items,
      message: `and ${errors.length - MAX_LISTED_ERRORS} more problems not listed`,
      ...reason('more-not-listed', { count: errors.length - MAX_LISTED_ERRORS }),
    });
  const first = errors[0]?.message ?? '';
  const summary = `the checksheet workbook has ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}, so nothing was imported: ${first}${errors.length > 1 ? ' (and more)' : ''}`;
  return validationErrors(listed, summary);
}
