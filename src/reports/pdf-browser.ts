import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * One headless Chromium per process, shared by every PDF (guidebook, assessment
 * reports), with a bounded number of pages open at once: ten concurrent PDF
 * requests start one browser and queue for a page instead of starting ten.
 * Nothing is downloaded: the browser is Debian's, the page has no network and
 * runs no script.
 */

/** Debian's chromium; TEBIKI_CHROMIUM points elsewhere if needed. */
export function chromiumPath(): string {
  return process.env.TEBIKI_CHROMIUM || '/usr/bin/chromium';
}

/** The browser the PDF needs is not installed. */
export class ChromiumMissingError extends Error {}

/** How Chromium is started headless here: no sandbox (containers), no GPU, nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Pages rendered at once; more requests wait for a free one. */
const MAX_PAGES = Number(process.env.TEBIKI_PDF_PAGES) || 3;

let browser: Promise<Browser> | undefined;
let launches = 0;
let open = 0;
const waiting: (() => void)[] = [];

/** How many browsers this process has started (for tests and the bench). */
export function pdfBrowserLaunches(): number {
  return launches;
}

function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) {
      throw new ChromiumMissingError(
        `PDF output needs Chromium, but ${executablePath} does not exist: install Debian's "chromium" package (apt-get install chromium), or use --format html`,
      );
    }
    launches += 1;
    // playwright-core is loaded with the first PDF: it costs about a second at start.
    const launched = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }));
    browser = launched;
    launched.then(
      (b) =>
        b.on('disconnected', () => {
          if (browser === launched) browser = undefined;
        }),
      () => {
        if (browser === launched) browser = undefined;
      },
    );
  }
  return browser;
}

async function acquirePage(): Promise<void> {
  if (open < MAX_PAGES) {
    open += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releasePage(): void {
  const next = waiting.shift();
  if (next) next();
  else open -= 1;
}

/** Renders a self-contained HTML document to an A4 PDF. */
export async function renderPdf(document: string): Promise<Buffer> {
  await acquirePage();
  try {
    const context = await (await sharedBrowser()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(document, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
    } finally {
      await context.close();
    }
  } finally {
    releasePage();
  }
}

/** Closes the shared browser (server shutdown, end of a CLI command). */
export async function closePdfBrowser(): Promise<void> {
  const current = browser;
  browser = undefined;
  if (current) await (await current.catch(() => undefined))?.close();
}
