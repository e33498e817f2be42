import type { CellFormulaValue, Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Answer, blankAnswers } from '../../src/core/assessment/assessment.types.js';
import { readChecksheetWorkbook } from '../../src/workbook/read-checksheet-workbook.js';
import { writeChecksheetWorkbook } from '../../src/workbook/write-checksheet-workbook.js';
import { bundledChecksheet, bundledEdition, criteriaText, edit, itemRows, openWorkbook, sheet, workbookRefusal } from './workbook-helpers.js';

const checksheet = bundledChecksheet();
const items = checksheet.items;
const n = items.length;
const now = new Date('2026-12-01T09:00:00Z');
const cover = {
  title: '見守りカメラ X1 診断',
  organisation: '株式会社サンプル',
  product: '見守りカメラ X1',
  productVersion: '2.1',
  assessor: '山田 花子',
  date: '2026-12-01',
  assessmentId: 'asm-1',
};
const blankJa = await writeChecksheetWorkbook(checksheet, { lang: 'ja', cover, now });
const blankEn = await writeChecksheetWorkbook(checksheet, { lang: 'en', cover, now });
/** The row each item starts on (items take one or more rows), and the last row of the checksheet. */
const itemSheet = sheet(await openWorkbook(blankJa), 'チェックシート');
const rows = itemRows(itemSheet);
const last = itemSheet.rowCount;
/** The row of item k. */
const at = (k: number) => rows[k] as number;
/** The same in the English export, whose longer texts split items differently. */
const rowsEn = itemRows(sheet(await openWorkbook(blankEn), 'チェックシート'));
const atEn = (k: number) => rowsEn[k] as number;

const HEADERS_JA = ['項番', 'レイヤー', 'フェーズ', '脅威のカテゴリ', '基準（対策）', '確認方法', '判定', '根拠・エビデンス', '備考', '項目への指摘'];
const VERDICT_LIST = '"適合,一部適合,不適合,対象外,未評価,要確認"';

/** The validation error a read throws. */
const readError = (bytes: Uint8Array, against = items) => workbookRefusal(bytes, against);

const formulaOf = (ws: Worksheet, address: string) => ws.getCell(address).value as CellFormulaValue;

