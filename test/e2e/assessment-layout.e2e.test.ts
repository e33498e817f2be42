import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { workspaceMessages } from '../../web/src/i18n/messages-workspace.js';
import { PASSWORD, type Person, type Platform, personPage, STEP_TIMEOUT } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { type Box, overlap } from './geometry.js';
import { LoginPage } from './pages/login.page.js';

/**
 * The workspace's layout by geometry at a laptop (1366 px) and a phone in the
 * lab (390 px), in Japanese and English: rows per screen, the pane beside the
 * table or over it, nothing overlapping, no sideways scrolling; screenshots
 * kept in .tmp/artifacts/assessment-workspace/ for a person to look at; and
 * axe-core (injected into the page) finds no serious or critical violation.
 */

const ADMIN = { email: 'admin@example.jp', displayName: '手引 管理者' };
const ASSESSOR = { email: 'layout@example.jp', displayName: '診断 三郎', role: 'assessor' } satisfies Person;
const ARTIFACTS = join(projectRoot(), '.tmp', 'artifacts', 'assessment-workspace');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} has no box (not visible)`);
  return b;
}

/** Boxes of every visible match, to be compared pairwise. */
async function boxes(locator: Locator): Promise<Box[]> {
  const out: Box[] = [];
  for (const l of await locator.all()) {
    const b = await l.boundingBox();
    if (b && b.width > 1 && b.height > 1) out.push(b);
  }
  return out;
}

function pairwiseApart(list: Box[]): boolean {
  return list.every((a, i) => list.slice(i + 1).every((b) => !overlap(a, b)));
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** axe-core run inside the page (evaluated through the debugging protocol, so the page's CSP stays as it is). */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return (await page.evaluate(
    'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))',
  )) as AxeViolation[];
}

describe('assessment workspace layout and accessibility', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let path = '';
  const measured: string[] = [];

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform(ADMIN));
    if (!platform) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    const org = await platform.createOrganisation('株式会社レイアウト');
    const productId = await platform.createProduct(org, { name: 'スマートロック SL-9', model: 'SL-9' });
    await platform.createUser(ASSESSOR, null);
    const page = await platform.loginAs(ASSESSOR);
    const editionId = (await platform.adminApi<{ current: string }>('GET', '/api/editions')).current;
    const created = await platform.call(page, 'POST', '/api/assessments', {
      productId,
      title: '配置の確認',
      editionId,
      spec: { layers: [], phases: [], profile: null },
    });
    const view = created.body as { id: string; items: { requirementId: string }[] };
    path = `/assessments/${view.id}`;
    // A few answers, so that verdicts and marks show in the rows.
    for (const [n, verdict] of ['pass', 'fail', 'partial', 'needs-review'].entries()) {
      const item = view.items[n];
      if (item)
        await platform.call(page, 'PUT', `/api${path}/answers/${encodeURIComponent(item.requirementId)}`, {
          verdict,
          evidence: '確認した記録',
          comment: '',
          version: 0,
        });
    }
  });

  afterAll(async () => {
    if (measured.length) console.log(`[layout] ${measured.join('; ')}`);
    await closeJourney(platform, browser);
  });

  async function openAs(lang: 'ja' | 'en', viewport: { width: number; height: number }): Promise<Page> {
    if (!browser || !platform) throw new Error('no browser');
    const { context, page } = await personPage(browser, { locale: lang === 'ja' ? 'ja-JP' : 'en-GB', viewport });
    platform.contexts.push(context);
    // Before the first navigation, so the app starts in this language.
    await context.addInitScript(`window.localStorage.setItem('tebiki.lang', '${lang}')`);
    const login = new LoginPage(page, lang);
    await login.open(platform.server.url);
    await login.login(ASSESSOR.email, PASSWORD);
    await page.goto(platform.url(path));
    await page.locator('.item-table tr.item-row').first().waitFor();
    return page;
  }

  for (const lang of ['ja', 'en'] as const) {
    for (const viewport of VIEWPORTS) {
      it(`${lang} at ${viewport.width} px: rows per screen, pane ${viewport.width > 700 ? 'beside' : 'over'} the table, nothing overlapping, no serious axe violation`, async (ctx) => {
        if (!browser || !platform) return ctx.skip('no browser');
        const w = workspaceMessages[lang];
        const page = await openAs(lang, viewport);
        const main = page.getByRole('main');
        const table = main.getByRole('table', { name: w.table });
        const pane = main.locator('section.item-pane');
        const row = await box(table.locator('tr.item-row').first());
        const rowsPerScreen = Math.floor(viewport.height / row.height);
        measured.push(`${lang} ${viewport.width}px: row ${row.height.toFixed(1)} px, ${rowsPerScreen} rows per screen`);
        const wider = await page.evaluate(
          `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${viewport.width} + 1 && e.getClientRects().length > 0).slice(0, 5).map((e) => e.tagName + '.' + e.className)`,
        );
        expect(await page.evaluate('document.documentElement.scrollWidth'), JSON.stringify(wider)).toBeLessThanOrEqual(viewport.width);
        expect(
          pairwiseApart([
            await box(main.getByRole('region', { name: w.progress })),
            await box(main.getByRole('region', { name: w.filters })),
            await box(table),
          ]),
        ).toBe(true);
        // The file chooser shows our own labelled button; the browser's native one is never shown.
        expect((await box(pane.locator('input[type="file"]')).catch(() => ({ width: 0 }))).width).toBeLessThanOrEqual(1);
        await page.screenshot({ path: join(ARTIFACTS, `${lang}-${viewport.width}-list.png`) });

        if (viewport.width > 700) {
          expect(rowsPerScreen).toBeGreaterThanOrEqual(20);
          // The whole bundled checksheet (177 items in their phase groups) in a few screens.
          const screens = (await box(table)).height / viewport.height;
          measured.push(`${lang} ${viewport.width}px: the whole table is ${screens.toFixed(1)} screens`);
          expect(screens).toBeLessThanOrEqual(7);
          const t = await box(table);
          const p = await box(pane);
          expect(p.x).toBeGreaterThanOrEqual(t.x + t.width - 1);
          expect(overlap(t, p)).toBe(false);
          expect(p.x + p.width).toBeLessThanOrEqual(viewport.width);
        } else {
          expect(rowsPerScreen).toBeGreaterThanOrEqual(10);
          expect(await pane.isVisible()).toBe(false);
          const t = await box(table);
          expect(t.x + t.width).toBeLessThanOrEqual(viewport.width);
          await table.locator('tr.item-row button.item-open').nth(1).click();
          // Wait on what the page shows: the pane's back button, then its full-screen box.
          await pane.getByRole('button', { name: `← ${w.backToList}` }).waitFor();
          await vi.waitFor(
            async () => {
              const p = await box(pane);
              expect(p).toMatchObject({ x: 0, y: 0, width: viewport.width });
              expect(p.height).toBeGreaterThanOrEqual(viewport.height - 1);
            },
            { timeout: STEP_TIMEOUT },
          );
        }
        expect(pairwiseApart(await boxes(pane.locator('.verdict-option')))).toBe(true);
        expect(pairwiseApart(await boxes(pane.locator('.field')))).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, `${lang}-${viewport.width}-pane.png`), fullPage: viewport.width > 700 });

        const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
        if (viewport.width <= 700) {
          await pane.getByRole('button', { name: `← ${w.backToList}` }).click();
          await pane.waitFor({ state: 'hidden' });
        }
        await page.context().close();
      });
    }
  }
});
