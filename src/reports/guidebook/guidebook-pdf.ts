import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Renders the guidebook HTML to PDF with playwright-core driving Debian's
 * chromium. Nothing is downloaded: the browser is the system's, and the
 * Japanese glyphs come from the system fonts Noto Sans CJK JP / Noto Serif
 * CJK JP (Debian package fonts-noto-cjk). The page gets no network at all
 * (every request is aborted) and runs no script.
 */

/** Debian's chromium; TEBIKI_CHROMIUM points elsewhere if needed. */
export function chromiumPath(): string {
  return process.env.TEBIKI_CHROMIUM || '/usr/bin/chromium';
}

/** The browser the PDF needs is not installed. */
export class ChromiumMissingError extends Error {}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function renderGuidebookPdf(document: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ChromiumMissingError(
      `PDF output needs Chromium, but ${executablePath} does not exist: install Debian's "chromium" package (apt-get install chromium), or use --format html`,
    );
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(document, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
  } finally {
    await browser.close();
  }
}
