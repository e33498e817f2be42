import ExcelJS from 'exceljs';
import { blankAnswers } from '../src/core/assessment/assessment.types.js';
import { generateChecksheet } from '../src/core/assessment/checksheet.js';
import type { Checksheet } from '../src/core/assessment/checksheet.types.js';
import { VERDICTS } from '../src/core/assessment/verdicts.js';
import { readChecksheetWorkbook } from '../src/workbook/read-checksheet-workbook.js';
import { writeChecksheetWorkbook } from '../src/workbook/write-checksheet-workbook.js';
import { bundledEdition } from '../test/helpers/bundled-edition.js';
import { report } from './lib/harness.js';

/**
 * Issue 6: the checksheet workbook of 300 items, filled, written and read back
 * (with styling, validation, formulas and every row checked), beside exceljs
 * writing and reading the same 300×10 cell texts bare, in the same run.
 */
export async function xlsxBench(options: { runs: number }) {
  const checksheet = synthetic(300);
  const answers = blankAnswers(checksheet).map((a, i) => ({
    ...a,
    verdict: VERDICTS[i % VERDICTS.length] ?? 'pass',
    evidence: `証跡 ${i}: 設計書 4.${i % 9} 節、試験報告 TR-${i}`,
    comment: i % VERDICTS.length === 3 ? '該当する機能がない' : '',
  }));
  const writeOptions = { answers, cover: { organisation: 'ベンチ株式会社', product: 'X1' } };
  const bytes = await writeChecksheetWorkbook(checksheet, writeOptions);
  const cells = await bareCells(bytes);

  const rawBytes = await rawWrite(cells);
  const write = await medianMsAsync(() => writeChecksheetWorkbook(checksheet, writeOptions), options.runs);
  const rawWriteMs = await medianMsAsync(() => rawWrite(cells), options.runs);
  const read = await medianMsAsync(() => readChecksheetWorkbook(bytes, checksheet.items), options.runs);
  const rawReadMs = await medianMsAsync(() => rawRead(rawBytes), options.runs);
  const n = checksheet.items.length;
  return [
    report(`xlsx checksheet write (${n} items, filled)`, write, 'ms', 'bare exceljs write 300×10', rawWriteMs),
    report(`xlsx checksheet read+validate (${n} items)`, read, 'ms', 'bare exceljs load+read 300×10', rawReadMs),
    report(`xlsx checksheet write+read (${n} items)`, write + read, 'ms', 'bare exceljs write+read', rawWriteMs + rawReadMs),
  ];
}

/** The bundled edition's checksheet with its items repeated under new ids and numbers up to `count`. */
function synthetic(count: number): Checksheet {
  const base = generateChecksheet(bundledEdition(), { layers: [], phases: [], profile: null, target: null });
  const items = Array.from({ length: count }, (_, i) => {
    const item = base.items[i % base.items.length];
    if (!item) throw new Error('the bundled checksheet is empty');
    const copy = Math.floor(i / base.items.length);
    return copy === 0 ? item : { ...item, requirementId: `${item.requirementId}-x${copy}`, no: `${item.no}.${copy}` };
  });
  return { ...base, items };
}

/** Columns A..J of the checksheet rows as plain texts: what the baseline writes. */
async function bareCells(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('チェックシート');
  if (!sheet) throw new Error('no checksheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    // A cell merged into an empty one has no text (ExcelJS throws on asking): an empty string.
    rows.push(Array.from({ length: 10 }, (_, c) => (row.getCell(c + 1).value == null ? '' : row.getCell(c + 1).text)));
  });
  return rows;
}

async function rawWrite(cells: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('sheet').addRows(cells);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rawRead(bytes: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let chars = 0;
  workbook.getWorksheet('sheet')?.eachRow((row) => {
    for (let c = 1; c <= 10; c++) chars += row.getCell(c).text.length;
  });
  return chars;
}

/** Median wall time of an async fn over `runs` runs after one warm-up, in milliseconds. */
export async function medianMsAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
