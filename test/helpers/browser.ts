import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/reports/pdf-browser.js';

export const CHROMIUM_PATH = process.env.TEBIKI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Debian's chromium, headless. Without it the browser suites skip with a
 * notice on a laptop; under CI (CI=true) a missing browser fails the run.
 */
export async function launchBrowser(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.CI === 'true') throw new Error(`chromium is required under CI but ${CHROMIUM_PATH} is missing`);
    console.warn(`[test] NOTICE: ${CHROMIUM_PATH} not found; browser suites are skipped (apt-get install chromium)`);
    return null;
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
