import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../web/src/i18n/messages.js';
import { setUpFirstAdmin } from './flows.js';
import { closeJourney, getJsonThrough, openJourney, type Journey, noJourney } from './journey.js';
import { EditorDraftPage } from './pages/editor-draft.page.js';
import { EditorHomePage } from './pages/editor-home.page.js';
import { textOf } from './pages/locator-text.js';

/**
 * Review state per mapping and edition comparison in the browser: the item
 * page shows each mapping's review; the coverage dashboard counts reviewed
 * mappings only on request; an editor works through the review queue of a
 * draft and publishes it; the two editions are compared from the editions page.
 */

const ADMIN = { email: 'reviewer@example.jp', displayName: '査読 花子', password: 'Correct-Horse-Battery-Staple-42' };
const NEXT = { id: '2026.7', title: { ja: 'レビュー版', en: 'Reviewed edition' } };
const ja = messages.ja;

interface Overview {
  standards: { id: string; summary: Record<string, number> }[];
}

describe('reviewing mappings and comparing editions', () => {
  let { browser, platform, server, page }: Journey = noJourney();
  let edition = '';
  const pageProblems: string[] = [];

  const getJson = <T>(path: string) => getJsonThrough<T>(page, server?.url, path);

  async function putJson(path: string, data: unknown): Promise<void> {
    const { csrfToken } = (await (await page.request.get(new URL('/api/session', server?.url).href)).json()) as { csrfToken: string };
    const response = await page.request.fetch(new URL(path, server?.url).href, { method: 'PUT', headers: { 'x-csrf-token': csrfToken }, data });
    expect(response.status(), `PUT ${path}`).toBe(200);
  }

  beforeAll(async () => {
    ({ browser, platform, server, page } = await openJourney(pageProblems));
    if (!browser || !server) return;
    await setUpFirstAdmin(page, server.setupUrl, ADMIN);
    edition = (await getJson<{ current: string }>('/api/editions')).current;
  });

  afterAll(() => closeJourney(platform, browser));

  it('the item page shows the review state of each mapping', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    // Every mapping of the bundled edition was re-reviewed by the editors' group (issue 15).
    await page.goto(new URL('/requirements/ops-update-timely-delivery', server.url).href);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'II.2', exact: true }) });
    await row.getByText('レビュー済み').waitFor();
    expect(await textOf(row)).toContain('editors（2026-12-05）');
    expect(await page.locator('.review-unreviewed').count()).toBe(0);
  });

  it('the coverage dashboard can count reviewed mappings only; the choice is in the address', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await page.goto(new URL('/coverage', server.url).href);
    const card = page.locator('.cov-card[data-standard="iec-62443-4-1"]');
    const gapCount = card.locator('.cov-legend-count[data-status="gap"]');
    const all = await getJson<Overview>(`/api/editions/${edition}/coverage`);
    const reviewed = await getJson<Overview>(`/api/editions/${edition}/coverage?reviewed=only`);
    const gaps = (o: Overview) => String(o.standards.find((s) => s.id === 'iec-62443-4-1')?.summary.gap);
    // Every bundled mapping is reviewed, so both counts agree here; where they differ is shown in test/cli/coverage.test.ts.
    await expect.poll(() => textOf(gapCount)).toBe(gaps(all));
    await page.getByLabel('レビュー済みの対応付けだけを数える').check();
    await page.waitForURL((url) => url.searchParams.get('reviewed') === 'only');
    await page.getByTestId('reviewed-only-note').waitFor();
    await expect.poll(() => textOf(gapCount)).toBe(gaps(reviewed));
    await page.reload();
    await expect.poll(() => textOf(gapCount)).toBe(gaps(reviewed));
  });

  it('an editor works through the review queue of a draft, then publishes it', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await page.goto(new URL('/editor', server.url).href);
    const home = new EditorHomePage(page);
    await home.heading.waitFor();
    await home.openDraft(NEXT.id, NEXT.title);
    // The bundled edition has every mapping reviewed: three ISVS links of the draft go back to the queue first.
    const done = await getJson<{ rows: { item: string; requirement: string }[] }>(`/api/drafts/${NEXT.id}/reviews?state=reviewed&standard=owasp-isvs`);
    for (const row of done.rows.slice(0, 3)) {
      await putJson(`/api/drafts/${NEXT.id}/reviews`, { item: row.item, standard: 'owasp-isvs', requirement: row.requirement, state: 'unreviewed' });
    }
    await page.getByRole('navigation', { name: ja.editor.tabs }).getByRole('link', { name: 'レビュー', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/reviews'));
    await page.getByLabel('規格').selectOption('owasp-isvs');
    await page.waitForURL((url) => url.searchParams.get('standard') === 'owasp-isvs');
    const queue = await getJson<{ rows: { item: string; requirement: string }[] }>(`/api/drafts/${NEXT.id}/reviews?state=unreviewed&standard=owasp-isvs`);
    const count = page.getByTestId('review-count');
    await expect.poll(() => textOf(count)).toBe(`${queue.rows.length} 件`);
    const first = page.locator('.review-item').first();
    await first.getByRole('button', { name: 'レビュー済みにする' }).click();
    await expect.poll(() => textOf(count)).toBe(`${queue.rows.length - 1} 件`);
    // Disputing needs a note: the button stays disabled until one is written.
    const next = page.locator('.review-item').first();
    expect(await next.getByRole('button', { name: '異議ありにする' }).isDisabled()).toBe(true);
    await next.getByLabel('メモ（異議ありでは必須）').fill('ISVS の本文で確認すること');
    await next.getByRole('button', { name: '異議ありにする' }).click();
    await expect.poll(() => textOf(count)).toBe(`${queue.rows.length - 2} 件`);
    const disputed = await getJson<{ rows: { review: { note?: string } }[] }>(`/api/drafts/${NEXT.id}/reviews?state=disputed&standard=owasp-isvs`);
    expect(disputed.rows.map((r) => r.review.note)).toContain('ISVS の本文で確認すること');

    const draft = new EditorDraftPage(page);
    await draft.publish(NEXT.id, { ja: 'ISVS の対応付けを二件レビューした。', en: 'Reviewed two ISVS mappings.' });
  });

  it('the editions page links each edition to a comparison with the one before', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await page.getByRole('navigation', { name: ja.mainNavigation }).getByRole('link', { name: '版の一覧', exact: true }).click();
    const entry = page.locator(`[data-edition="${NEXT.id}"]`);
    await entry.getByRole('link', { name: '前の版と比較' }).click();
    await page.waitForURL((url) => url.pathname === '/editions/compare' && url.searchParams.get('to') === NEXT.id);
    await page.getByRole('heading', { level: 1, name: `${edition} → ${NEXT.id}` }).waitFor();
    await page.getByText(ja.editor.fields.reviews ?? 'reviews').waitFor();
    expect(pageProblems).toEqual([]);
  });
});
