import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { decodeEntities } from './entities.js';

const run = promisify(execFile);

export const SOFFICE = process.env.TEBIKI_SOFFICE ?? '/usr/bin/soffice';

/**
 * LibreOffice (libreoffice-calc-nogui) and poppler-utils: skipped with a
 * notice on a laptop without them, required under CI.
 */
export function officeToolsPresent(what: string): boolean {
  const missing = [SOFFICE, '/usr/bin/pdftotext', '/usr/bin/pdftohtml', '/usr/bin/pdftoppm'].filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  if (process.env.CI === 'true') throw new Error(`${missing.join(' and ')} required under CI`);
  console.warn(`[test] NOTICE: ${missing.join(', ')} not found; ${what} is skipped (apt-get install libreoffice-calc-nogui poppler-utils)`);
  return false;
}

/**
 * Prints workbooks to PDF with LibreOffice, all in one run. The profile is
 * the test's own (`-env:UserInstallation`), so parallel runs do not collide.
 */
export async function printToPdf(files: readonly string[], workDir: string): Promise<string[]> {
  const outDir = join(workDir, 'pdf');
  mkdirSync(outDir, { recursive: true });
  const profile = pathToFileURL(join(workDir, 'lo-profile')).href;
  await run(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    timeout: 600_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return files.map((f) => {
    const pdf = join(outDir, basename(f).replace(/\.xlsx$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
    return pdf;
  });
}

/** A word as pdftotext -bbox places it, in points from the page's top left. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box and page (1-based). */
export async function pdfWords(pdf: string): Promise<PdfWord[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  const pattern = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of stdout.matchAll(pattern)) {
    if (m[0] === '<page ') {
      page += 1;
      continue;
    }
    words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decodeEntities(m[5] ?? '') });
  }
  return words;
}

/**
 * The size in points of every font run in the PDF, by page, from pdftohtml
 * (its largest zoom, 3, so sizes come to a third of a point).
 */
export async function pdfFontSizes(pdf: string): Promise<{ page: number; size: number }[]> {
  const { stdout } = await run('pdftohtml', ['-xml', '-i', '-q', '-zoom', '3', '-stdout', pdf], { maxBuffer: 256 * 1024 * 1024 });
  const sizes: { page: number; size: number }[] = [];
  const byId = new Map<string, number>();
  let page = 0;
  for (const m of stdout.matchAll(/<page number="(\d+)"|<fontspec id="(\d+)" size="(-?\d+)"|<text [^>]*font="(\d+)"/g)) {
    if (m[1]) page = Number(m[1]);
    else if (m[2]) byId.set(m[2], Number(m[3]) / 3);
    else if (m[4]) sizes.push({ page, size: byId.get(m[4]) ?? 0 });
  }
  return sizes;
}

/** PNG renderings of the given pages, for a person to look at; returns their paths. */
export async function renderPages(pdf: string, first: number, last: number, outDir: string, name: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const prefix = resolve(outDir, name);
  await run('pdftoppm', ['-r', '80', '-png', '-f', String(first), '-l', String(last), pdf, prefix]);
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => join(outDir, f));
}
