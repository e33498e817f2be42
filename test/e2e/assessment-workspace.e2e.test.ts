import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceMessages } from '../../web/src/i18n/messages-workspace.js';
import { messages } from '../../web/src/i18n/messages.js';
import { PHASES } from '../../src/core/taxonomy.js';
import type { Person, Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { textOf } from './pages/locator-text.js';
import { WorkspacePage } from './pages/assessment-workspace.page.js';
import { exactly } from './pages/text-pattern.js';

/**
 * A day in the workspace: an assessment of the whole bundled edition, 30
 * items answered with the keyboard alone, the failed ones filtered (and the
 * filter kept in the link), a whole phase set to 対象外 with one reason, and
 * everything still there after a reload. A second assessor changes an item
 * meanwhile: the first one sees the conflict, nothing is overwritten.
 */

const t = messages.ja;
const w = workspaceMessages.ja;
const ADMIN = { email: 'admin@example.jp', displayName: '手引 管理者' };
const FIRST = { email: 'first@example.jp', displayName: '診断 一郎', role: 'assessor' } satisfies Person;
const SECOND = { email: 'second@example.jp', displayName: '診断 二郎', role: 'assessor' } satisfies Person;
const ANSWERED = 30;
const REASON = '本製品は廃棄時に利用者がデータ消去できる機能を持たず、回収後に工場で初期化するため';

interface View {
  id: string;
  items: { requirementId: string; no: string; phases: string[] }[];
  answers: { requirementId: string; no: string; verdict: string; evidence: string; comment: string; version: number }[];
}

/** The keys for the i-th answer: a mix of verdicts; 対象外 gets its reason first (it needs one to be stored). */
function plan(i: number): { verdict: string; key: string; field: 'evidence' | 'comment'; text: string } {
  const kinds = [
    { verdict: 'pass', key: '1', field: 'evidence' },
    { verdict: 'fail', key: '3', field: 'evidence' },
    { verdict: 'partial', key: '2', field: 'evidence' },
    { verdict: 'not-applicable', key: '4', field: 'comment' },
    { verdict: 'needs-review', key: '6', field: 'evidence' },
  ] as const;
  const k = kinds[i % kinds.length] ?? kinds[0];
  return { ...k, text: `確認記録 ${i + 1}: 設計書 v${i + 1} を確認` };
}

describe('assessment workspace: keyboard, filters in the URL, bulk, reload, conflict', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let first: Page;
  let path = '';
  let view: View;
  let disposalLabel = '';
  const typed = new Map<string, { verdict: string; text: string; field: string }>();

  const stored = async (page: Page) => (await platform?.call(page, 'GET', `/api${path}`))?.body as View;

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform(ADMIN));
    if (!platform) return;
    const org = await platform.createOrganisation('株式会社ワークスペース');
    const productId = await platform.createProduct(org, { name: 'IoT ゲートウェイ GW-1', model: 'GW-1' });
    await platform.createUser(FIRST, null);
    await platform.createUser(SECOND, null);
    const editionId = (await platform.adminApi<{ current: string }>('GET', '/api/editions')).current;
    const taxonomy = await platform.adminApi<{ phases: { id: string; label: { ja: string } }[] }>('GET', `/api/editions/${editionId}/taxonomy`);
    disposalLabel = taxonomy.phases.find((p) => p.id === 'disposal')?.label.ja ?? 'disposal';
    first = await platform.loginAs(FIRST);
    const created = await platform.call(first, 'POST', '/api/assessments', {
      productId,
      title: '全項目の診断',
      editionId,
      spec: { layers: [], phases: [], profile: null },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    view = created.body as View;
    path = `/assessments/${view.id}`;
  });

  afterAll(() => closeJourney(platform, browser));

  it('answers 30 items with the keyboard alone; autosave stores each one', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    expect(view.items.length).toBeGreaterThan(100);
    await first.goto(platform.url(path));
    const ws = new WorkspacePage(first);
    await ws.pane.waitFor();
    for (let i = 0; i < ANSWERED; i++) {
      const no = await ws.currentNo();
      const p = plan(i);
      // Text first for 対象外 (its reason), verdict first otherwise; Escape goes back to the row.
      if (p.field === 'comment') await ws.press('c');
      else await ws.press(p.key, 'e');
      // Wait on what the page shows, not on time: the text field has the focus before typing,
      // and has lost it again before a verdict key, which would otherwise be typed into it.
      await first.waitForFunction("document.activeElement?.tagName === 'TEXTAREA'");
      await first.keyboard.type(p.text);
      await ws.press('Escape');
      await first.waitForFunction("document.activeElement?.tagName !== 'TEXTAREA'");
      if (p.field === 'comment') await ws.press(p.key);
      typed.set(no, p);
      await ws.press('n');
      await ws.pane.locator('h2 .item-number', { hasText: exactly(no) }).waitFor({ state: 'detached' });
    }
    await ws.allSaved();
    expect(await ws.answeredText()).toBe(w.answered(ANSWERED, view.items.length));
    const now = await stored(first);
    for (const [no, p] of typed) {
      const a = now.answers.find((x) => x.no === no);
      expect(a?.verdict, no).toBe(p.verdict);
      expect(p.field === 'comment' ? a?.comment : a?.evidence, no).toBe(p.text);
    }
  });

  it('filters to the failed ones; the filter is in the URL and a link shows the same view', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const ws = new WorkspacePage(first);
    await ws.verdictChip(t.assessments.verdicts.fail).check();
    await first.waitForURL((url) => url.searchParams.get('verdict') === 'fail');
    const failed = [...typed].filter(([, p]) => p.verdict === 'fail').map(([no]) => no);
    await ws.rows.nth(failed.length).waitFor({ state: 'detached' });
    expect(await ws.shownNumbers()).toEqual(failed);
    expect(new Set(await ws.shownVerdicts())).toEqual(new Set([t.assessments.verdicts.fail]));

    const other = await first.context().newPage();
    await other.goto(first.url());
    const linked = new WorkspacePage(other);
    await linked.rows.first().waitFor();
    expect(await linked.shownNumbers()).toEqual(failed);
    expect(await linked.verdictChip(t.assessments.verdicts.fail).isChecked()).toBe(true);
    await other.close();
  });

  it('sets a whole phase to 対象外 with one reason, then a reload shows everything saved', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    await first.goto(platform.url(path));
    const ws = new WorkspacePage(first);
    await ws.groupCheckbox(disposalLabel).check();
    // The group of an item is its first phase in lifecycle order.
    const disposal = view.items.filter((i) => PHASES.find((p) => (i.phases as string[]).includes(p)) === 'disposal').map((i) => i.no);
    expect(disposal.length).toBeGreaterThan(0);
    expect(await ws.applyBulk(t.assessments.verdicts['not-applicable'], REASON)).toBe(w.bulkDone(disposal.length));

    await first.reload();
    await ws.rows.first().waitFor();
    expect(await ws.answeredText()).toBe(w.answered(ANSWERED + disposal.length, view.items.length));
    const now = await stored(first);
    for (const no of disposal) expect(now.answers.find((a) => a.no === no)).toMatchObject({ verdict: 'not-applicable', comment: REASON });
    for (const [no, p] of typed) expect(now.answers.find((a) => a.no === no)?.verdict, no).toBe(p.verdict);

    // What blocks finalising is one click away: the unanswered items, as a filter in the URL.
    const open = view.items.length - ANSWERED - disposal.length;
    await ws.progress.getByRole('button', { name: w.blockers(open), exact: true }).click();
    await first.waitForURL((url) => url.searchParams.get('state') === 'unanswered');
    await ws.rows.nth(open).waitFor({ state: 'detached' });
    expect(await ws.rows.count()).toBe(open);
  });

  it('evidence files arrive by drag and drop and by pasting a screenshot; the row shows them', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const no = [...typed.keys()][0] ?? '';
    const target = view.items.find((i) => i.no === no);
    if (!target) throw new Error('item');
    await first.goto(platform.url(`${path}?item=${encodeURIComponent(target.requirementId)}`));
    const ws = new WorkspacePage(first);
    await ws.pane.waitFor();
    const zone = ws.pane.locator('.drop-zone');
    expect(await textOf(zone)).toContain(w.dropZone);
    const dropped = await first.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['ポートスキャン結果 2026-12-01'], '走査結果.txt', { type: 'text/plain' }));
      return data;
    })()`);
    await zone.dispatchEvent('drop', { dataTransfer: dropped });
    await ws.pane.getByRole('link', { name: t.assessments.download('走査結果.txt'), exact: true }).waitFor();
    // A screenshot on the clipboard (a 1×1 PNG), pasted anywhere on the page.
    await first.evaluate(`(() => {
      const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([png], 'image.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    })()`);
    await ws.pane.getByRole('link', { name: /^.*screenshot-.*\.png.*$/ }).waitFor();
    await ws.rows.filter({ hasText: no }).getByText(w.hasFiles(2), { exact: true }).waitFor();
  });

  it('a second browser changes the same item: the first sees the conflict with their answer, nothing is overwritten; undo is a new write', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const target = (await stored(first)).answers.find((a) => a.verdict === 'unassessed');
    if (!target) throw new Error('an unanswered item is needed');
    const url = platform.url(`${path}?item=${encodeURIComponent(target.requirementId)}`);
    await first.goto(url);
    const a = new WorkspacePage(first);
    await a.pane.waitFor();
    expect(await a.currentNo()).toBe(target.no);

    const second = await platform.loginAs(SECOND);
    await second.goto(url);
    const b = new WorkspacePage(second);
    await b.pane.waitFor();
    await b.press('3', 'e');
    await second.keyboard.type('二郎の確認: telnet が開いている');
    await b.press('Escape');
    await b.allSaved();

    // The first assessor still holds version 0 of the item.
    await a.press('1');
    await a.conflict.waitFor();
    expect(await textOf(a.conflict)).toContain(w.conflictTitle(target.no));
    await a.conflict.getByText(w.theirAnswer(SECOND.displayName)).waitFor();
    expect(await textOf(a.conflict)).toContain('二郎の確認: telnet が開いている');
    expect(await textOf(a.saveState())).toBe(w.save.conflict);
    const kept = (await stored(first)).answers.find((x) => x.requirementId === target.requirementId);
    // Two writes of the second assessor (verdict, then evidence): version 2, untouched by the first.
    expect(kept).toMatchObject({ verdict: 'fail', evidence: '二郎の確認: telnet が開いている', version: 2 });

    // Taking theirs; then a change and its undo, each stored as its own write.
    await a.conflict.getByRole('button', { name: w.takeTheirs, exact: true }).click();
    await a.conflict.waitFor({ state: 'detached' });
    await a.press('2');
    await a.allSaved();
    await a.press('z');
    await first
      .getByRole('status')
      .filter({ hasText: w.undone(target.no) })
      .waitFor();
    await a.allSaved();
    const after = (await stored(first)).answers.find((x) => x.requirementId === target.requirementId);
    expect(after).toMatchObject({ verdict: 'fail', version: 4 });
    const history = (await platform.call(first, 'GET', `/api${path}/answers/${encodeURIComponent(target.requirementId)}/history`)).body as {
      history: { source: string; verdict: string; by: { displayName: string } }[];
    };
    expect(history.history.slice(0, 3).map((h) => [h.source, h.verdict, h.by.displayName])).toEqual([
      ['undo', 'fail', FIRST.displayName],
      ['answer', 'partial', FIRST.displayName],
      ['answer', 'fail', SECOND.displayName],
    ]);
    expect(platform.problems).toEqual([]);
  });

  it('room for suggestions: with the probe route answering (stubbed in the browser), rows mark them, the pane shows the basis, a run is accepted in one action', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    // GET …/suggestions is the probe work's route (404 until it lands): its documented shape is served here in the browser only.
    const [x, y] = view.items.slice(-2);
    if (!x || !y) throw new Error('items');
    const basis = {
      source: 'probe',
      runId: 'run-7',
      check: 'tls.protocols',
      target: '127.0.0.1:8443',
      verdict: 'fail',
      at: '2026-12-01T09:00:00Z',
      coverage: 'full',
    };
    const suggestions = [
      {
        requirementId: x.requirementId,
        verdict: 'fail',
        reason: 'TLS 1.0 を受け付ける',
        basis: [{ ...basis, summary: { ja: 'TLS 1.0 で接続できた', en: 'TLS 1.0 accepted' } }],
      },
      {
        requirementId: y.requirementId,
        verdict: 'pass',
        reason: '平文の管理画面なし',
        basis: [{ ...basis, verdict: 'pass', summary: { ja: 'HTTP は閉じている', en: 'HTTP closed' } }],
      },
    ];
    const accepted: unknown[] = [];
    const page = await first.context().newPage();
    await page.route('**/api/assessments/*/suggestions', (route) => route.fulfill({ json: { suggestions } }));
    await page.route('**/api/assessments/*/suggestions/accept', (route) => {
      accepted.push(route.request().postDataJSON());
      return route.fulfill({ json: { accepted: 2 } });
    });
    await page.goto(platform.url(`${path}?state=suggested&item=${encodeURIComponent(x.requirementId)}`));
    const ws = new WorkspacePage(page);
    await ws.rows.nth(1).waitFor();
    expect(await ws.shownNumbers()).toEqual([x.no, y.no]);
    await ws.rows.first().getByText(w.suggestionWaiting, { exact: true }).waitFor();
    const section = ws.pane.getByRole('region', { name: w.suggestion });
    expect(await textOf(section)).toContain('TLS 1.0 で接続できた');
    expect(await textOf(section)).toContain(w.suggestionVerdict(t.assessments.verdicts.fail));
    await ws.bulk.getByRole('button', { name: w.acceptRunButton('run-7', 2), exact: true }).click();
    await expect.poll(() => accepted).toEqual([{ requirementIds: [x.requirementId, y.requirementId] }]);
    await page.close();
  });
});
