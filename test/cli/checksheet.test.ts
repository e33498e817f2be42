import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { itemRows } from '../workbook/workbook-helpers.js';

const content = ['--content', defaultContentDir()];
const dir = tempDir();
afterAll(() => dir.remove());

const json = async (args: string[]) => {
  const r = await runCli(['checksheet', ...content, ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { format: string; items: { no: string; layers: string[]; phases: string[]; targetLinks: unknown[] }[]; excluded: unknown[] };
};

describe('bin/tebiki checksheet', () => {
  it('json: filters by layer and phase, every item in one of each', async () => {
    const sheet = await json(['--layer', 'device', '--layer', 'network', '--phase', 'operation']);
    expect(sheet.format).toBe('tebiki-checksheet/1');
    expect(sheet.items.length).toBeGreaterThan(5);
    for (const i of sheet.items) {
      expect(i.layers.some((l) => l === 'device' || l === 'network')).toBe(true);
      expect(i.phases).toContain('operation');
    }
  });

  it('targets: jc-star-1, iec-62443-4-2 at SL 2, ETSI mandatory', async () => {
    const jc = await json(['--standard', 'jc-star-1']);
    expect(jc.items.length).toBeGreaterThan(0);
    expect(jc.items.every((i) => i.targetLinks.length > 0)).toBe(true);
    const sl2 = await json(['--standard', 'iec-62443-4-2', '--sl', '2']);
    const sl4 = await json(['--standard', 'iec-62443-4-2', '--sl', '4']);
    expect(sl2.items.length).toBeLessThan(sl4.items.length);
    const mandatory = await json(['--standard', 'etsi-en-303-645', '--mandatory']);
    const etsi = await json(['--standard', 'etsi-en-303-645']);
    expect(mandatory.items.length).toBeLessThan(etsi.items.length);
  });

  it('a profile leaves out items whose conditions the product does not meet', async () => {
    const profile = join(dir.path, 'profile.yaml');
    writeFileSync(profile, 'conditions: [has-web-ui]\n');
    const sheet = await json(['--profile', profile]);
    const full = await json([]);
    expect(sheet.excluded.length).toBeGreaterThan(0);
    expect(sheet.items.length + sheet.excluded.length).toBe(full.items.length);
  });

  it('csv: UTF-8 with BOM, Japanese headers, CRLF, one row per item', async () => {
    const r = await runCli(['checksheet', ...content, '--standard', 'jc-star-1', '--format', 'csv']);
    const jc = await json(['--standard', 'jc-star-1']);
    expect(r.stdout.startsWith('\uFEFF項番,レイヤー,フェーズ,脅威のカテゴリ,基準（対策）,確認方法,判定,根拠・エビデンス,備考,項目への指摘')).toBe(true);
    const rows = r.stdout.split('\r\n').filter((line) => /^[A-Z]-\d/.test(line));
    expect(rows.map((line) => line.split(',')[0])).toEqual(jc.items.map((i) => i.no));
  });

  it('xlsx through the real executable: a workbook with the check items in order', async () => {
    const out = join(dir.path, 'sheet.xlsx');
    const r = runBin(['checksheet', ...content, '--standard', 'jc-star-1', '--format', 'xlsx', '--out', out]);
    expect(r.stderr).toMatch(/items from edition 2026\.2/);
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('チェックシート');
    const jc = await json(['--standard', 'jc-star-1']);
    if (!sheet) throw new Error('no チェックシート');
    // An item may take several rows (its cells merged): one 項番 per item, at the row it starts on.
    const numbers = itemRows(sheet).map((r) => String(sheet.getCell(`A${r}`).value));
    expect(numbers).toEqual(jc.items.map((i) => i.no));
  });

  it('bad options are usage errors that name the option; nothing is written', async () => {
    const out = join(dir.path, 'never.xlsx');
    const cases: [string[], RegExp][] = [
      [['--standard', 'nope', '--format', 'json'], /--standard: standard "nope" is not in edition/],
      [['--standard', 'etsi-en-303-645', '--sl', '2', '--format', 'json'], /--sl: standard "etsi-en-303-645" has no security levels/],
      [['--sl', '2', '--format', 'json'], /need --standard/],
      [['--layer', 'cloud', '--format', 'json'], /--layer must be/],
      [['--format', 'pdf'], /--format must be xlsx, csv or json/],
      [['--format', 'xlsx'], /--out FILE is required/],
      [['--profile', join(dir.path, 'missing.yaml'), '--format', 'xlsx', '--out', out], /--profile .*missing\.yaml/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['checksheet', ...content, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const badProfile = join(dir.path, 'bad.yaml');
    writeFileSync(badProfile, 'conditions: [has-web-ui, has-jetpack]\n');
    const r = await runCli(['checksheet', ...content, '--profile', badProfile, '--format', 'xlsx', '--out', out]);
    expect(r.stderr).toMatch(/--profile .*bad\.yaml: conditions\[1\]: unknown applicability condition "has-jetpack"/);
    expect(existsSync(out)).toBe(false);
  });
});
