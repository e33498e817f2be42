import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../web/src/i18n/messages.js';
import { ADMIN, ASSESSOR, EDITOR, ORG_A } from './cast.js';
import type { Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { AssessmentPage } from './pages/assessment.page.js';
import { textOf, textsOf } from './pages/locator-text.js';

/**
 * An assessment outlives its edition: a final assessment on the bundled
 * edition is moved to a newer edition in which the editors reworded one
 * item. Unchanged items keep their verdicts, the reworded one asks to be
 * judged again and names its old verdict; after re-answering, the comparison
 * of the two assessments shows what got better and what got worse.
 */

const t = messages.ja;
const PEOPLE = { assessor: ASSESSOR, editor: EDITOR };

const PRODUCT = { name: 'スマート照明ハブ SL-200', model: 'SL-200' };
const TITLE = 'SL-200 廃棄時の診断';
const NEXT_EDITION = '2026.3';
/** A small checksheet: the device layer in the disposal phase. */
const SPEC = { layers: ['device'], phases: ['disposal'], profile: null };
const REWORDED = {
  ja: '利用者が機器の利用を終えるとき、アプリやWebの画面から機器の登録を解除でき、解除と同時に機器に発行したすべてのトークンを失効させる。',
  en: 'When users stop using a device, they can de-register it from the app or web pages, and doing so revokes every token issued to the device at once.',
};

interface Item {
  no: string;
  requirementId: string;
}
interface View {
  id: string;
  version: number;
  status: string;
  items: Item[];
}

describe('assessments: move to a newer edition, then compare', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let assessor: Page;
  let productId = '';
  let bundled = '';
  let oldId = '';
  let newPath = '';
  let items: Item[] = [];
  /** The item the editors reword, the one answered 不適合, and one left alone. */
  let changed: Item;
  let failed: Item;
  let unchanged: Item;

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform(ADMIN));
    if (!platform) return;
    const org = await platform.createOrganisation(ORG_A);
    productId = await platform.createProduct(org, PRODUCT);
    await platform.createUser(PEOPLE.assessor, null);
    await platform.createUser(PEOPLE.editor, null);
    bundled = (await platform.adminApi<{ current: string }>('GET', '/api/editions')).current;
  });

  afterAll(() => closeJourney(platform, browser));

  it('set-up: the assessor answers and finalises an assessment on the bundled edition', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    assessor = await platform.loginAs(PEOPLE.assessor);
    const created = await api<View>(platform, assessor, 'POST', '/api/assessments', {
      productId,
      title: TITLE,
      productVersion: '2.1.0',
      editionId: bundled,
      spec: SPEC,
    });
    oldId = created.id;
    items = created.items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    [unchanged, changed, failed] = items as [Item, Item, Item];
    for (const item of items) {
      const verdict = item === failed ? 'fail' : 'pass';
      await api(platform, assessor, 'PUT', `/api/assessments/${oldId}/answers/${encodeURIComponent(item.requirementId)}`, {
        verdict,
        evidence: `${item.no} の確認記録（2026-04）`,
        comment: '',
        version: 0,
      });
    }
    let view = await api<View>(platform, assessor, 'GET', `/api/assessments/${oldId}`);
    for (const to of ['in-review', 'final']) {
      view = await api<View>(platform, assessor, 'POST', `/api/assessments/${oldId}/status`, { to, version: view.version });
    }
    expect(view.status).toBe('final');
  });

  it('set-up: an editor rewords one of its items and publishes the next edition', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const editor = await platform.loginAs(PEOPLE.editor);
    await api(platform, editor, 'POST', '/api/drafts', { id: NEXT_EDITION, title: { ja: '2026年版 第3版', en: '2026 edition, 3rd' } });
    const path = `/api/drafts/${NEXT_EDITION}/requirements/${encodeURIComponent(changed.requirementId)}`;
    const { requirement, version } = await api<{ requirement: { criteria: { ja: string; en: string }[] }; version: number }>(platform, editor, 'GET', path);
    await api(platform, editor, 'PUT', path, { requirement: { ...requirement, criteria: [REWORDED, ...requirement.criteria.slice(1)] }, version });
    await api(platform, editor, 'POST', `/api/drafts/${NEXT_EDITION}/publish`, {
      changelog: { ja: `${changed.no} の基準を明確にした。`, en: `Clarified the criteria of ${changed.no}.` },
    });
    expect((await platform.adminApi<{ current: string }>('GET', '/api/editions')).current).toBe(NEXT_EDITION);
  });

  it('the assessor moves the final assessment to the new edition: changed items ask for review, the rest keep their verdicts', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const detail = new AssessmentPage(assessor);
    // A fresh load, so the page knows the edition published since the assessor logged in.
    await detail.open(platform.server.url, `/assessments/${oldId}`);
    await detail.waitForItems();
    await detail.readOnlyFinal.waitFor();
    expect((await textOf(detail.coverFact(t.assessments.edition))).split(' ')[0]).toBe(bundled);

    newPath = await detail.moveToEdition(NEXT_EDITION);
    expect(newPath).not.toBe(`/assessments/${oldId}`);
    const main = assessor.getByRole('main');
    await main.getByText(t.assessments.movedNotice(items.length - 1, 1, 0, 0), { exact: true }).waitFor();
    expect(await textOf(detail.heading)).toBe(TITLE);
    expect(await textOf(detail.coverFact(t.assessments.edition))).toContain('2026年版 第3版');
    expect(await textOf(detail.coverFact(t.assessments.carriedFrom))).toBe(`${oldId} ${t.assessments.compare}`);
    expect(await detail.statusText()).toBe(t.assessments.statuses.draft);
    // The same items in the checksheet's order (grouped by the first phase inside the assessment's filter).
    expect(await detail.itemNumbers()).toEqual(items.map((i) => i.no));

    // The reworded item: new text, verdict back to 要確認, the old verdict named, the evidence kept.
    expect(await detail.verdictValue(changed.no)).toBe('needs-review');
    expect(await textOf(detail.reviewFlag(changed.no))).toBe(t.assessments.reviewChanged(t.assessments.verdicts.pass));
    expect(await detail.evidenceValue(changed.no)).toBe(`${changed.no} の確認記録（2026-04）`);
    expect((await detail.criteria(changed.no))[0]).toBe(REWORDED.ja);

    // The others: no flag, verdict and evidence as they were.
    for (const [item, verdict] of [
      [unchanged, 'pass'],
      [failed, 'fail'],
    ] as const) {
      expect(await detail.verdictValue(item.no), item.no).toBe(verdict);
      expect(await detail.reviewFlag(item.no).count(), item.no).toBe(0);
      expect(await detail.evidenceValue(item.no), item.no).toBe(`${item.no} の確認記録（2026-04）`);
    }
    // The table marks exactly the one item that changed.
    expect(await main.locator('tr.item-row .mark-changed').count()).toBe(1);

    // The final assessment stays as it was, on its own edition.
    const old = await api<View & { edition: { id: string } }>(platform, assessor, 'GET', `/api/assessments/${oldId}`);
    expect(old.status).toBe('final');
    expect(old.edition.id).toBe(bundled);
  });

  it('after re-answering, the comparison shows one item worse, one better and the rest the same', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const detail = new AssessmentPage(assessor);
    await detail.answer(changed.no, { verdict: 'fail', evidence: '新しい基準ではトークンの一括失効が未実装' });
    await detail.answer(failed.no, { verdict: 'pass', evidence: '廃棄手順書 v2 で対応済み' });

    // Stored: a fresh load shows the new verdicts, and answering cleared the review flag.
    await detail.open(platform.server.url, newPath);
    await detail.waitForItems();
    expect(await detail.verdictValue(changed.no)).toBe('fail');
    expect(await detail.verdictValue(failed.no)).toBe('pass');
    expect(await detail.reviewFlag(changed.no).count()).toBe(0);
    expect(await detail.statusText()).toBe(t.assessments.statuses['in-progress']);

    // The carried assessment links to its comparison with the one it came from.
    const main = assessor.getByRole('main');
    await main.getByRole('link', { name: t.assessments.compare, exact: true }).click();
    await main.getByRole('heading', { level: 1, name: t.compare.title }).waitFor();
    await assessor.waitForURL((url) => url.searchParams.get('before') === oldId && `/assessments/${url.searchParams.get('after')}` === newPath);

    const comparison = main.getByRole('region', { name: `${TITLE} → ${TITLE}` });
    await comparison.getByRole('table').waitFor();
    const rows = await compareRows(comparison.getByRole('table'));
    expect(rows.map((r) => r.no)).toEqual(items.map((i) => i.no));
    const row = (item: Item) => rows.find((r) => r.no === item.no);
    expect(row(changed)).toMatchObject({ before: t.assessments.verdicts.pass, after: t.assessments.verdicts.fail, change: t.compare.changes.regressed });
    expect(row(failed)).toMatchObject({ before: t.assessments.verdicts.fail, after: t.assessments.verdicts.pass, change: t.compare.changes.improved });
    expect(row(unchanged)).toMatchObject({ before: t.assessments.verdicts.pass, after: t.assessments.verdicts.pass, change: t.compare.changes.same });
    expect(rows.filter((r) => r.change === t.compare.changes.same)).toHaveLength(items.length - 2);

    const counts = { improved: 1, regressed: 1, same: items.length - 2, changed: 0, added: 0, removed: 0 };
    expect(await textsOf(comparison.locator('ul.chips > li'))).toEqual(
      Object.entries(counts).map(([k, n]) => `${t.compare.changes[k as keyof typeof counts]} ${n}`),
    );
    // One 不適合 on each side: the score did not move.
    const score = `${Math.round(((items.length - 1) / items.length) * 100)}%`;
    await comparison.getByText(t.compare.scoreLine(score, score), { exact: true }).waitFor();

    expect(platform.problems).toEqual([]);
  });
});

/** An API call through the page's session that must succeed. */
async function api<T = unknown>(platform: Platform, page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const result = await platform.call(page, method, path, body);
  expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  return result.body as T;
}

/** The comparison table's rows as text: 項番, before, after, change. */
async function compareRows(table: Locator): Promise<{ no: string; before: string; after: string; change: string }[]> {
  const rows: { no: string; before: string; after: string; change: string }[] = [];
  for (const row of await table.locator('tbody > tr').all()) {
    const [no = '', , before = '', after = '', change = ''] = await textsOf(row.locator('td'));
    rows.push({ no, before, after, change });
  }
  return rows;
}
