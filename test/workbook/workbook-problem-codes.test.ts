import { describe, expect, it } from 'vitest';
import { readChecksheetWorkbook } from '../../src/workbook/read-checksheet-workbook.js';
import { writeChecksheetWorkbook } from '../../src/workbook/write-checksheet-workbook.js';
import { bundledChecksheet, edit, sheet, workbookRefusal } from './workbook-helpers.js';

/**
 * Issue 13: every problem and warning of a filled workbook carries its own
 * code and the params the UI says it with (the bad value, the ids, the count),
 * so no UI needs the reader's English sentence. The cell errors' codes are
 * tested beside their messages in checksheet-workbook.test.ts; these are the
 * rest: the hidden _tebiki sheet and the cut-off list.
 */
const checksheet = bundledChecksheet();
const items = checksheet.items;
const cover = {
  title: '診断',
  organisation: '株式会社サンプル',
  product: 'カメラ',
  productVersion: '1',
  assessor: '山田',
  date: '2026-12-01',
  assessmentId: 'asm-1',
};
const blank = await writeChecksheetWorkbook(checksheet, { lang: 'ja', cover, now: new Date('2026-12-01T09:00:00Z') });

const readError = (bytes: Uint8Array) => workbookRefusal(bytes, items);

describe('codes and params of workbook problems', () => {
  it('warns with a code when the _tebiki sheet is gone, and names both assessments when it is another’s', async () => {
    const withoutMeta = await edit(blank, (_ws, workbook) => {
      workbook.removeWorksheet(sheet(workbook, '_tebiki').id);
    });
    const reading = await readChecksheetWorkbook(withoutMeta, items, { editionId: checksheet.edition.id });
    expect(reading.warnings).toEqual([{ path: '_tebiki', message: expect.stringContaining('no _tebiki sheet'), code: 'no-meta-sheet' }]);

    const other = await readChecksheetWorkbook(blank, items, { assessmentId: 'asm-2' });
    expect(other.warnings).toEqual([
      {
        path: expect.stringMatching(/^_tebiki!B\d+$/),
        message: 'the workbook was exported from assessment asm-1, not asm-2',
        code: 'other-assessment',
        params: { found: 'asm-1', expected: 'asm-2' },
      },
    ]);
  });

  it('refuses a newer workbook format with the version found and the one read', async () => {
    const newer = await edit(blank, (_ws, workbook) => {
      const meta = sheet(workbook, '_tebiki');
      meta.eachRow((row) => {
        if (row.getCell(1).value === 'formatVersion') row.getCell(2).value = 99;
      });
    });
    expect((await readError(newer)).errors).toEqual([
      {
        path: expect.stringMatching(/^_tebiki!B\d+$/),
        message: expect.stringContaining('format version 99'),
        code: 'format-too-new',
        params: { version: '99', supported: 1 },
      },
    ]);
  });

  it('counts the problems past the listed 500 in one entry coded more-not-listed', async () => {
    const many = await edit(blank, (ws) => {
      const start = ws.rowCount + 1;
      for (let k = 0; k < 503; k += 1) ws.getRow(start + k).values = [`Z-${k}`, '', '', '', '', '', '適合'];
    });
    const errors = (await readError(many)).errors ?? [];
    expect(errors).toHaveLength(501);
    expect(errors[0]).toMatchObject({ code: 'unknown-number', params: { value: 'Z-0' } });
    expect(errors[500]).toEqual({ path: 'チェックシート', message: 'and 3 more problems not listed', code: 'more-not-listed', params: { count: 3 } });
  });
});
