import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../web/src/i18n/messages.js';
import { setUpFirstAdmin } from './flows.js';
import { closeJourney, getJsonThrough, openJourney, type Journey, noJourney } from './journey.js';
import { GlossaryPage } from './pages/glossary.page.js';
import { GlossaryTermPage, TermLinks } from './pages/glossary-term.page.js';
import { RequirementPage } from './pages/requirement.page.js';
import { RequirementListPage } from './pages/requirement-list.page.js';
import { SearchResultsPage } from './pages/search-results.page.js';
import { StandardPage } from './pages/standard.page.js';

/**
 * Browsing the guidebook as a member of staff would: filter the item list,
 * search for 認証, open an item, follow a glossary link to the term and back
 * to where it is used, and read standard pages with mapped, out-of-scope and
 * pending requirements. Expectations come from the same server's API.
 */

interface Localized {
  ja: string;
  en: string;
}
interface SearchJson {
  total: number;
  results: { kind: string; id: string; number?: string; standard?: string; title: Localized; snippets: { text: string; highlights: [number, number][] }[] }[];
}
interface StandardJson {
  standard: { title: Localized; licence: Localized };
  requirements: { id: string; mappedBy: { number: string }[]; outOfScope?: { reason: Localized; unconfirmedTarget?: boolean }; unconfirmed?: boolean }[];
}

const ADMIN = { email: 'editor-in-chief@example.jp', displayName: '手引 編集長', password: 'Correct-Horse-Battery-Staple-42' };
const t = messages.ja;

