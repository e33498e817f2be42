import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { generateChecksheet } from '../../src/core/assessment/checksheet.js';
import type { Checksheet } from '../../src/core/assessment/checksheet.types.js';
import type { ChecksheetItem } from '../../src/core/assessment/checksheet.types.js';
import { AppError } from '../../src/core/errors.js';
import type { Edition } from '../../src/core/model/edition.schema.js';
import { readChecksheetWorkbook } from '../../src/workbook/read-checksheet-workbook.js';

export function bundledEdition(): Edition {
  const loaded = loadContent(defaultContentDir());
  if (!loaded.ok) throw new Error('bundled content is invalid');
  return loaded.edition;
}

/** The checksheet of every item of the bundled edition. */
export function bundledChecksheet(): Checksheet {
  return generateChecksheet(bundledEdition(), { layers: [], phases: [], profile: null, target: null });
}

/** Opens xlsx bytes with exceljs, as any other program would. */
export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

export function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Edits the チェックシート of a workbook the way an assessor would, and saves it. */
export async function edit(bytes: Uint8Array, change: (items: Worksheet, workbook: Workbook) => void): Promise<Buffer> {
  const workbook = await openWorkbook(bytes);
  change(sheet(workbook, 'チェックシート'), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The row each item starts on in チェックシート, in item order: an item may take several rows (its cells merged). */
export function itemRows(ws: Worksheet): number[] {
  const rows: number[] = [];
  for (let r = 2; r <= ws.rowCount; r += 1) {
    const cell = ws.getCell(`K${r}`);
    if (cell.isMerged && cell.master !== cell) continue;
    if (cell.value) rows.push(r);
  }
  return rows;
}

/** 基準（対策） of the item starting on row `top`, its rows' texts joined by line breaks. */
export function criteriaText(ws: Worksheet, top: number): string {
  const texts = [ws.getCell(`E${top}`).text];
  for (let r = top + 1; r <= ws.rowCount && ws.getCell(`K${r}`).isMerged && Number(ws.getCell(`K${r}`).master.row) === top; r += 1) {
    const cell = ws.getCell(`E${r}`);
    if (!(cell.isMerged && cell.master !== cell)) texts.push(cell.text);
  }
  return texts.join('\n');
}

/** The validation error reading a workbook against these items throws. */
export async function workbookRefusal(bytes: Uint8Array, items: readonly ChecksheetItem[]): Promise<AppError> {
  try {
    await readChecksheetWorkbook(bytes, items);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the workbook was read without an error');
}
