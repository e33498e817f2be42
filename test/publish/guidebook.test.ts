import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { renderGuidebookHtml } from '../../src/reports/guidebook/guidebook-html.js';
import { PHASES } from '../../src/core/taxonomy.js';
import { PDFTOTEXT, pdfToolsPresent, squash } from '../helpers/pdf-text.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { hostileEdition } from './hostile-edition.js';
import { bundledEdition } from '../helpers/bundled-edition.js';

describe('tebiki guidebook', () => {
  const dir = tempDir('tebiki-guidebook-');
  const content = ['--content', defaultContentDir()];
  afterAll(() => dir.remove());

  it('--format pdf --lang ja: an A4 PDF with the Japanese phase chapters and item titles', { timeout: 300_000 }, async (ctx) => {
    if (!pdfToolsPresent('guidebook PDF test')) return ctx.skip('no chromium or pdftotext');
    const out = join(dir.path, 'guidebook-ja.pdf');
    const r = await runCli(['guidebook', ...content, '--format', 'pdf', '--lang', 'ja', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(out);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = squash(execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    for (const phase of ['企画', 'アーキテクチャ設計', 'H/W設計', 'S/W設計', 'H/W開発', 'S/W開発', '製造', '量産', '運用', '廃棄']) {
      expect(text, phase).toContain(squash(phase));
    }
    for (const s of ['目次', '第1章', '基準（対策）', '解釈', '検証', '標準との対応', '付録A用語集', '付録B網羅性', 'D-2.1ユーザ認証の設計'])
      expect(text, s).toContain(s);
    const info = execFileSync('/usr/bin/pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  });

  it('--format html --lang en: one self-contained file with the English chapters', async () => {
    const out = join(dir.path, 'guidebook-en.html');
    const r = await runCli(['guidebook', ...content, '--format', 'html', '--lang', 'en', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = readFileSync(out, 'utf8');
    expect(doc).toContain('<html lang="en">');
    for (const title of ['Planning', 'Architecture design', 'Hardware design', 'Software design', 'Operation', 'Disposal']) {
      expect(doc, title).toMatch(new RegExp(`Chapter \\d+ · [^<]+</span>${title}</h2>`));
    }
    expect(doc).toContain('Appendix A Glossary');
    expect(doc).toContain('Appendix B Coverage');
    expect(doc).toContain('D-2.1 User authentication design');
    expect(doc).toContain('@page');
    // Self-contained: nothing to fetch, nothing to run.
    expect(doc).not.toMatch(/<script|<link|\ssrc=|href="(?!#)/);
  });

  it('chapters follow the lifecycle and items their numbers', () => {
    const doc = renderGuidebookHtml(bundledEdition(), 'en');
    const chapters = [...doc.matchAll(/<section class="chapter" id="chapter-([^"]+)">/g)].map((m) => m[1]);
    expect(chapters).toEqual([...PHASES]);
    const planning = doc.slice(doc.indexOf('id="chapter-planning"'), doc.indexOf('id="chapter-design.architecture"'));
    const numbers = [...planning.matchAll(/<h3>(P-[\d.]+) /g)].map((m) => m[1] ?? '');
    expect(numbers.length).toBeGreaterThan(5);
    expect(numbers).toEqual([...numbers].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it('escapes hostile content in the document', () => {
    const doc = renderGuidebookHtml(hostileEdition(), 'ja');
    expect(doc).not.toMatch(/<script>alert|<img|<svg|<b>|<i>/);
    expect(doc).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('bad arguments: usage errors exit 2; a missing browser exits 1 naming the Debian package', async () => {
    const out = join(dir.path, 'x.pdf');
    const cases: [string[], string][] = [
      [['--format', 'pdf', '--lang', 'ja'], '--out FILE is required'],
      [['--format', 'pdf', '--lang', 'fr', '--out', out], '--lang must be ja or en, not "fr"'],
      [['--format', 'docx', '--lang', 'ja', '--out', out], '--format must be pdf or html'],
      [['--lang', 'ja', '--out', out], '--format pdf|html is required'],
      [['--format', 'html', '--out', out], '--lang ja|en is required'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['guidebook', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    const saved = process.env.TEBIKI_CHROMIUM;
    process.env.TEBIKI_CHROMIUM = join(dir.path, 'no-chromium-here');
    try {
      const r = await runCli(['guidebook', ...content, '--format', 'pdf', '--lang', 'ja', '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('install Debian\'s "chromium" package');
      expect(existsSync(out)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.TEBIKI_CHROMIUM;
      else process.env.TEBIKI_CHROMIUM = saved;
    }
  });

  it('--help names the fonts and where they come from', async () => {
    const r = await runCli(['guidebook', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Noto Sans CJK JP');
    expect(r.stdout).toContain('fonts-noto-cjk');
  });
});
