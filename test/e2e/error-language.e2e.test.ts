import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOG, FIELD_ERROR_CATALOG } from '../../src/core/errors.js';
import { adminMessages } from '../../web/src/i18n/messages-admin.js';
import { messages } from '../../web/src/i18n/messages.js';
import { ADMIN, ASSESSOR } from './cast.js';
import { PASSWORD, Platform } from './flows.js';
import { closeJourney, openPlatform } from './journey.js';
import { AssessmentPage } from './pages/assessment.page.js';
import { LoginPage } from './pages/login.page.js';
import { NewProposalPage } from './pages/proposal-new.page.js';

/**
 * Issue 13, Show: with the UI in Japanese, each error the UI can meet —
 * wrong login (401), a blocked login (429), field errors (400), a stale
 * version (409), a write to a final assessment (409), a missing page (404) —
 * is told in Japanese, and no English text the server sent (a problem's
 * `title`, `detail` or a field's `message`) reaches the page.
 */

const t = messages.ja;
const a = adminMessages.ja;
const SPEC = { layers: ['device'], phases: ['disposal'], profile: null };

interface View {
  id: string;
  version: number;
  items: { no: string; requirementId: string }[];
}

/** Every English text the server sent in an error answer to this page, and the catalogs' own wordings. */
function englishWatch(page: Page): { texts: Set<string>; seen: string[] } {
  const texts = new Set<string>([...Object.values(ERROR_CATALOG), ...Object.values(FIELD_ERROR_CATALOG)]);
  const seen: string[] = [];
  page.on('response', async (response) => {
    if (response.status() < 400 || !(response.headers()['content-type'] ?? '').includes('json')) return;
    try {
      const body = (await response.json()) as { code?: string; title?: string; detail?: string; errors?: { message: string }[] };
      if (body.code) seen.push(`${response.status()} ${body.code}`);
      for (const text of [body.title, body.detail, ...(body.errors ?? []).map((e) => e.message)]) if (text && text.length > 3) texts.add(text);
    } catch {
      // Not a problem document.
    }
  });
  return { texts, seen };
}

/** The page's visible text holds none of the server's English sentences. */
async function expectNoEnglish(page: Page, watch: { texts: Set<string> }): Promise<void> {
  await page.locator('html[lang="ja"]').waitFor({ state: 'attached' });
  const shown = ((await page.locator('body').textContent()) ?? '').toLowerCase();
  const found = [...watch.texts].filter((text) => shown.includes(text.toLowerCase()));
  expect(found, `English server text on ${page.url()}`).toEqual([]);
}

async function api<T>(platform: Platform, page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const result = await platform.call(page, method, path, body);
  expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  return result.body as T;
}