describe('browse the guidebook and search it', () => {
  let { browser, platform, server, page }: Journey = noJourney();
  let edition = '';
  const pageProblems: string[] = [];
  /** The item opened from the search results, kept for the glossary step. */
  const opened = { id: '', number: '', title: '' };

  const getJson = <T>(path: string) => getJsonThrough<T>(page, server?.url, path);

  beforeAll(async () => {
    ({ browser, platform, server, page } = await openJourney(pageProblems));
  });

  afterAll(() => closeJourney(platform, browser));

  it('sets up the first administrator and logs in', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await setUpFirstAdmin(page, server.setupUrl, ADMIN);
    edition = (await getJson<{ current: string }>('/api/editions')).current;
    expect(edition).not.toBe('');
  });

  it('filters the item list by threat category, descendants included, and keeps the filter in the URL', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await page.getByRole('banner').getByRole('link', { name: t.browse.navRequirements, exact: true }).click();
    const list = new RequirementListPage(page);
    await list.heading.waitFor();
    const all = await getJson<{ items: { number: string }[] }>(`/api/editions/${edition}/requirements`);
    expect(await list.numbers()).toEqual(all.items.map((item) => item.number));

    await list.choose('threatCategory', 'security-function-design');
    const parent = await getJson<{ items: { number: string; threatCategory: string }[] }>(
      `/api/editions/${edition}/requirements?threatCategory=security-function-design`,
    );
    expect(await list.numbers()).toEqual(parent.items.map((item) => item.number));
    // The parent category holds no item itself: everything listed comes from its children.
    expect(new Set(parent.items.map((item) => item.threatCategory)).size).toBeGreaterThan(1);

    await list.choose('layer', 'device');
    expect(new URL(page.url()).search).toBe('?layer=device&threatCategory=security-function-design');
    await page.reload();
    await list.table.waitFor();
    expect(await list.select('threatCategory').inputValue()).toBe('security-function-design');
    expect(await list.select('layer').inputValue()).toBe('device');
    const both = await getJson<{ items: { number: string }[] }>(`/api/editions/${edition}/requirements?layer=device&threatCategory=security-function-design`);
    expect(await list.numbers()).toEqual(both.items.map((item) => item.number));

    await list.clear.click();
    await page.waitForURL((url) => url.search === '');
    expect(await list.numbers()).toHaveLength(all.items.length);
  });

  it('shows the glossary in あいうえお order with kana-row headings, and in ABC order', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await page.getByRole('banner').getByRole('link', { name: t.browse.navGlossary, exact: true }).click();
    const glossary = new GlossaryPage(page);
    await glossary.termLinks.first().waitFor();
    const kana = await getJson<{ terms: { term: Localized }[] }>(`/api/editions/${edition}/glossary?order=kana`);
    expect(await glossary.terms()).toEqual(kana.terms.map((term) => term.term.ja));
    const sections = await glossary.sections();
    expect(sections).toEqual(expect.arrayContaining(['あ行', 'か行', 'さ行']));
    expect(sections.indexOf('あ行')).toBeLessThan(sections.indexOf('か行'));

    await glossary.switchOrder('alpha');
    const alpha = await getJson<{ terms: { term: Localized }[] }>(`/api/editions/${edition}/glossary?order=alpha`);
    expect(await glossary.terms()).toEqual(alpha.terms.map((term) => term.term.en));
    expect((await glossary.sections()).slice(0, 2)).toEqual(['A', 'B']);
  });

  it('searches for 認証 from the header: ranked results by kind, partial matches highlighted with <mark>', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const search = new SearchResultsPage(page);
    await search.search('認証');
    const api = await getJson<SearchJson>(`/api/editions/${edition}/search?q=${encodeURIComponent('認証')}&limit=50&lang=ja`);
    const shown = await search.shown();
    expect(shown.length).toBe(api.results.length);
    expect(shown.map((result) => result.kind)).toEqual(api.results.map((result) => t.browse.searchKinds[result.kind as keyof typeof t.browse.searchKinds]));
    expect(shown.every((result, index) => result.title.endsWith(api.results[index]?.title.ja ?? '\u0000'))).toBe(true);

    const titles = shown.map((result) => result.title);
    expect(titles.some((title) => title.includes('ユーザ認証'))).toBe(true);
    // 認証 inside a longer word (認証情報) is found too, not only the word on its own.
    const texts = api.results.flatMap((result) => [result.title.ja, ...result.snippets.map((snippet) => snippet.text)]);
    expect(texts.some((text) => text.includes('認証情報'))).toBe(true);
    const marked = await search.markedTexts();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.some((text) => text.includes('認証'))).toBe(true);
    // Marks are elements the page built, never markup taken from the data.
    expect(await page.locator('main ol.search-results script').count()).toBe(0);

    const target = api.results.find((result) => result.kind === 'requirement' && result.title.ja.includes('ユーザ認証'));
    if (!target) throw new Error('no requirement titled ユーザ認証 in the results');
    Object.assign(opened, { id: target.id, number: target.number ?? '', title: target.title.ja });
    await search.openResult(target.title.ja);
    expect(new URL(page.url()).pathname).toBe(`/requirements/${target.id}`);
  });

  it("marks the item's glossary terms in its text and links them to the term, whose page lists the item", async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const detail = new RequirementPage(page);
    await detail.waitForDetail();
    expect(await detail.title()).toBe(`${opened.number} ${opened.title}`);
    const links = new TermLinks(page).links;
    expect(await links.count()).toBeGreaterThan(0);
    const first = links.first();
    const href = (await first.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/glossary\/[a-z0-9.-]+$/);
    await first.click();

    const term = new GlossaryTermPage(page);
    await term.waitForTerm();
    expect(new URL(page.url()).pathname).toBe(href);
    const termJson = await getJson<{ term: { term: Localized } }>(`/api/editions/${edition}${href}`);
    expect(await term.title()).toBe(termJson.term.term.ja);
    expect(await term.usedByItems()).toContain(`${opened.number} ${opened.title}`);

    // And back: the item is one click away from its term.
    await term.usedBy.getByRole('link', { name: `${opened.number} ${opened.title}` }).click();
    await detail.waitForDetail();
    expect(new URL(page.url()).pathname).toBe(`/requirements/${opened.id}`);
  });

  it("follows a mapping to the standard requirement's row on the standard page", async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const detail = new RequirementPage(page);
    const mapping = detail.mappingsTable.locator('tbody tr').first();
    const requirementId = (await mapping.getByRole('cell').nth(1).textContent())?.trim() ?? '';
    await mapping.getByRole('cell').nth(1).getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/standards/'));
    const standard = new StandardPage(page);
    await standard.table.waitFor();
    await expect.poll(() => standard.isTarget(requirementId)).toBe(true);
    expect(await standard.mappedNumbers(requirementId)).toContain(opened.number);
  });

  it('NIST SP 800-171r3: mapped requirements list their items; declared ones show out of scope with the reason', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const api = await getJson<StandardJson>(`/api/editions/${edition}/standards/nist-sp-800-171r3`);
    await page.getByRole('banner').getByRole('link', { name: t.browse.navStandards, exact: true }).click();
    const standard = new StandardPage(page);
    await standard.openFromList(api.standard.title.ja);

    const mapped = api.requirements.find((row) => row.mappedBy.length > 1);
    if (!mapped) throw new Error('no requirement with several items');
    expect(await standard.mappedNumbers(mapped.id)).toEqual(mapped.mappedBy.map((item) => item.number));

    const out = api.requirements.find((row) => row.outOfScope && !row.outOfScope.unconfirmedTarget);
    if (!out?.outOfScope) throw new Error('nist-sp-800-171r3 declares nothing out of scope');
    expect(await standard.answerBadge(out.id)).toBe(t.browse.outOfScope);
    expect(await standard.answerReason(out.id)).toBe(out.outOfScope.reason.ja);
    expect(await standard.mappedNumbers(out.id)).toEqual([]);
  });

  it('JC-STAR ★1: pending-verification requirements are flagged unconfirmed, never shown as settled', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const api = await getJson<StandardJson>(`/api/editions/${edition}/standards/jc-star-1`);
    await page.goto(new URL('/standards/jc-star-1', server.url).href);
    const standard = new StandardPage(page);
    await standard.table.waitFor();
    const pending = api.requirements.filter((row) => row.outOfScope?.unconfirmedTarget);
    expect(pending.length).toBeGreaterThan(0);
    for (const row of pending) {
      expect(await standard.answerBadge(row.id)).toBe(t.browse.pendingVerification);
      expect(await standard.facts(row.id)).toContain(t.browse.unconfirmed);
    }
    // The catalog as a whole is not fully verified, and the page says so before anything else.
    await page.getByRole('main').getByRole('note').filter({ hasText: t.browse.confidenceNotes.names_verified }).waitFor();
  });

  it('OWASP ISVS shows its CC BY-SA 4.0 attribution, in English too', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await page.goto(new URL('/standards/owasp-isvs', server.url).href);
    const standard = new StandardPage(page);
    await standard.licence.waitFor();
    expect(await standard.licence.textContent()).toContain('CC BY-SA 4.0');
    await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
    const english = new StandardPage(page, 'en');
    await english.licence.waitFor();
    expect(await english.licence.textContent()).toContain('licensed under CC BY-SA 4.0');
    expect(pageProblems).toEqual([]);
  });
});
