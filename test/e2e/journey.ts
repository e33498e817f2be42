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

/**
 * Launches the browser and opens what a suite needs with it; null without a
 * browser (the tests then skip). The browser is closed again when opening fails.
 */
async function withBrowser<T>(open: (browser: Browser) => Promise<T>): Promise<T | null> {
  const browser = await launchBrowser();
  if (!browser) return null;
  try {
    return await open(browser);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Opens the journey; without a browser everything is null and the tests skip. */
export async function openJourney(problems: string[]): Promise<Journey> {
  const journey = await withBrowser(async (browser) => {
    const platform = await Platform.open(browser, { anonymousRead: false });
    const page = await platform.newPage();
    recordProblems(page, problems);
    return { browser, platform, server: platform.server, page };
  });
  return journey ?? noJourney();
}

/** A suite's browser and platform; both null without a browser (every test then skips). Closed by `closeJourney`. */
export interface BrowserPlatform {
  browser: Browser | null;
  platform: Platform | null;
}

/** A browser and the platform `open` starts with it (a fresh server with the suite's own options). */
export async function openPlatform(open: (browser: Browser) => Promise<Platform>): Promise<BrowserPlatform> {
  const opened = await withBrowser(async (browser) => ({ browser, platform: await open(browser) }));
  return opened ?? { browser: null, platform: null };
}

/** A browser and a fresh platform with this first admin logged in (`Platform.start`). */
export function startPlatform(admin: { email: string; displayName: string }): Promise<BrowserPlatform> {
  return openPlatform((browser) => Platform.start(browser, admin));
}

/** Closes what `openJourney`, `openPlatform` or `startPlatform` (or a journey of its own) opened: the platform first, then the browser. */
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
