import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../web/src/i18n/messages.js';
import { craMessages } from '../../web/src/i18n/messages-cra.js';
import { importOsvSetIntoDataDir } from '../helpers/osv-fixtures.js';
import { cyclonedxJson } from '../helpers/sbom-fixtures.js';
import type { Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { CraPages } from './pages/cra.page.js';

/**
 * A member marks a vulnerability matched to the product's SBOM actively
 * exploited (from the product version's list of known vulnerabilities), sees the 24 h clock and
 * the owner notified, drafts and marks the early warning sent, completes the
 * 72 h notification, adds the corrective measure and sees the final report
 * due 14 days later; a member of another organisation sees none of it.
 */

const c = craMessages.ja;
const t = messages.ja;
const TITLE = 'Web 管理画面のコマンドインジェクション';
const PRODUCT = 'ホームゲートウェイ';
const HOUR = 3_600_000;
const people = {
  owner: { email: 'owner@a.example.jp', displayName: '報告 責任者', role: 'member' as const },
  member: { email: 'member@a.example.jp', displayName: '会員 花子', role: 'member' as const },
  outsider: { email: 'member@b.example.jp', displayName: '他社 次郎', role: 'member' as const },
  manager: { email: 'manager@a.example.jp', displayName: '組織 管理者', role: 'member' as const },
};

describe('CRA reporting from "actively exploited" to the final-report clock', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let member: Page;
  let manager: Page;
  let cra: CraPages;
  let caseId = '';
  let versionPath = '';

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform({ email: 'admin@example.jp', displayName: '管理者' }));
    if (!platform) return;
    const p = platform;
    const orgA = await p.createOrganisation('エー電機');
    const orgB = await p.createOrganisation('ビー工業');
    const product = await p.createProduct(orgA, { name: PRODUCT, model: 'HG-1' });
    await p.adminApi('POST', `/api/products/${product}/versions`, { version: '1.0.0' });
    await p.adminApi('POST', `/api/products/${product}/versions`, { version: '1.1.0' });
    await p.createUser(people.owner, orgA);
    await p.createUser(people.member, orgA);
    await p.createUser(people.outsider, orgB);
    await p.createUser(people.manager, orgA);
    const users = (await p.adminApi<{ users: { id: string; email: string }[] }>('GET', '/api/admin/users')).users;
    const managerId = users.find((u) => u.email === people.manager.email)?.id;
    const { csrfToken } = (await (await p.admin.request.get(p.url('/api/session'))).json()) as { csrfToken: string };
    const patched = await p.admin.request.fetch(p.url(`/api/users/${managerId}`), {
      method: 'PATCH',
      headers: { 'x-csrf-token': csrfToken },
      data: { orgManager: true },
    });
    expect(patched.status()).toBe(200);
    manager = await p.loginAs(people.manager);
    member = await p.loginAs(people.member);
    cra = new CraPages(member, p.server.url);
    // OSV records as `import osv` stores them, and the member's SBOM for 1.0.0: the matches the journey starts from.
    await importOsvSetIntoDataDir(p.server.dataDir);
    versionPath = `/products/${product}/versions/1.0.0`;
    const memberCsrf = ((await (await member.request.get(p.url('/api/session'))).json()) as { csrfToken: string }).csrfToken;
    const uploaded = await member.request.post(p.url(`/api${versionPath}/sboms`), {
      headers: { 'x-csrf-token': memberCsrf, 'content-type': 'application/json', 'x-filename': 'gateway.cdx.json' },
      data: Buffer.from(JSON.stringify(cyclonedxJson('1.6'))),
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
  });
  afterAll(() => closeJourney(platform, browser));

  it('the organisation manager names the reporting owner and writes the criteria', async (ctx) => {
    if (!platform) return ctx.skip();
    await manager.goto(platform.url('/cra/settings'));
    const card = manager.getByRole('main').getByRole('article', { name: PRODUCT });
    await card.getByRole('option', { name: people.owner.displayName }).waitFor({ state: 'attached' });
    await card.getByLabel(c.chooseOwner, { exact: true }).selectOption({ label: people.owner.displayName });
    await card.getByRole('button', { name: c.saveContacts }).click();
    await card.getByRole('status').waitFor();
    const editor = manager
      .getByRole('main')
      .locator('.card')
      .filter({ has: manager.locator('#criteria-exploited') });
    await editor.locator('#criteria-exploited').fill('公開された攻撃コードが使われている | A public exploit is in use');
    await editor.getByRole('button', { name: c.saveCriteria }).click();
    await manager
      .getByRole('main')
      .getByRole('heading', { name: `${c.criteriaKinds.exploited} (${c.criteriaVersion(1)})` })
      .waitFor();
  });

  it('marks the vulnerability actively exploited: the 24 h clock runs and the owner is notified', async (ctx) => {
    if (!platform) return ctx.skip();
    caseId = await cra.markMatchExploited({
      versionPath,
      vulnerabilityId: 'DSA-0000-1',
      title: TITLE,
      state: 'DE',
      criterion: '公開された攻撃コード',
    });
    await cra.main.getByText('DSA-0000-1').first().waitFor();
    const aware = await cra.main.locator('p time').first().getAttribute('datetime');
    expect(Date.parse((await cra.clockDue('early-warning')) ?? '') - Date.parse(aware ?? '')).toBe(24 * HOUR);
    expect(Date.parse((await cra.clockDue('notification')) ?? '') - Date.parse(aware ?? '')).toBe(72 * HOUR);
    await cra
      .clock('early-warning')
      .getByText(/残り 2[34] 時間/)
      .waitFor();
    await cra.main
      .locator('li[data-contact="owner"]')
      .getByText(/通知済み/)
      .waitFor();

    const owner = await platform.loginAs(people.owner);
    await owner.goto(platform.url('/inbox'));
    await owner.getByRole('main').getByText(`CRA 報告案件: ${TITLE}`).waitFor();

    await member.goto(platform.url('/cra'));
    await cra.main.getByRole('table', { name: c.realCases }).getByRole('link', { name: TITLE }).waitFor();
  });

  it('drafts and marks the early warning sent, completes the 72 h notification', async (ctx) => {
    if (!platform) return ctx.skip();
    await member.goto(platform.url(`/cra/cases/${caseId}`));
    // Reports go in order: the notification says, in the reader's language, that the early warning comes first.
    await cra.report('notification').getByRole('button', { name: c.markSent }).click();
    await cra.report('notification').getByRole('alert').getByText(t.fieldErrors['earlier-report-unsent']).waitFor();
    await cra.send('early-warning');
    // The notification needs its fields: each says so next to it, in the reader's language, and nothing is marked sent.
    await cra.report('notification').getByRole('button', { name: c.markSent }).click();
    for (const name of ['nature', 'measures'] as const) await cra.fieldError('notification', name).getByText(t.fieldErrors['required-to-send']).waitFor();
    expect(await cra.report('notification').getByLabel(c.nature, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await cra.report('notification').locator('.cra-sent').count()).toBe(0);
    await cra.send('notification', { nature: 'CGI の引数経由で任意コマンド実行', measures: 'リモート管理を無効化' });
  });

  it('adds the corrective measure: the final report is due 14 days later', async (ctx) => {
    if (!platform) return ctx.skip();
    await cra.clock('final').getByText(c.waitingFinal).waitFor();
    expect(await cra.clock('final').locator('time').count()).toBe(0);
    await cra.recordCorrective('ファームウェア 1.1.1 で修正');
    const corrective = await cra.main.locator('time[data-corrective-at]').getAttribute('datetime');
    const finalDue = await cra.clock('final').locator('time').getAttribute('datetime');
    expect(Date.parse(finalDue ?? '') - Date.parse(corrective ?? '')).toBe(14 * 24 * HOUR);
  });

  it('a member of another organisation sees none of it', async (ctx) => {
    if (!platform) return ctx.skip();
    const outsider = await platform.loginAs(people.outsider);
    await outsider.goto(platform.url(`/cra/cases/${caseId}`));
    await outsider.getByRole('main').getByRole('alert').waitFor();
    expect(await outsider.getByRole('main').getByText(TITLE).count()).toBe(0);
    await outsider.goto(platform.url('/cra'));
    await outsider.getByRole('main').getByText(c.noCases).first().waitFor();
    expect(await outsider.getByRole('main').getByText(TITLE).count()).toBe(0);
    expect((await platform.call(outsider, 'GET', `/api/cra/cases/${caseId}`)).status).toBe(404);
    expect(platform.problems).toEqual([]);
  });
});