describe('errors in the Japanese UI: no English server text', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;

  beforeAll(async () => {
    // Two wrong passwords block the pair, without delays between attempts.
    ({ browser, platform } = await openPlatform((opened) => Platform.open(opened, { config: { loginMaxAttempts: 2, loginDelayMs: 0 } })));
    if (!platform) return;
    await platform.setUpAdmin(ADMIN);
    await platform.createUser(ASSESSOR, null);
  });

  afterAll(() => closeJourney(platform, browser));

  /** The login form on a page whose UI language is set to Japanese before the app starts, watched for English error texts. */
  async function japaneseLogin(): Promise<{ page: Page; watch: ReturnType<typeof englishWatch>; login: LoginPage }> {
    if (!platform) throw new Error('no platform');
    const page = await platform.newPage({ locale: 'en-US' });
    await page.addInitScript("window.localStorage.setItem('tebiki.lang', 'ja')");
    const watch = englishWatch(page);
    const login = new LoginPage(page);
    await login.open(platform.server.url);
    return { page, watch, login };
  }

  it('a wrong password (401), then a blocked login (429)', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const { page, watch, login } = await japaneseLogin();
    // An address nobody has: the other journeys still log in from this client.
    for (const attempt of [1, 2]) {
      await login.email.fill('nobody@example.jp');
      await login.password.fill(`wrong-${attempt}-${PASSWORD}`);
      await login.submit.click();
      await login.error.filter({ hasText: t.problems['invalid-credentials'] }).waitFor();
      await expectNoEnglish(page, watch);
    }
    await login.password.fill(PASSWORD);
    await login.submit.click();
    await login.error.filter({ hasText: t.problems['login-blocked'] }).waitFor();
    await expectNoEnglish(page, watch);
    // (Before login the page also meets 401 unauthenticated from its own session check.)
    expect(watch.seen.filter((s) => s !== '401 unauthenticated')).toEqual(['401 invalid-credentials', '401 invalid-credentials', '429 login-blocked']);
  });

  it('field errors (400) shown next to the field in Japanese', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const { page, watch, login } = await japaneseLogin();
    await login.login(ADMIN.email, PASSWORD);
    await page.goto(platform.url('/account'));
    const form = page.getByRole('form', { name: a.changePassword });
    await form.getByLabel(a.currentPassword, { exact: true }).fill(`not-${PASSWORD}`);
    await form.getByLabel(a.newPassword, { exact: true }).fill('Another-Long-Passphrase-77');
    await form.getByRole('button', { name: a.changePassword }).click();
    await form.locator('.field-error', { hasText: t.fieldErrors.wrong }).waitFor();
    await form.getByRole('alert').filter({ hasText: t.problems['validation-failed'] }).waitFor();
    await expectNoEnglish(page, watch);

    // A password the policy refuses: its reason in Japanese.
    await form.getByLabel(a.currentPassword, { exact: true }).fill(PASSWORD);
    await form.getByLabel(a.newPassword, { exact: true }).fill('short');
    await form.getByRole('button', { name: a.changePassword }).click();
    await form.locator('.field-error').filter({ hasText: 'パスワード' }).waitFor();
    await expectNoEnglish(page, watch);
    expect(watch.seen.filter((s) => s !== '401 unauthenticated')).toEqual(['400 validation-failed', '400 validation-failed']);
  });

  it('a proposal refused for a control character in its title: the reason next to the title in Japanese', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const { page, watch, login } = await japaneseLogin();
    await login.login(ADMIN.email, PASSWORD);
    const form = new NewProposalPage(page);
    await page.goto(platform.url('/proposals/new'));
    await form.fill({ title: 'A bell \u0007 in the title', text: 'The title holds a control character.' });
    await form.submit.click();
    await form.errorOf('fieldTitle').filter({ hasText: t.fieldErrors['control-characters'] }).waitFor();
    await expectNoEnglish(page, watch);
    expect(watch.seen.filter((s) => s !== '401 unauthenticated')).toEqual(['400 validation-failed']);
  });

  it('a stale version (409), a write to a final assessment (409) and a missing assessment (404)', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const { page, watch, login } = await japaneseLogin();
    await login.login(ASSESSOR.email, PASSWORD);

    const org = await platform.createOrganisation('株式会社ビー電機');
    const productId = await platform.createProduct(org, { name: '見守りカメラ BC-10', model: 'BC-10' });
    const editionId = (await platform.adminApi<{ current: string }>('GET', '/api/editions')).current;
    const created = await api<View>(platform, page, 'POST', '/api/assessments', {
      productId,
      title: 'BC-10 の診断',
      productVersion: '1.0',
      editionId,
      spec: SPEC,
    });
    for (const item of created.items) {
      await api(platform, page, 'PUT', `/api/assessments/${created.id}/answers/${encodeURIComponent(item.requirementId)}`, {
        verdict: 'pass',
        evidence: `${item.no} を確認した`,
        comment: '',
        version: 0,
      });
    }
    const detail = new AssessmentPage(page);
    await detail.open(platform.server.url, `/assessments/${created.id}`);
    await detail.waitForItems();

    // Someone else moves it on: this page's move is refused as stale.
    let view = await api<View>(platform, page, 'GET', `/api/assessments/${created.id}`);
    view = await api<View>(platform, page, 'POST', `/api/assessments/${created.id}/status`, { to: 'in-review', version: view.version });
    await detail.statusBar.getByRole('button', { name: t.assessments.moveTo['in-review'], exact: true }).click();
    await detail.statusBar.getByRole('alert').filter({ hasText: t.assessments.conflict }).waitFor();
    await expectNoEnglish(page, watch);

    // It is finalised elsewhere: a change from this page is refused as read-only.
    await api(platform, page, 'POST', `/api/assessments/${created.id}/status`, { to: 'final', version: view.version });
    const first = created.items[0];
    if (!first) throw new Error('no items');
    await detail.answer(first.no, { verdict: 'fail', evidence: '再確認したところ不備があった' });
    await expectNoEnglish(page, watch);

    // A missing assessment.
    await detail.open(platform.server.url, '/assessments/no-such-assessment');
    await detail.notFound.waitFor();
    await expectNoEnglish(page, watch);

    expect(watch.seen).toContain('409 conflict');
    expect(watch.seen).toContain('404 not-found');
    expect(watch.seen.filter((s) => s === '409 conflict').length).toBeGreaterThanOrEqual(2);
    expect(platform.problems).toEqual([]);
  });
});
