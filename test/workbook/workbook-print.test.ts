import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, blankAnswers } from '../../src/core/assessment/assessment.types.js';
import { generateChecksheet, leadingPhase } from '../../src/core/assessment/checksheet.js';
import type { Checksheet } from '../../src/core/assessment/checksheet.types.js';
import { COLUMNS } from '../../src/workbook/workbook-layout.js';
import { writeChecksheetWorkbook } from '../../src/workbook/write-checksheet-workbook.js';
import { type PdfWord, officeToolsPresent, pdfFontSizes, pdfWords, printToPdf, renderPages } from '../helpers/libreoffice.js';
import { tempDir } from '../helpers/temp-dir.js';
import { bundledChecksheet, bundledEdition } from './workbook-helpers.js';

/**
 * The workbooks as an assessor prints them: LibreOffice (Debian's
 * libreoffice-calc-nogui) turns them into PDF, once per workbook for the
 * whole file, and poppler reads back what is on paper.
 */

const ARTIFACTS = resolve('test-artifacts', 'workbook-print');
const PRINTED = COLUMNS.filter((c) => !c.hidden);
const present = officeToolsPresent('the workbook print test');

const jcStar = generateChecksheet(bundledEdition(), { layers: [], phases: [], profile: null, target: { standard: 'jc-star-1' } });
const full = bundledChecksheet();
const cover = { product: '見守りカメラ X1', productVersion: '2.1', organisation: '株式会社サンプル', assessmentId: 'asm-1' };

/** Answers for the filled report: every item answered, some evidence longer than the item's own text (within a page: a spreadsheet cannot carry one cell over pages). */
const answers: Answer[] = blankAnswers(full).map((a, k) => ({
  ...a,
  verdict: k % 3 === 0 ? 'pass' : k % 3 === 1 ? 'partial' : 'fail',
  evidence:
    k % 40 === 0 ? `長い根拠${k}：${'設計書の4.2節と試験報告TR-12の結果を照合し、該当する設定値を確認した。'.repeat(8)}終わり${k}` : `根拠${k}：設計書を確認`,
}));

interface Printed {
  checksheet: Checksheet;
  words: PdfWord[];
  sizes: { page: number; size: number }[];
}

const dir = tempDir('tebiki-print-');
let jc: Printed;
let report: Printed;

beforeAll(async () => {
  if (!present) return;
  const jcFile = join(dir.path, 'jc-star-1.xlsx');
  const reportFile = join(dir.path, 'assessment-report.xlsx');
  writeFileSync(jcFile, await writeChecksheetWorkbook(jcStar, { lang: 'ja' }));
  writeFileSync(reportFile, await writeChecksheetWorkbook(full, { lang: 'ja', cover, answers }));
  const [jcPdf, reportPdf] = await printToPdf([jcFile, reportFile], dir.path);
  if (!jcPdf || !reportPdf) throw new Error('no PDF');
  jc = { checksheet: jcStar, words: await pdfWords(jcPdf), sizes: await pdfFontSizes(jcPdf) };
  report = { checksheet: full, words: await pdfWords(reportPdf), sizes: await pdfFontSizes(reportPdf) };

  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  copyFileSync(jcPdf, join(ARTIFACTS, 'jc-star-1.pdf'));
  copyFileSync(reportPdf, join(ARTIFACTS, 'assessment-report.pdf'));
  const first = firstItemsPage(jc.words);
  const pngs = [
    ...(await renderPages(jcPdf, first, first + 1, ARTIFACTS, 'jc-star-1-checksheet')),
    ...(await renderPages(reportPdf, firstItemsPage(report.words), firstItemsPage(report.words) + 1, ARTIFACTS, 'assessment-report-checksheet')),
  ];
  console.log(`[test] checksheet pages rendered for a person to look at: ${pngs.join(', ')}`);
}, 900_000);

afterAll(() => dir.remove());

/** The sheet a page belongs to: its name is the last word of the printed header. */
const sheetOf = (words: readonly PdfWord[], page: number) => words.filter((w) => w.page === page && w.yMax < 45).sort((a, b) => b.xMax - a.xMax)[0]?.text;

const pagesOf = (words: readonly PdfWord[], sheet: string) => [...new Set(words.map((w) => w.page))].filter((p) => sheetOf(words, p) === sheet);

