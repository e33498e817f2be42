import { describe, expect, it } from 'vitest';
import { readChecksheetWorkbook } from '../../src/workbook/read-checksheet-workbook.js';
import { cellHeight, charCells, MAX_ROW_HEIGHT, splitHeights, wrappedLineCount } from '../../src/workbook/text-fit.js';
import { writeChecksheetWorkbook } from '../../src/workbook/write-checksheet-workbook.js';
import { bundledChecksheet, edit, itemRows, openWorkbook, sheet } from './workbook-helpers.js';

const checksheet = bundledChecksheet();
const bytes = await writeChecksheetWorkbook(checksheet, { lang: 'ja' });

describe('row heights from wrapped text', () => {
  it('counts East Asian characters as two, wraps Latin words whole, and keeps explicit line breaks', () => {
    expect(charCells('あ')).toBe(2);
    expect(charCells('Ａ')).toBe(2);
    expect(charCells('a')).toBe(1);
    expect(wrappedLineCount('あいうえお', 4)).toBe(3);
    expect(wrappedLineCount('abc defg', 5)).toBe(2);
    expect(wrappedLineCount('a\nb\n\nc', 10)).toBe(4);
    expect(cellHeight({ text: 'あ'.repeat(100), width: 10, fontSize: 10, wrap: true })).toBeGreaterThan(
      cellHeight({ text: 'あ', width: 10, fontSize: 10, wrap: true }) * 10,
    );
  });

  it('splits the height of an item over rows within Excel’s limit, adding rows for a tall answer', () => {
    expect(splitHeights([100, 200], 250)).toEqual([100, 200]);
    expect(splitHeights([100, 100], 400)).toEqual([200, 200]);
    const tall = splitHeights([300, 300], 2000);
    expect(tall.every((h) => h <= MAX_ROW_HEIGHT)).toBe(true);
    expect(tall.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2000);
  });

  it('gives every row of チェックシート a height; items past the limit take a row per criterion with their other cells merged', async () => {
    const ws = sheet(await openWorkbook(bytes), 'チェックシート');
    for (let r = 1; r <= ws.rowCount; r += 1) {
      const h = ws.getRow(r).height;
      expect(h, `row ${r}`).toBeGreaterThan(0);
      expect(h, `row ${r}`).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    }
    const rows = itemRows(ws);
    const split = checksheet.items.findIndex((_, k) => (rows[k + 1] ?? ws.rowCount + 1) - (rows[k] as number) > 1);
    expect(split).toBeGreaterThanOrEqual(0);
    const top = rows[split] as number;
    const item = checksheet.items[split];
    expect(ws.getCell(`E${top + 1}`).text).toBe(`1. ${item?.criteria[0]?.ja}`);
    expect(ws.getCell(`G${top + 1}`).isMerged).toBe(true);
    expect(ws.getCell(`G${top + 1}`).master.address).toBe(`G${top}`);
    expect(ws.getCell('E2').font).toMatchObject({ name: 'MS PGothic', charset: 128, size: 10 });
    expect(ws.headerFooter.oddFooter).toContain('&P / &N');
  });

  it('reads a workbook whose rows were resized and whose split items were unmerged exactly as before', async () => {
    const before = await readChecksheetWorkbook(bytes, checksheet.items);
    const changed = await edit(bytes, (ws) => {
      for (let r = 2; r <= ws.rowCount; r += 1) ws.getRow(r).height = 15;
      const rows = itemRows(ws);
      const top = rows[0] as number;
      const next = rows[1] as number;
      ws.getCell(`G${top}`).value = '適合';
      if (next - top > 1) for (const c of ['A', 'G', 'H', 'K']) ws.unMergeCells(`${c}${top}:${c}${next - 1}`);
    });
    const after = await readChecksheetWorkbook(changed, checksheet.items);
    expect(after.warnings).toEqual([]);
    expect(after.answers.map((a) => a.requirementId)).toEqual(before.answers.map((a) => a.requirementId));
    expect(after.answers[0]?.verdict).toBe('pass');
    expect(after.answers.slice(1)).toEqual(before.answers.slice(1));
  });
});