describe('writeChecksheetWorkbook', () => {
  it('has the cover, the checksheet, the summary and a hidden _tebiki sheet', async () => {
    const wb = await openWorkbook(blankJa);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['表紙', 'visible'],
      ['チェックシート', 'visible'],
      ['集計', 'visible'],
      ['_tebiki', 'hidden'],
    ]);
    const meta = sheet(wb, '_tebiki')
      .getSheetValues()
      .map((row) => (Array.isArray(row) ? row.slice(1, 3) : null));
    expect(meta).toContainEqual(['formatVersion', 1]);
    expect(meta).toContainEqual(['editionId', checksheet.edition.id]);
    expect(meta).toContainEqual(['assessmentId', 'asm-1']);
    expect(meta).toContainEqual(['exportedAt', '2026-12-01T09:00:00.000Z']);
  });

  it('lays out チェックシート for printing and filling in: headers, frozen header row, A4 landscape, filter, drop-down, hidden ids', async () => {
    const ws = sheet(await openWorkbook(blankJa), 'チェックシート');
    expect(HEADERS_JA.map((_, i) => ws.getRow(1).getCell(i + 1).value)).toEqual(HEADERS_JA);
    expect(rows).toHaveLength(n);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: false, scale: 90, printTitlesRow: '1:1' });
    expect(ws.autoFilter).toBe(`A1:J${last}`);
    expect(ws.getCell('E2').alignment?.wrapText).toBe(true);
    expect(ws.getColumn('E').width).toBeGreaterThan(ws.getColumn('G').width ?? 0);

    for (const address of ['G2', 'G17', `G${last}`]) {
      expect(ws.getCell(address).dataValidation).toMatchObject({ type: 'list', formulae: [VERDICT_LIST], showErrorMessage: true });
    }
    expect(ws.getCell('H2').dataValidation).toBeUndefined();
    // Answer cells are unlocked and filled; item cells keep the default (locked).
    for (const col of ['G', 'H', 'I', 'J']) {
      expect(ws.getCell(`${col}5`).protection).toMatchObject({ locked: false });
      expect(ws.getCell(`${col}5`).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
    }
    expect(ws.getCell('E5').protection?.locked).not.toBe(false);

    expect(ws.getColumn('K').hidden).toBe(true);
    expect(ws.getColumn('L').hidden).toBe(true);
    const first = items[0];
    if (!first) throw new Error('no items');
    expect(ws.getCell('A2').value).toBe(first.no);
    expect(ws.getCell('K2').value).toBe(first.requirementId);
    expect(ws.getCell('L2').value).toBe(first.hash);
    expect(criteriaText(ws, 2)).toBe(`${first.title.ja}\n${first.criteria.map((c, i) => `${i + 1}. ${c.ja}`).join('\n')}`);
    expect(ws.getCell('F2').text).toContain('方法: ');
    expect(ws.getCell('F2').text).toContain(`1. ${first.method.steps[0]?.ja}`);
    expect(ws.getCell('D2').value).toBe(first.threatCategory.label.ja);
    expect(ws.getCell('G2').value).toBeNull();
  });

  it('sums up with live formulas that carry computed values', async () => {
    const ws = sheet(await openWorkbook(blankJa), '集計');
    const range = `'チェックシート'!$G$2:$G$${last}`;
    expect(ws.getCell('A4').value).toBe('適合');
    expect(formulaOf(ws, 'B4').formula).toBe(`COUNTIF(${range},"適合")`);
    expect(formulaOf(ws, 'B8')).toEqual({ formula: expect.stringContaining(`COUNTIF(${range},"未評価")`), result: n });
    expect(formulaOf(ws, 'B10')).toEqual({ formula: `COUNTA('チェックシート'!$A$2:$A$${last})`, result: n });
    expect(ws.getCell('A11').value).toBe('完了率');
    expect(formulaOf(ws, 'B11').formula).toBe('IF(B10=0,0,(B4+B5+B6+B7)/B10)');
    expect(ws.getCell('A12').value).toBe('スコア');
    expect(formulaOf(ws, 'B12').formula).toBe('IF(B10-B7=0,"-",(B4+0.5*B5)/(B10-B7))');
    // Per layer: COUNTIFS on the label inside the レイヤー cell.
    const layerRows = [17, 18, 19, 20];
    expect(layerRows.map((r) => ws.getCell(`A${r}`).value)).toEqual(['サービス層', 'プラットフォーム層', 'ネットワーク層', 'デバイス層']);
    expect(formulaOf(ws, 'B20')).toEqual({
      formula: `COUNTIFS('チェックシート'!$B$2:$B$${last},"*デバイス層*")`,
      result: items.filter((i) => i.layers.includes('device')).length,
    });
    expect(formulaOf(ws, 'E20').formula).toBe(`COUNTIFS('チェックシート'!$B$2:$B$${last},"*デバイス層*",${range},"不適合")`);
    const phaseCaption = ws.getColumn('A').values.indexOf('フェーズ別');
    expect(phaseCaption).toBeGreaterThan(20);
    expect(ws.getCell(`A${phaseCaption + 2}`).value).toBe('企画');
    expect(formulaOf(ws, `B${phaseCaption + 2}`).result).toBe(items.filter((i) => i.phases.includes('planning')).length);
  });

  it('puts who, what and the verdict legend on the cover', async () => {
    const ws = sheet(await openWorkbook(blankJa), '表紙');
    const texts = ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter((v) => typeof v === 'string') : []));
    for (const expected of [cover.title, cover.organisation, cover.product, '2.1', cover.assessor, cover.date, 'asm-1']) expect(texts).toContain(expected);
    expect(texts).toContain(`${checksheet.edition.id} ${checksheet.edition.title.ja}`);
    for (const [ja, en] of [
      ['適合', 'Pass'],
      ['一部適合', 'Partially met'],
      ['不適合', 'Fail'],
      ['対象外', 'Not applicable'],
      ['未評価', 'Not assessed'],
      ['要確認', 'Needs review'],
    ]) {
      const row = ws.getColumn('A').values.indexOf(ja);
      expect(row, ja).toBeGreaterThan(0);
      expect(ws.getCell(`B${row}`).value).toBe(en);
      expect(String(ws.getCell(`C${row}`).value).length).toBeGreaterThan(5);
      expect(String(ws.getCell(`D${row}`).value).length).toBeGreaterThan(5);
    }
    expect(ws.pageSetup).toMatchObject({ paperSize: 9 });
  });

  it('in English keeps Japanese sheet names and headers first, adds English, and writes the content in English', async () => {
    const wb = await openWorkbook(blankEn);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表紙', 'チェックシート', '集計', '_tebiki']);
    const ws = sheet(wb, 'チェックシート');
    expect(ws.getCell('G1').value).toBe('判定\nVerdict');
    expect(ws.getCell('E1').value).toBe('基準（対策）\nCriteria (countermeasures)');
    expect(ws.getCell('F2').text).toContain('Methods: ');
    const first = items[0];
    expect(ws.getCell('E2').text.startsWith(first?.title.en ?? '-')).toBe(true);
    expect(ws.getCell('G2').dataValidation?.formulae).toEqual([VERDICT_LIST]);
    expect(formulaOf(sheet(wb, '集計'), 'B20').formula).toContain('"*Device layer*"');
  });
});