function firstItemsPage(words: readonly PdfWord[]): number {
  const page = pagesOf(words, 'チェックシート')[0];
  if (page === undefined) throw new Error('no page of チェックシート');
  return page;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * The text printed in one column of チェックシート, page after page. The
 * header cells are centred, so their centres place the columns: the page
 * scale and offset follow from the first and last printed column.
 */
function columnText(words: readonly PdfWord[], key: (typeof COLUMNS)[number]['key']): string {
  const starts: number[] = [];
  PRINTED.reduce((x, c) => {
    starts.push(x);
    return x + c.width;
  }, 0);
  const total = PRINTED.reduce((s, c) => s + c.width, 0);
  const out: string[] = [];
  for (const page of pagesOf(words, 'チェックシート')) {
    const onPage = words.filter((w) => w.page === page);
    const centre = (text: string) => {
      const w = onPage.find((x) => x.text === text);
      if (!w) throw new Error(`page ${page}: no header ${text}`);
      return (w.xMin + w.xMax) / 2;
    };
    const firstCol = PRINTED[0] as (typeof PRINTED)[number];
    const lastCol = PRINTED[PRINTED.length - 1] as (typeof PRINTED)[number];
    const a = centre(firstCol.header.ja);
    const j = centre(lastCol.header.ja);
    const k = (j - a) / (total - lastCol.width / 2 - firstCol.width / 2);
    const x0 = a - (k * firstCol.width) / 2;
    const i = PRINTED.findIndex((c) => c.key === key);
    const left = x0 + k * (starts[i] ?? 0);
    const right = left + k * (PRINTED[i]?.width ?? 0);
    const inColumn = onPage.filter((w) => w.xMin >= left - 3 && w.xMax <= right + 1 && w.yMin > 45);
    inColumn.sort((p, q) => Math.round(p.yMin) - Math.round(q.yMin) || p.xMin - q.xMin);
    out.push(inColumn.map((w) => w.text).join(''));
  }
  return squash(out.join(''));
}

describe.skipIf(!present)('checksheet workbooks printed by LibreOffice', () => {
  for (const [name, printed] of [
    ['JC-STAR ★1 checksheet', () => jc],
    ['177-item filled assessment report', () => report],
  ] as const) {
    it(`${name}: every title and every criterion of every item is on paper, whole`, () => {
      const { checksheet, words } = printed();
      const text = columnText(words, 'criteria');
      const missing = checksheet.items.flatMap((item) =>
        [item.title.ja, ...item.criteria.map((c) => c.ja)].filter((t) => !text.includes(squash(t))).map((t) => `${item.no}: ${t}`),
      );
      expect(missing).toEqual([]);
      expect(checksheet.items.length).toBe(name.startsWith('JC') ? jcStar.items.length : 177);
    });

    it(`${name}: text prints at 9 pt or more, all ten columns on every page under a repeated header, page numbers and the edition`, () => {
      const { words, sizes } = printed();
      // pdftohtml gives sizes to a third of a point.
      const small = sizes.filter((s) => s.size < 9 - 1 / 6);
      expect(small).toEqual([]);
      const pages = pagesOf(words, 'チェックシート');
      const total = new Set(words.map((w) => w.page)).size;
      for (const page of pages) {
        const onPage = new Set(words.filter((w) => w.page === page).map((w) => w.text));
        // The header row: the words level with 項番, left to right (a long header wraps inside its column).
        const no = words.find((w) => w.page === page && w.text === PRINTED[0]?.header.ja);
        const band = words.filter((w) => w.page === page && no && w.yMin >= no.yMin - 15 && w.yMax <= no.yMax + 15).sort((a, b) => a.xMin - b.xMin);
        const header = squash(band.map((w) => w.text).join(''));
        for (const c of PRINTED) expect(header, `page ${page}: ${c.header.ja}`).toContain(squash(c.header.ja));
        expect(onPage.has(`${page}`) && onPage.has(`${total}`), `page ${page}: "n / N"`).toBe(true);
        expect(onPage.has('2026.2'), `page ${page}: edition`).toBe(true);
      }
    });

    it(`${name}: each phase starts a new page; the cover and the summary are on pages of their own`, () => {
      const { checksheet, words } = printed();
      const phaseOf = new Map(checksheet.items.map((i) => [i.no, leadingPhase(i, checksheet.spec)] as const));
      const firstColumnRight = Math.min(...words.filter((w) => w.text === PRINTED[1]?.header.ja).map((w) => w.xMin));
      for (const page of pagesOf(words, 'チェックシート')) {
        const phases = new Set(words.filter((w) => w.page === page && w.xMax < firstColumnRight && phaseOf.has(w.text)).map((w) => phaseOf.get(w.text)));
        expect(phases.size, `page ${page}: ${[...phases].join(', ')}`).toBeLessThanOrEqual(1);
      }
      const pages = [...new Set(words.map((w) => w.page))];
      expect(sheetOf(words, 1)).toBe('表紙');
      expect(pages.every((p) => sheetOf(words, p) !== undefined)).toBe(true);
      const legend = words.find((w) => w.text === '判定の凡例')?.page;
      const byLayer = words.find((w) => w.text === 'レイヤー別')?.page;
      expect(sheetOf(words, legend ?? 0)).toBe('表紙');
      expect(sheetOf(words, byLayer ?? 0)).toBe('集計');
    });
  }

  it('prints the filled answers whole, long evidence included', () => {
    const text = columnText(report.words, 'evidence');
    const missing = answers.filter((a) => !text.includes(squash(a.evidence))).map((a) => a.requirementId);
    expect(missing).toEqual([]);
  });
});
