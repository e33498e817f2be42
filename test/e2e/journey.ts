import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { Platform, recordProblems, type TestServer } from './flows.js';

/**
 * The set-up most single-page journeys share: a browser, a fresh platform whose
 * setup link is still unused (anonymous reading off), and one page whose errors
 * and CSP violations the journey collects itself.
 */
export interface Journey {
  browser: Browser | null;
  platform: Platform | null;
  server: TestServer | null;
  /** Unset without a browser: every test then skips before using it. */
  page: Page;
}

/** Nothing open yet (or no browser): what a journey's variables hold before `openJourney`. */
export function noJourney(): Journey {
  return { browser: null, platform: null, server: null, page: undefined as unknown as Page };
}

/** Opens the journey; without a browser everything is null and the tests skip. */
export async function openJourney(problems: string[]): Promise<Journey> {
  const browser = await launchBrowser();
  if (!browser) return noJourney();
  try {
    const platform = await Platform.open(browser, { anonymousRead: false });
    const page = await platform.newPage();
    recordProblems(page, problems);
    return { browser, platform, server: platform.server, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Closes what `openJourney` (or a journey of its own) opened: the platform first, then the browser. */
export async function closeJourney(platform: Platform | null, browser: Browser | null): Promise<void> {
  await platform?.close();
  await browser?.close();
}

/** A GET through the page's session that must answer 200; the parsed body. */
export async function getJsonThrough<T>(page: Page, baseUrl: string | undefined, path: string): Promise<T> {
  const response = await page.request.get(new URL(path, baseUrl).href);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}
