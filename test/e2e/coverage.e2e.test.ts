import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../web/src/i18n/messages.js';
import { closeJourney, getJsonThrough, openJourney, type Journey, noJourney } from './journey.js';
import { AppHeader } from './pages/app-header.page.js';
import { CoverageOverviewPage, CoverageStandardPage } from './pages/coverage.page.js';
import { textOf } from './pages/locator-text.js';
import { LoginPage } from './pages/login.page.js';
import { SetupPage } from './pages/setup.page.js';

/**
 * The coverage dashboard as an editor would use it: the overview, a
 * standard's detail with its heatmap and chart, the SL filter, and the
 * JC-STAR items that wait for verification. Expected figures come from the
 * API of the same server.
 */

interface Localized {
  ja: string;
  en: string;
}
type Counts = Record<'total' | 'covered' | 'partial' | 'out-of-scope' | 'pending' | 'gap' | 'not-applicable', number>;
interface Overview {
  standards: { id: string; title: Localized; summary: Counts }[];
  unbacked: number;
}
interface Report {
  summary: Counts;
  requirements: { id: string; coverage: string }[];
}

const ADMIN = { email: 'coverage@example.jp', displayName: '網羅 確認', password: 'Correct-Horse-Battery-Staple-42' };

describe('the coverage dashboard', () => {
  let { browser, platform, server, page }: Journey = noJourney();
  let edition = '';
  const pageProblems: string[] = [];

  const getJson = <T>(path: string) => getJsonThrough<T>(page, server?.url, path);
  const coverage = (standard: string, query = '') => getJson<Report>(`/api/editions/${encodeURIComponent(edition)}/coverage/${standard}${query}`);

  beforeAll(async () => {
    ({ browser, platform, server, page } = await openJourney(pageProblems));
    if (!browser || !server) return;
    const setup = new SetupPage(page);
    await setup.open(server.setupUrl);
    await setup.createAdmin(ADMIN);
    await new LoginPage(page).login(ADMIN.email, ADMIN.password);
    edition = (await getJson<{ current: string }>('/api/editions')).current;
  });

  afterAll(() => closeJourney(platform, browser));

  it('the overview shows a card per standard with its answered share, and the 独自項目 count', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const overview = new CoverageOverviewPage(page);
    await overview.openFromNav();
    const data = await getJson<Overview>(`/api/editions/${encodeURIComponent(edition)}/coverage`);
    expect(await overview.standardCards.count()).toBe(data.standards.length);
    for (const s of data.standards) {
      const card = overview.card(s.id);
      expect(await textOf(card.getByRole('heading'))).toBe(s.title.ja);
      expect(await card.locator('canvas').count()).toBe(1);
      expect(await textOf(card.locator('.cov-legend-count[data-status="gap"]'))).toBe(String(s.summary.gap));
    }
    expect(await textOf(overview.unbackedCount)).toBe(String(data.unbacked));
  });

  it("a standard's detail shows the heatmap and a drawn chart; switching the SL filter changes the counts", async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const data = await getJson<Overview>(`/api/editions/${encodeURIComponent(edition)}/coverage`);
    const iec = data.standards.find((s) => s.id === 'iec-62443-4-2');
    if (!iec) throw new Error('the bundled edition has no IEC 62443-4-2');
    await new CoverageOverviewPage(page).openStandard(iec.id, iec.title.ja);
    const detail = new CoverageStandardPage(page);
    await detail.waitForReport();
    expect(await textOf(detail.heading)).toBe(iec.title.ja);

    await detail.heatmap.waitFor();
    expect(await detail.heatmap.getByRole('rowheader').count()).toBe(4);
    await detail.groupChart.waitFor();
    await expect.poll(() => detail.chartIsDrawn(detail.groupChart)).toBe(true);

    const before = await detail.tiles();
    expect(before.covered).toBe(iec.summary.covered);
    expect(before.gap).toBe(iec.summary.gap);

    await detail.chooseSecurityLevel('1');
    await page.waitForURL((url) => url.searchParams.get('sl') === '1');
    const sl1 = await coverage(iec.id, '?sl=1');
    await expect.poll(() => detail.tile('not-applicable')).toBe(sl1.summary['not-applicable']);
    await detail.waitForReport();
    const after = await detail.tiles();
    expect(after).toMatchObject({ covered: sl1.summary.covered, partial: sl1.summary.partial, gap: sl1.summary.gap });
    expect(after).not.toEqual(before);
    // The filter is part of the address: a reload shows the same figures.
    await page.reload();
    await detail.waitForReport();
    expect(await detail.tiles()).toEqual(after);
  });

  it('JC-STAR ★1 items awaiting verification are listed as pending, flagged, and not as out of scope', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const t = messages.ja;
    const report = await coverage('jc-star-1');
    const pendingIds = report.requirements.filter((r) => r.coverage === 'pending').map((r) => r.id);
    expect(pendingIds.length).toBeGreaterThan(0);
    await page.goto(new URL('/coverage/jc-star-1', server.url).href);
    const detail = new CoverageStandardPage(page);
    await detail.waitForReport();
    const pending = detail.list('pending');
    await pending.waitFor();
    expect(await detail.listedIds('pending')).toEqual(pendingIds);
    expect(await pending.getByText(t.coverage.pendingFlag, { exact: true }).count()).toBe(pendingIds.length);
    expect(await detail.list('out-of-scope').count()).toBe(0);
    expect(await detail.tile('pending')).toBe(pendingIds.length);
    expect(await detail.tile('out-of-scope')).toBe(0);
  });

  it('a filter the standard cannot take is explained, with a way back to the unfiltered report', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const t = messages.ja;
    await page.goto(new URL('/coverage/etsi-en-303-645?sl=2', server.url).href);
    const alert = page.getByRole('main').getByRole('alert');
    await alert.getByText(t.coverage.badFilter).waitFor();
    // The filter that does not fit is named as the filter form names it, in the reader's language.
    await alert.getByText(t.coverage.badFilterNames(t.coverage.securityLevel)).waitFor();
    await alert.getByRole('link', { name: t.coverage.clearFilters }).click();
    await page.waitForURL((url) => url.pathname === '/coverage/etsi-en-303-645' && url.search === '');
    await new CoverageStandardPage(page).waitForReport();
  });

  it('reads in English too, and nothing broke the page or its security policy', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await page.goto(new URL('/coverage/jc-star-1', server.url).href);
    await new CoverageStandardPage(page).waitForReport();
    const header = await new AppHeader(page).switchLanguage('en');
    const t = messages.en;
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${t.coverage.lists.pending.title}`) }).waitFor();
    expect(await page.getByText(t.coverage.pendingFlag, { exact: true }).count()).toBeGreaterThan(0);
    await new CoverageOverviewPage(page, 'en').openFromNav('en');
    expect(await header.htmlLang()).toBe('en');
    expect(pageProblems).toEqual([]);
  });
});
