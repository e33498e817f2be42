import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAssessmentReportHtml } from '../../src/reports/assessment/assessment-html.js';
import { renderGuidebookPdf } from '../../src/reports/guidebook/guidebook-pdf.js';
import { closePdfBrowser, pdfBrowserLaunches } from '../../src/reports/pdf-browser.js';
import { PDFTOTEXT, pdfToolsPresent, squash } from '../helpers/pdf-text.js';
import { tempDir } from '../helpers/temp-dir.js';
import { reportData } from './assessment-fixtures.js';

describe('assessment report as PDF', () => {
  const dir = tempDir('tebiki-assessment-pdf-');
  afterAll(async () => {
    await closePdfBrowser();
    dir.remove();
  });

  it('ten concurrent PDFs share one browser and all succeed', { timeout: 180_000 }, async (ctx) => {
    if (!pdfToolsPresent('assessment PDF test')) return ctx.skip('no chromium or pdftotext');
    const before = pdfBrowserLaunches();
    const html = renderAssessmentReportHtml(reportData(), 'en');
    const pdfs = await Promise.all(Array.from({ length: 10 }, () => renderGuidebookPdf(html)));
    expect(pdfs.every((p) => p.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    expect(pdfBrowserLaunches() - before).toBeLessThanOrEqual(1);
  });

  it('ja: an A4 PDF whose text has the Japanese headings, the product name and the draft mark', { timeout: 120_000 }, async (ctx) => {
    if (!pdfToolsPresent('assessment PDF test')) return ctx.skip('no chromium or pdftotext');
    const pdf = await renderGuidebookPdf(renderAssessmentReportHtml(reportData(), 'ja'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const out = join(dir.path, 'report-ja.pdf');
    writeFileSync(out, pdf);
    const text = squash(execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }));
    for (const s of [
      '診断報告書',
      'スマートカメラX1',
      '株式会社テスト',
      '結果の概要',
      'レイヤー別のスコア',
      '適合の見通し',
      '標準ごとの結果',
      '部分的な根拠のみ',
      '項目別の結果',
      '根拠・エビデンス',
      '未確定DRAFT',
    ])
      expect(text, s).toContain(s);
    const info = execFileSync('/usr/bin/pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  });
});
