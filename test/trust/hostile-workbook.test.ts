import { deflateRawSync } from 'node:zlib';
import type { CellValue } from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChecksheetItem } from '../../src/core/assessment/checksheet.types.js';
import { AppError } from '../../src/core/errors.js';
import { readChecksheetWorkbook } from '../../src/workbook/read-checksheet-workbook.js';
import { writeChecksheetWorkbook } from '../../src/workbook/write-checksheet-workbook.js';
import { MAX_UNZIPPED_BYTES } from '../../src/workbook/zip-guard.js';
import { bundledChecksheet, edit } from '../workbook/workbook-helpers.js';
import { zip } from '../helpers/zip-builder.js';
import { mutatedBytes, mutatedText, RUNS, xmlNoise } from './hostile-arbitraries.js';

/**
 * Filled checksheet workbooks (xlsx) from outside: whatever the cells, the XML
 * parts or the zip bytes, the reader either reads it or throws
 * validation-failed listing places (file, sheet!cell); never another error.
 * Zip bombs are refused before exceljs inflates anything.
 */
let items: ChecksheetItem[];
let workbook: Buffer;
beforeAll(async () => {
  const checksheet = bundledChecksheet();
  items = checksheet.items.slice(0, 6);
  workbook = await writeChecksheetWorkbook({ ...checksheet, items });
});

async function expectPlaced(data: Uint8Array) {
  const outcome = await readChecksheetWorkbook(data, items).then(
    () => null,
    (err: unknown) => err,
  );
  if (outcome === null) return;
  expect(outcome, String(outcome)).toBeInstanceOf(AppError);
  const error = outcome as AppError;
  expect(error.code).toBe('validation-failed');
  expect(error.errors?.length).toBeGreaterThan(0);
  for (const e of error.errors ?? []) expect(e.path, e.message).toMatch(/^(file$|チェックシート|_tebiki)/);
}

async function refusal(data: Uint8Array): Promise<string> {
  const error = await readChecksheetWorkbook(data, items).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).errors?.[0]?.path).toBe('file');
  return (error as AppError).message;
}

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('適合', '不適合', '一部適合', '対象外', '未評価', '要確認', '誤記', '', ' ', '\u0007', '=1+1'),
  fc.nat({ max: 40_000 }).map((n) => 'あ'.repeat(n)),
  fc.double({ noNaN: false }),
  fc.date({ noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({ formula: 'A1&B1' }, { formula: '1/0', result: { error: '#DIV/0!' } }, { richText: [{ text: '適' }, { text: '合' }] }, { error: '#N/A' }),
  fc.constant({ hyperlink: 'http://127.0.0.1/', text: 'link' }),
) as fc.Arbitrary<CellValue>;

describe('checksheet workbooks with hostile contents', () => {
  it('the unmutated workbook is read', async () => {
    await expect(readChecksheetWorkbook(workbook, items)).resolves.toMatchObject({ answers: expect.any(Array) });
  });

  it('cells anywhere in the items sheet (header, identity, answers) set to odd values', async () => {
    const change = fc.record({ row: fc.integer({ min: 1, max: 30 }), column: fc.integer({ min: 1, max: 12 }), value: cellValue });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        const data = await edit(workbook, (sheet) => {
          for (const c of changes) sheet.getCell(c.row, c.column).value = c.value;
        });
        await expectPlaced(data);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('the XML parts cut, spliced and garbled', async () => {
    const original = await JSZip.loadAsync(workbook);
    const parts = Object.keys(original.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    const texts = new Map(await Promise.all(parts.map(async (p) => [p, (await original.file(p)?.async('string')) ?? ''] as const)));
    const target = fc.constantFrom(...parts).chain((part) => mutatedText(texts.get(part) ?? '', xmlNoise).map((text) => ({ part, text })));
    await fc.assert(
      fc.asyncProperty(target, async ({ part, text }) => {
        const copy = await JSZip.loadAsync(workbook);
        copy.file(part, text);
        await expectPlaced(await copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the zip bytes overwritten or cut short', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBytes(workbook), async (data) => expectPlaced(data)),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('zip bombs and hostile archives are refused before anything is inflated', () => {
  const types = { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' };

  it('an entry that inflates far beyond the size it declares (1 GiB of zeros declared as 1 KiB)', async () => {
    // Made chunk by chunk, so the test itself never holds the gigabyte.
    const deflated = deflatedZeros(1024);
    const message = await refusal(zip([types, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated, declaredSize: 1024 }]));
    expect(message).toMatch(/xl\/worksheets\/sheet1\.xml inflates to more than the 1024 bytes it declares/);
  });

  it('entries declaring more than the limit in total', async () => {
    const half = MAX_UNZIPPED_BYTES / 2 + 1;
    const message = await refusal(zip([types, { name: 'a.xml', data: 'x', declaredSize: half }, { name: 'b.xml', data: 'y', declaredSize: half }]));
    expect(message).toMatch(/would unpack to more than 256 MB/);
  });

  it('a zip64 size (4 GB or more)', async () => {
    expect(await refusal(zip([types, { name: 'big.xml', data: 'x', declaredSize: 0xffffffff }]))).toMatch(/4 GB or more \(big\.xml\)/);
  });

  it('more entries than any workbook holds', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: '', method: 'store' as const }));
    expect(await refusal(zip([types, ...many]))).toMatch(/holds 10002 files/);
  });

  it('entry names that climb out: ../, absolute, backslash, drive letter', async () => {
    for (const name of ['../../evil.xml', 'xl/../../evil.xml', '/etc/cron.d/x', 'xl\\..\\..\\evil', 'C:/evil']) {
      expect(await refusal(zip([types, { name, data: '<a/>' }]))).toMatch(/climbs out of the workbook/);
    }
  });

  it('a workbook inside the workbook (zip in zip) is not opened: it is just an unknown part', async () => {
    const copy = await JSZip.loadAsync(workbook);
    copy.file('xl/embeddings/inner.xlsx', zip([{ name: 'bomb.xml', data: Buffer.alloc(0), deflated: deflatedZeros(64), declaredSize: 10 }]));
    await expect(readChecksheetWorkbook(await copy.generateAsync({ type: 'nodebuffer' }), items)).resolves.toMatchObject({ answers: expect.any(Array) });
  });

  it('deeply nested XML in a sheet is refused as damaged, not a stack overflow', async () => {
    const copy = await JSZip.loadAsync(workbook);
    const sheetPart = Object.keys(copy.files).find((n) => /worksheets\/sheet\d+\.xml$/.test(n)) as string;
    const text = (await copy.file(sheetPart)?.async('string')) ?? '';
    copy.file(sheetPart, text.replace('<sheetData>', `<sheetData>${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}`));
    await expectPlaced(await copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });

  for (const [name, declaration] of [
    ['billion laughs', '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'],
    ['an external entity', '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'],
  ] as const) {
    it(`${name} in a part of the workbook: refused naming the part`, async () => {
      const copy = await JSZip.loadAsync(workbook);
      const shared = (await copy.file('xl/sharedStrings.xml')?.async('string')) ?? '';
      copy.file('xl/sharedStrings.xml', shared.replace('?>', `?>${declaration}`).replace('<t>', '<t>&c;'));
      expect(await refusal(await copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toMatch(
        /xl\/sharedStrings\.xml holds a document type declaration \(DOCTYPE\), which is refused/,
      );
    });
  }
});

/** `mebibytes` MiB of zeros, deflated without ever being held whole. */
function deflatedZeros(mebibytes: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: 2 /* Z_SYNC_FLUSH */ });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mebibytes }, () => chunk), last]);
}
