import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { buildSite } from '../../src/publish/publish-site.js';
import { writeSite } from '../../src/publish/write-site.js';
import { launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { HOSTILE_TITLE, hostileEdition } from './hostile-edition.js';
import { StaticSitePage } from './static-site.page.js';

/**
 * The published site as a reader uses it: opened from disk (file://), no
 * server, in headless Chromium. Any CSP violation (inline script or style)
 * or script error fails the test.
 */
describe('the published site in a browser, from file://', () => {
  const dir = tempDir('tebiki-site-browser-');
  const root = join(dir.path, 'site');
  const hostileRoot = join(dir.path, 'hostile');
  let browser: Browser | null = null;
  let context: BrowserContext;
  let page: Page;
  let site: StaticSitePage;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    if (!browser) return;
    const r = await runCli(['publish', '--content', defaultContentDir(), '--out', root]);
    expect(r.code, r.stderr).toBe(0);
    writeSite(buildSite(hostileEdition(), 'hash'), hostileRoot);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    site = new StaticSitePage(page, root);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    dir.remove();
  });

  it('index → matrix → a cell → a requirement → a glossary link → back', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    await site.open('index.html');
    await page.getByRole('link', { name: '日本語' }).click();
    expect(site.currentPath()).toBe('ja/index.html');
    await expect(site.heading.textContent()).resolves.toBe('IoTセキュリティ手引書 2026年版 第2版');

    await site.navLink('レイヤー × フェーズ').click();
    expect(site.currentPath()).toBe('ja/matrix.html');
    await site.matrixCell('デバイス層', 'S/W設計').click();
    expect(site.currentPath()).toBe('ja/matrix/device--design.software.html');
    await expect(site.heading.textContent()).resolves.toBe('デバイス層 × S/W設計');

    await site.itemLink('ユーザ認証の設計').click();
    expect(site.currentPath()).toBe('ja/requirements/design-auth-user-authentication.html');
    await expect(site.heading.textContent()).resolves.toContain('ユーザ認証の設計');

    const term = site.termLinks.first();
    const termText = (await term.textContent()) ?? '';
    await term.click();
    expect(site.currentPath()).toMatch(/^ja\/glossary\/[a-z0-9.-]+\.html$/);
    await expect(site.heading.textContent()).resolves.toBe(termText);

    await page.goBack();
    expect(site.currentPath()).toBe('ja/requirements/design-auth-user-authentication.html');
    await site.languageSwitch.click();
    expect(site.currentPath()).toBe('en/requirements/design-auth-user-authentication.html');
    await expect(site.heading.textContent()).resolves.toContain('User authentication design');
    expect(problems).toEqual([]);
  });

  it('a mapping links to the standard requirement, which names the items that reach it', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    await site.open('en/requirements/design-auth-user-authentication.html');
    await page.locator('table.mappings a.std-req', { hasText: /^CR 1\.1$/ }).click();
    expect(page.url()).toMatch(/en\/standards\/iec-62443-4-2\.html#CR-1\.1$/);
    const target = page.locator('article:target');
    await expect(target.locator('.node-id').textContent()).resolves.toBe('CR 1.1');
    await expect(target.locator('.reach').textContent()).resolves.toContain('User authentication design');
    expect(problems).toEqual([]);
  });

  it('search finds ユーザ認証 items for 認証, partial Japanese, and English word beginnings', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    await site.open('ja/search.html', `?q=${encodeURIComponent('認証')}`);
    await site.results.first().waitFor();
    expect(await site.results.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('ユーザ認証の設計')]));
    expect(await site.highlights.first().textContent()).toBe('認証');
    expect(await site.searchStatus.textContent()).toMatch(/^\d+件$/);

    // A different spelling (ユーザー with the long-vowel mark) still finds it: bigram matching.
    await site.searchInput.fill('ユーザー認証');
    await expect(site.results.allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('ユーザ認証の設計')]));

    await site.open('en/search.html', '?q=authent');
    await site.results.first().waitFor();
    expect(await site.results.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('User authentication design')]));
    expect((await site.highlights.first().textContent())?.toLowerCase()).toBe('authent');

    // The search box of any page leads to the search page with the query.
    await site.open('en/index.html');
    await page.locator('.site-search input').fill('password');
    await page.locator('.site-search button').click();
    await site.results.first().waitFor();
    expect(site.currentPath()).toBe('en/search.html');
    expect(await site.searchInput.inputValue()).toBe('password');
    expect(problems).toEqual([]);
  });

  it('hostile content shows as text on pages and in search results, and runs nothing', async (ctx) => {
    if (!browser) return ctx.skip('no browser');
    const hostile = new StaticSitePage(page, hostileRoot);
    await hostile.open('ja/requirements/hostile-item.html');
    await expect(hostile.heading.textContent()).resolves.toContain(HOSTILE_TITLE);
    expect(await page.locator('main img, main svg, main script').count()).toBe(0);

    await hostile.open('ja/search.html', `?q=${encodeURIComponent('XSS')}`);
    await hostile.results.first().waitFor();
    await expect(hostile.results.first().textContent()).resolves.toContain(HOSTILE_TITLE);
    expect(await page.locator('#search-results img').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('loads nothing but files of the site itself', (ctx) => {
    if (!browser) return ctx.skip('no browser');
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });
});
