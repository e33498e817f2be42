import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './browser.js';

export const PDFTOTEXT = '/usr/bin/pdftotext';

/** The text of a PDF as poppler's pdftotext reads it (with -layout); the PDF is written to `dir`/`name` first. */
export function pdfTextIn(dir: string, pdf: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** Chromium and pdftotext (poppler-utils) are needed for a PDF check: skipped with a notice naming `test` on a laptop, required under CI. */
export function pdfToolsPresent(test: string): boolean {
  const missing = [CHROMIUM_PATH, PDFTOTEXT].filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  if (process.env.CI === 'true') throw new Error(`${missing.join(' and ')} required under CI`);
  console.warn(`[test] NOTICE: ${missing.join(', ')} not found; the ${test} is skipped (apt-get install chromium poppler-utils)`);
  return false;
}

/** Text without any whitespace: pdftotext breaks lines wherever the page did. */
export const squash = (s: string) => s.replace(/\s+/g, '');