describe('readChecksheetWorkbook', () => {
  it('reads a blank export as one unassessed answer per item', async () => {
    const reading = await readChecksheetWorkbook(blankJa, items, { editionId: checksheet.edition.id, assessmentId: 'asm-1' });
    expect(reading.answers).toHaveLength(n);
    expect(reading.answers.every((a) => a.verdict === 'unassessed' && a.evidence === '' && a.comment === '' && a.defect === null)).toBe(true);
    expect(reading.answers.map((a) => a.requirementId)).toEqual(items.map((i) => i.requirementId));
    expect(reading.answers[4]).toMatchObject({ row: at(4), no: items[4]?.no });
    expect(reading.warnings).toEqual([]);
    expect(reading.meta).toEqual({ editionId: checksheet.edition.id, assessmentId: 'asm-1', exportedAt: '2026-12-01T09:00:00.000Z' });
  });

  it('reads what an assessor typed: labels in either language, ids, rich text, formulas, defect flags', async () => {
    const filled = await edit(blankEn, (ws) => {
      ws.getCell(`G${atEn(0)}`).value = '適合';
      ws.getCell(`H${atEn(0)}`).value = '設計書 v3 の 4.2 節\n試験報告 TR-12';
      ws.getCell(`G${atEn(1)}`).value = 'Not applicable';
      ws.getCell(`I${atEn(1)}`).value = '無線機能を持たない';
      ws.getCell(`G${atEn(2)}`).value = 'fail';
      ws.getCell(`J${atEn(2)}`).value = '不明確: 手順が曖昧';
      ws.getCell(`G${atEn(3)}`).value = ' 一部適合 ';
      ws.getCell(`H${atEn(3)}`).value = { richText: [{ text: '太字の', font: { bold: true } }, { text: '根拠' }] };
      ws.getCell(`G${atEn(4)}`).value = { formula: '"要確認"', result: '要確認' };
      ws.getCell(`J${atEn(4)}`).value = 'too strict：小規模製品には過大';
      ws.getCell(`I${atEn(5)}`).value = 'メモだけ';
    });
    const reading = await readChecksheetWorkbook(filled, items);
    const byRow = new Map(reading.answers.map((a) => [a.row, a]));
    expect(byRow.get(atEn(0))).toMatchObject({ verdict: 'pass', evidence: '設計書 v3 の 4.2 節\n試験報告 TR-12', comment: '', defect: null });
    expect(byRow.get(atEn(1))).toMatchObject({ verdict: 'not-applicable', comment: '無線機能を持たない' });
    expect(byRow.get(atEn(2))).toMatchObject({ verdict: 'fail', defect: { kind: 'unclear', note: '手順が曖昧' } });
    expect(byRow.get(atEn(3))).toMatchObject({ verdict: 'partial', evidence: '太字の根拠' });
    expect(byRow.get(atEn(4))).toMatchObject({ verdict: 'needs-review', defect: { kind: 'too-strict', note: '小規模製品には過大' } });
    expect(byRow.get(atEn(5))).toMatchObject({ verdict: 'unassessed', comment: 'メモだけ' });
    expect(byRow.get(atEn(6))).toMatchObject({ verdict: 'unassessed', requirementId: items[6]?.requirementId });
    expect(reading.answers).toHaveLength(n);
  });

  it('lists every bad cell by row and column, with the row and column G (判定) named, and imports nothing', async () => {
    const other = items[30];
    if (!other) throw new Error('too few items');
    const bad = await edit(blankJa, (ws) => {
      ws.getCell(`G${at(15)}`).value = '合格';
      ws.getCell(`G${at(18)}`).value = '対象外';
      ws.getCell(`J${at(23)}`).value = '要望: もっと具体的に';
      ws.getCell(`H${at(28)}`).value = 'x'.repeat(10_001);
      // How Excel stores a control character (BEL) typed into a cell.
      ws.getCell(`I${at(29)}`).value = 'ベル_x0007_文字';
      ws.getCell(`A${at(38)}`).value = 'Z-99.9';
      ws.getCell(`K${at(38)}`).value = null;
      ws.getCell(`J${at(39)}`).value = '誤り';
      // The same item twice: a copied row at the end.
      ws.getRow(last + 2).values = [other.no, '', '', '', '', '', '適合', '', '', '', other.requirementId, other.hash];
      // An answer on a row that names no item.
      ws.getCell(`G${last + 3}`).value = '適合';
    });
    const error = await readError(bad);
    expect(error.code).toBe('validation-failed');
    expect(error.errors?.[0]).toEqual({
      path: `チェックシート!G${at(15)}`,
      message: `row ${at(15)}, column G (判定): "合格" is not a verdict; use one of 適合, 一部適合, 不適合, 対象外, 未評価, 要確認`,
      code: 'not-a-verdict',
      params: { value: '合格', allowed: ['適合', '一部適合', '不適合', '対象外', '未評価', '要確認'] },
    });
    expect(error.message).toContain('has 9 problems');
    expect(error.message).toContain(`row ${at(15)}, column G (判定)`);
    expect(error.errors?.map((e) => e.path)).toEqual([
      `チェックシート!G${at(15)}`,
      `チェックシート!I${at(18)}`,
      `チェックシート!J${at(23)}`,
      `チェックシート!H${at(28)}`,
      `チェックシート!I${at(29)}`,
      `チェックシート!A${at(38)}`,
      `チェックシート!J${at(39)}`,
      `チェックシート!A${last + 2}`,
      `チェックシート!A${last + 3}`,
    ]);
    const messages = error.errors?.map((e) => e.message) ?? [];
    expect(messages[1]).toBe(`row ${at(18)}, column I (備考): a reason is required for 対象外 (not applicable): write it in 備考 (comment)`);
    expect(messages[2]).toMatch(
      new RegExp(`^row ${at(23)}, column J \\(項目への指摘\\): "要望: もっと具体的に" does not start with a kind of flag; .*不明確, 誤り, 不足, 厳しすぎる$`),
    );
    expect(messages[3]).toBe(`row ${at(28)}, column H (根拠・エビデンス): is 10,001 characters long; the limit is 10,000`);
    expect(messages[4]).toBe(`row ${at(29)}, column I (備考): contains a control character (U+0007); remove it`);
    expect(messages[5]).toBe(`row ${at(38)}, column A (項番): 項番 "Z-99.9" is not in this checksheet`);
    expect(messages[6]).toMatch(new RegExp(`^row ${at(39)}, column J \\(項目への指摘\\): write what is wrong`));
    expect(messages[7]).toBe(`row ${last + 2}, column A (項番): 項番 ${other.no} appears again (first on row ${at(30)}); keep one row per item`);
    expect(messages[8]).toMatch(new RegExp(`^row ${last + 3}, column A \\(項番\\): has no 項番`));
    // Each kind has its own code, and the params the UI puts into its own sentence.
    expect(error.errors?.slice(1).map((e) => ({ code: e.code, params: e.params }))).toEqual([
      { code: 'required', params: undefined },
      { code: 'not-a-defect-kind', params: { value: '要望: もっと具体的に', allowed: ['不明確', '誤り', '不足', '厳しすぎる'] } },
      { code: 'too-long', params: { limit: 10_000 } },
      { code: 'control-characters', params: undefined },
      { code: 'unknown-number', params: { value: 'Z-99.9' } },
      { code: 'defect-note-missing', params: { kind: '誤り' } },
      { code: 'duplicate-item-row', params: { no: other.no, firstRow: at(30) } },
      { code: 'row-without-number', params: undefined },
    ]);
  });

  it('refuses a row whose 項番 and hidden requirement id disagree, or whose requirement id is unknown', async () => {
    const bad = await edit(blankJa, (ws) => {
      ws.getCell(`A${at(1)}`).value = items[5]?.no ?? '';
      ws.getCell(`K${at(2)}`).value = 'no-such-requirement';
    });
    const error = await readError(bad);
    expect(error.errors).toEqual([
      {
        path: `チェックシート!A${at(1)}`,
        message: `row ${at(1)}, column A (項番): 項番 "${items[5]?.no}" does not match the row's item (requirement id ${items[1]?.requirementId} is 項番 ${items[1]?.no}); do not edit 項番`,
        code: 'number-mismatch',
        params: { value: items[5]?.no, id: items[1]?.requirementId, no: items[1]?.no },
      },
      {
        path: `チェックシート!K${at(2)}`,
        message: `row ${at(2)}, column K (要求事項ID): requirement id "no-such-requirement" is not in this checksheet; was the row copied from another workbook?`,
        code: 'unknown-requirement-id',
        params: { id: 'no-such-requirement' },
      },
    ]);
  });

  it('refuses a workbook without the checksheet sheet or with a changed header', async () => {
    const renamed = await edit(blankJa, (ws) => {
      ws.name = 'Sheet1';
    });
    expect((await readError(renamed)).errors).toEqual([
      {
        path: 'チェックシート',
        message: 'the workbook has no sheet named チェックシート; fill in a checksheet workbook exported by tebiki',
        code: 'no-items-sheet',
        params: { sheet: 'チェックシート' },
      },
    ]);
    const header = await edit(blankJa, (ws) => {
      ws.getCell('G1').value = '結果';
    });
    expect((await readError(header)).errors).toEqual([
      {
        path: 'チェックシート!G1',
        message: 'row 1, column G (判定): expected the header 判定 (Verdict); found "結果". Columns must not be moved, added or deleted',
        code: 'wrong-header',
        params: { expected: '判定', found: '結果' },
      },
    ]);
  });

  it('warns, without refusing, about items changed since the export and another edition', async () => {
    const changed = items.map((i, k) => (k === 15 ? { ...i, hash: 'f'.repeat(64) } : i));
    const reading = await readChecksheetWorkbook(blankJa, changed, { editionId: '2027.1' });
    expect(reading.answers).toHaveLength(n);
    expect(reading.warnings).toEqual([
      {
        path: '_tebiki!B2',
        message: `the workbook was exported from edition ${checksheet.edition.id}, not 2027.1; rows are matched by requirement id and 項番`,
        code: 'other-edition',
        params: { found: checksheet.edition.id, expected: '2027.1' },
      },
      {
        path: `チェックシート!A${at(15)}`,
        message: `row ${at(15)}, 項番 ${items[15]?.no}: the item has changed since this workbook was exported; check the answer against the current item`,
        code: 'item-changed',
        params: { no: items[15]?.no, row: at(15) },
      },
    ]);
  });

  it('warns about items the workbook has no row for', async () => {
    const fewer = await edit(blankJa, (ws) => {
      // The item's rows deleted, as Excel deletes a merged range: its cells and the merge go.
      for (let r = at(1); r < at(2); r += 1) ws.getRow(r).values = [];
      ws.unMergeCells(`A${at(1)}:A${at(2) - 1}`);
    });
    const reading = await readChecksheetWorkbook(fewer, items);
    expect(reading.answers).toHaveLength(n - 1);
    expect(reading.warnings).toEqual([
      {
        path: 'チェックシート',
        message: `項番 ${items[1]?.no} has no row in the workbook; its answer is left as it is`,
        code: 'item-without-row',
        params: { no: items[1]?.no },
      },
    ]);
  });

  it('refuses a file that is not an xlsx workbook, or a damaged one, with a clear error', async () => {
    const notXlsx = await readError(new TextEncoder().encode('項番,判定\nP-1.1,適合\n'));
    expect(notXlsx.code).toBe('validation-failed');
    expect(notXlsx.errors).toEqual([{ path: 'file', message: expect.stringContaining('not an xlsx workbook'), code: 'not-xlsx' }]);
    const truncated = await readError(blankJa.subarray(0, Math.floor(blankJa.length / 2)));
    expect(truncated.errors).toEqual([{ path: 'file', message: expect.stringContaining('damaged'), code: 'damaged-file' }]);
    const ole = await readError(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(ole.errors?.[0]).toMatchObject({ message: expect.stringContaining('password'), code: 'encrypted-workbook' });
  });

  it('refuses, before unpacking, a zip that declares a huge content (a zip bomb)', async () => {
    const bomb = Uint8Array.from(blankJa);
    const view = new DataView(bomb.buffer);
    // Declare the first central directory entry 512 MB unpacked.
    const eocd = bomb.byteLength - 22;
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    const first = view.getUint32(eocd + 16, true);
    view.setUint32(first + 24, 512 * 1024 * 1024, true);
    expect((await readError(bomb)).errors).toEqual([
      { path: 'file', message: 'the file is not a checksheet workbook: it would unpack to more than 256 MB', code: 'unsafe-archive' },
    ]);
  });

  it('refuses a formula whose value was never calculated', async () => {
    const bad = await edit(blankJa, (ws) => {
      ws.getCell(`G${at(7)}`).value = { formula: 'IF(TRUE,"適合","")' };
    });
    expect((await readError(bad)).errors).toEqual([
      {
        path: `チェックシート!G${at(7)}`,
        message: `row ${at(7)}, column G (判定): holds a formula without a calculated value; type the value itself`,
        code: 'formula-without-value',
      },
    ]);
  });
});

describe('filled export round trip', () => {
  const answers: Answer[] = blankAnswers(checksheet).map((a, k) => {
    switch (k % 6) {
      case 0:
        // Text that looks like a formula or an OOXML escape stays text.
        return { ...a, verdict: 'pass', evidence: `証跡 ${k}\n=SUM(A1:A9) _x0041_` };
      case 1:
        return { ...a, verdict: 'partial', evidence: 'ログ設定の一部', comment: '次版で対応' };
      case 2:
        return { ...a, verdict: 'fail', defect: { kind: 'unclear', note: '手順が曖昧', proposalId: 'p-1' } };
      case 3:
        return { ...a, verdict: 'not-applicable', comment: '該当する機能がない' };
      case 4:
        return { ...a, verdict: 'needs-review', previousVerdict: 'pass', review: 'changed' };
      default:
        return a;
    }
  });

  it('prefills 判定, evidence, comment and the flag, sums them up, and reads them back unchanged', async () => {
    const bytes = await writeChecksheetWorkbook(checksheet, { answers, cover, now });
    const wb = await openWorkbook(bytes);
    const ws = sheet(wb, 'チェックシート');
    expect(ws.getCell(`G${at(0)}`).value).toBe('適合');
    expect(ws.getCell(`G${at(2)}`).value).toBe('不適合');
    expect(ws.getCell(`J${at(2)}`).value).toBe('不明確: 手順が曖昧');
    expect(ws.getCell(`G${at(5)}`).value).toBeNull();

    const summary = sheet(wb, '集計');
    const count = (v: string) => answers.filter((a) => a.verdict === v).length;
    expect(formulaOf(summary, 'B4').result).toBe(count('pass'));
    expect(formulaOf(summary, 'B5').result).toBe(count('partial'));
    expect(formulaOf(summary, 'B7').result).toBe(count('not-applicable'));
    expect(formulaOf(summary, 'B8').result).toBe(count('unassessed'));
    expect(formulaOf(summary, 'B12').result).toBeCloseTo((count('pass') + count('partial') / 2) / (n - count('not-applicable')), 10);

    const reading = await readChecksheetWorkbook(bytes, items);
    expect(reading.warnings).toEqual([]);
    expect(
      reading.answers.map(({ requirementId, no, verdict, evidence, comment, defect }) => ({ requirementId, no, verdict, evidence, comment, defect })),
    ).toEqual(
      answers.map(({ requirementId, no, verdict, evidence, comment, defect }) => ({
        requirementId,
        no,
        verdict,
        evidence,
        comment,
        defect: defect ? { kind: defect.kind, note: defect.note } : null,
      })),
    );
  });
});

describe('workbook edge cases', () => {
  it('keeps every layer and phase label out of the others, so the 集計 "*label*" counts find exactly their items', () => {
    const { taxonomy } = bundledEdition();
    for (const table of [taxonomy.layers, taxonomy.phases]) {
      for (const lang of ['ja', 'en'] as const) {
        const labels = table.map((l) => l.label[lang]);
        for (const a of labels) for (const b of labels) if (a !== b) expect(b.includes(a), `${a} in ${b}`).toBe(false);
      }
    }
  });

  it('words layers and phases as the edition does (an editor may reword them)', async () => {
    const renamed = {
      ...checksheet,
      labels: {
        ...checksheet.labels,
        layers: checksheet.labels.layers.map((l) => ({ ...l, label: { ja: `${l.label.ja}（改）`, en: `${l.label.en} (new)` } })),
      },
    };
    const book = await openWorkbook(await writeChecksheetWorkbook(renamed));
    expect(String(sheet(book, 'チェックシート').getCell('B2').value)).toContain('（改）');
  });

  it('writes and reads a checksheet with no items, its summary ranges staying below the header', async () => {
    const empty = { ...checksheet, items: [] };
    const bytes = await writeChecksheetWorkbook(empty, { now });
    const wb = await openWorkbook(bytes);
    expect(formulaOf(sheet(wb, '集計'), 'B10').formula).toBe(`COUNTA('チェックシート'!$A$2:$A$2)`);
    expect(formulaOf(sheet(wb, '集計'), 'B12').result).toBe('-');
    const reading = await readChecksheetWorkbook(bytes, []);
    expect(reading.answers).toEqual([]);
  });

  it('accepts headers in English only and ignores blank rows', async () => {
    const english = await edit(blankJa, (ws) => {
      for (const [i, header] of [
        'No.',
        'Layer',
        'Phase',
        'Threat category',
        'Criteria (countermeasures)',
        'How to check',
        'Verdict',
        'Evidence',
        'Comment',
        'Flag on the item',
      ].entries()) {
        ws.getRow(1).getCell(i + 1).value = header;
      }
      ws.getCell(`B${last + 4}`).value = 'メモ';
    });
    const reading = await readChecksheetWorkbook(english, items);
    expect(reading.answers).toHaveLength(n);
  });
});
