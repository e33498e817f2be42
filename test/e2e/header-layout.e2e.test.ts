import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { messages } from '../../web/src/i18n/messages.js';
import { PASSWORD, type Person, type Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { type Box, overlap } from './geometry.js';
import { AppHeader } from './pages/app-header.page.js';
import { LoginPage } from './pages/login.page.js';

/**
 * The header's geometry for the user with the most links (an administrator,
 * who also edits): one row at a laptop's 1366 px in Japanese and English, and
 * at a phone's 390 px a header whose boxes do not overlap, that does not
 * scroll sideways, and whose every section stays reachable through the menu.
 * Screenshots are kept in .tmp/artifacts/header/ for a person to look at.
 */

const ADMIN = { email: 'admin@example.jp', displayName: '手引 管理者' };
const MEMBER = { email: 'member@example.jp', displayName: '会員 花子', role: 'member' } satisfies Person;
const ARTIFACTS = join(projectRoot(), '.tmp', 'artifacts', 'header');

/** The boxes a person sees in the header: brand, edition, each link or menu, search, language, account. */
async function headerBoxes(banner: Locator): Promise<{ name: string; box: Box }[]> {
  const parts = banner.locator('.brand-block, .main-nav > ul > li, .nav-toggle, .header-search, .lang-switch, .inbox-link, .user-group');
  const out: { name: string; box: Box }[] = [];
  for (const part of await parts.all()) {
    const box = await part.boundingBox();
    if (!box || box.width < 1 || box.height < 1) continue;
    const name = ((await part.getAttribute('class')) ?? '') + ` "${(await part.innerText()).replace(/\s+/g, ' ').slice(0, 30)}"`;
    out.push({ name, box });
  }
  return out;
}

function overlapping(parts: { name: string; box: Box }[]): string[] {
  const found: string[] = [];
  parts.forEach((a, i) => {
    for (const b of parts.slice(i + 1)) if (overlap(a.box, b.box)) found.push(`${a.name} × ${b.name}`);
  });
  return found;
}

async function sidewaysScroll(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
}

describe('the header at a laptop and a phone width, in both languages', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform(ADMIN));
    if (!platform) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    const organisationId = await platform.createOrganisation('ヘッダー検証株式会社');
    await platform.createUser(MEMBER, organisationId);
  });

  afterAll(() => closeJourney(platform, browser));

  /** The administrator logged in at this width, the header in this language. */
  async function adminHeader(lang: 'ja' | 'en', width: number): Promise<{ page: Page; header: AppHeader }> {
    const page = await (platform as Platform).newPage({ viewport: { width, height: width > 700 ? 800 : 844 } });
    await new LoginPage(page).open((platform as Platform).server.url);
    await new LoginPage(page).login(ADMIN.email, PASSWORD);
    let header = new AppHeader(page);
    if (lang === 'en') header = await header.switchLanguage('en');
    await header.userMenu.waitFor();
    return { page, header };
  }

  for (const lang of ['ja', 'en'] as const) {
    it(`${lang}: one row at 1366 px for an administrator, nothing overlapping`, async (ctx) => {
      if (!platform) return ctx.skip();
      const { page, header } = await adminHeader(lang, 1366);
      await page.getByRole('navigation', { name: messages[lang].mainNavigation }).waitFor();
      const parts = await headerBoxes(header.banner);
      await page.screenshot({ path: join(ARTIFACTS, `header-1366-${lang}.png`), clip: { x: 0, y: 0, width: 1366, height: 200 } });
      expect(parts.length).toBeGreaterThan(8);
      expect(overlapping(parts)).toEqual([]);
      // One row: a horizontal line crosses every box.
      const lowestTop = Math.max(...parts.map((p) => p.box.y));
      const highestBottom = Math.min(...parts.map((p) => p.box.y + p.box.height));
      expect(lowestTop, parts.map((p) => `${p.name} y=${p.box.y} h=${p.box.height}`).join('\n')).toBeLessThan(highestBottom);
      const banner = await header.banner.boundingBox();
      expect(banner?.height ?? 0).toBeLessThan(90);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    });

    it(`${lang}: at 390 px nothing overlaps, nothing scrolls sideways, and the menu reaches every section`, async (ctx) => {
      if (!platform) return ctx.skip();
      const { page, header } = await adminHeader(lang, 390);
      const parts = await headerBoxes(header.banner);
      await page.screenshot({ path: join(ARTIFACTS, `header-390-${lang}.png`), fullPage: false });
      expect(overlapping(parts)).toEqual([]);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      for (const part of parts) expect(part.box.x + part.box.width, part.name).toBeLessThanOrEqual(390.5);
      // The sections are behind a menu button; opened, each link is visible and inside the screen.
      const toggle = header.banner.getByRole('button', { name: messages[lang].menu });
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      const nav = page.getByRole('navigation', { name: messages[lang].mainNavigation });
      for (const name of [messages[lang].browse.navRequirements, messages[lang].coverage.nav, messages[lang].editor.nav]) {
        const link = nav.getByRole('link', { name, exact: true });
        await link.waitFor();
        const box = await link.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390.5, name).toBe(true);
      }
      await page.screenshot({ path: join(ARTIFACTS, `header-390-${lang}-menu.png`), fullPage: false });
      await nav.getByRole('link', { name: messages[lang].coverage.nav, exact: true }).click();
      await page.waitForURL(/\/coverage/);
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    });
  }

  it('a member at 1366 px in English: one row as well', async (ctx) => {
    if (!platform) return ctx.skip();
    const page = await platform.loginAs(MEMBER);
    await page.setViewportSize({ width: 1366, height: 800 });
    const header = await new AppHeader(page).switchLanguage('en');
    await header.userMenu.waitFor();
    const parts = await headerBoxes(header.banner);
    expect(overlapping(parts)).toEqual([]);
    const lowestTop = Math.max(...parts.map((p) => p.box.y));
    const highestBottom = Math.min(...parts.map((p) => p.box.y + p.box.height));
    expect(lowestTop).toBeLessThan(highestBottom);
  });
});
