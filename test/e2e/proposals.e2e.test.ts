import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../web/src/i18n/messages.js';
import type { Platform, TestServer } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { textOf } from './pages/locator-text.js';
import { NewProposalPage } from './pages/proposal-new.page.js';
import { ProposalPage } from './pages/proposal.page.js';
import { ProposalsPage } from './pages/proposals.page.js';
import { RequirementPage } from './pages/requirement.page.js';

/**
 * A member's concern travels to the guidebook: a member submits it, an editor
 * accepts it into a draft edition as a new item, the member's organisation
 * reads the outcome, and another organisation cannot even see that it exists.
 * Each person has their own browser context (their own session).
 */

interface Localized {
  ja: string;
  en: string;
}

const t = messages.ja;
const ADMIN = { email: 'admin@example.jp', displayName: '手引 管理者' };
const PEOPLE = {
  memberA: { email: 'a@example.jp', displayName: '会員 A 太郎', role: 'member', org: 'a' },
  colleagueA: { email: 'a2@example.jp', displayName: '会員 A 花子', role: 'member', org: 'a' },
  memberB: { email: 'b@example.jp', displayName: '会員 B 次郎', role: 'member', org: 'b' },
  editor: { email: 'editor@example.jp', displayName: '編集者 三郎', role: 'editor', org: null },
} as const;
type Person = keyof typeof PEOPLE;

const CONCERN = {
  title: 'BLE の Just Works ペアリングで中間者攻撃を防げない',
  text: '設置時のペアリングが Just Works 方式のため、近くにいる攻撃者が中継して接続できる。\n手引書にペアリング方式の項目が見当たらない。',
  industry: 'スマートホーム',
};

describe('member proposals: submit, triage into a draft, read the outcome', () => {
  let browser: Browser | null = null;
  let server: TestServer | null = null;
  let platform: Platform | null = null;
  const pages = {} as Record<Person | 'admin', Page>;
  let proposalPath = '';
  let labels: { device: string; designSoftware: string } = { device: '', designSoftware: '' };

  /** The admin API through the admin's browser session (flows.ts). */
  async function adminApi(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    if (!platform) throw new Error('no platform');
    return platform.adminApi(method, path, body);
  }

  async function loginAs(who: Person): Promise<Page> {
    if (!platform) throw new Error('no platform');
    const page = await platform.loginAs(PEOPLE[who]);
    pages[who] = page;
    return page;
  }

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform(ADMIN));
    if (!platform) return;
    server = platform.server;
    pages.admin = platform.admin;
    const orgs = { a: await platform.createOrganisation('株式会社エー電機'), b: await platform.createOrganisation('ビー工業合同会社') };
    for (const person of Object.values(PEOPLE)) await platform.createUser(person, person.org ? orgs[person.org] : null);
    const { current } = (await adminApi('GET', '/api/editions')) as { current: string };
    const matrix = (await adminApi('GET', `/api/editions/${current}/matrix`)) as {
      layers: { id: string; label: Localized }[];
      phases: { id: string; label: Localized }[];
    };
    labels = {
      device: matrix.layers.find((l) => l.id === 'device')?.label.ja ?? 'device',
      designSoftware: matrix.phases.find((p) => p.id === 'design.software')?.label.ja ?? 'design.software',
    };
    // The drafts API opens the edition the editor adds to.
    await adminApi('POST', '/api/drafts', { id: '2026.3', title: { ja: '2026年版 第3版（草案）', en: '2026 edition 3 (draft)' } });
  });

  afterAll(() => closeJourney(platform, browser));

  it('a member submits a concern from the navigation', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const page = await loginAs('memberA');
    const list = new ProposalsPage(page);
    await list.navLink().click();
    await list.waitForList();
    expect(await textOf(list.heading)).toBe(t.proposals.listTitle);
    expect(await list.titles()).toEqual([]);

    await list.newButton.click();
    const form = new NewProposalPage(page);
    await form.heading.waitFor();
    // Nothing is sent while the required fields are empty.
    await form.submit.click();
    await form.errorOf('fieldTitle').waitFor();
    expect(await textOf(form.errorOf('fieldText'))).toBe(t.fieldRequired);
    expect(new URL(page.url()).pathname).toBe('/proposals/new');

    await form.submitProposal({ ...CONCERN, layers: [labels.device], phases: [labels.designSoftware] });
    proposalPath = new URL(page.url()).pathname;
    const detail = new ProposalPage(page);
    await detail.submittedNotice.waitFor();
    expect(await textOf(detail.heading)).toBe(CONCERN.title);
    expect(await detail.statusText()).toBe(t.proposals.statuses.submitted);
    expect(await textOf(detail.concern)).toContain('近くにいる攻撃者が中継して接続できる。');
    await detail.awaiting.waitFor();
    expect(await detail.decisionPanel.count()).toBe(0);
  });

  it('an editor finds it in the triage queue and accepts it into the draft as a new item', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const page = await loginAs('editor');
    const queue = new ProposalsPage(page);
    await queue.open(server.url);
    expect(await textOf(queue.heading)).toBe(t.proposals.triageTitle);
    await queue.filter('submitted');
    expect(await queue.titles()).toContain(CONCERN.title);
    await queue.openProposal(CONCERN.title);

    const detail = new ProposalPage(page);
    await detail.waitForProposal();
    await detail.decisionPanel.waitFor();
    await detail.acceptAsNewItem({
      number: 'D-99.1',
      id: 'design-ble-pairing-method',
      titleJa: 'BLE ペアリング方式の選定',
      titleEn: 'Choosing the BLE pairing method',
      threatCategory: 'device-authentication',
    });
    expect(await detail.statusText()).toBe(t.proposals.statuses.accepted);
    expect(await textOf(detail.outcome)).toContain(t.proposals.linkedDraft('2026.3'));
    expect(await detail.editInDraftLink().getAttribute('href')).toBe('/editor/2026.3/requirements/design-ble-pairing-method');

    // The draft holds the new item, its unwritten parts marked for the editor.
    const item = await page.request.get(new URL('/api/drafts/2026.3/requirements/design-ble-pairing-method', server.url).href);
    expect(item.status()).toBe(200);
    expect(await item.text()).toContain('【要記入】');
  });

  it("the member's organisation reads the outcome", async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    for (const who of ['memberA', 'colleagueA'] as const) {
      const page = pages[who] ?? (await loginAs(who));
      const detail = new ProposalPage(page);
      await detail.open(server.url, proposalPath);
      await detail.outcome.waitFor();
      expect(await detail.statusText()).toBe(t.proposals.statuses.accepted);
      const outcome = await textOf(detail.outcome);
      expect(outcome).toContain('D-99.1');
      expect(outcome).toContain('BLE ペアリング方式の選定');
      expect(outcome).toContain(PEOPLE.editor.displayName);
      expect(await detail.decisionPanel.count()).toBe(0);
      expect(await detail.editInDraftLink().count()).toBe(0);
    }
  });

  it('a member of another organisation cannot see it: not listed, its URL shows not found', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const page = await loginAs('memberB');
    const list = new ProposalsPage(page);
    await list.open(server.url);
    expect(await list.titles()).not.toContain(CONCERN.title);
    await list.empty.waitFor();

    const detail = new ProposalPage(page);
    await detail.open(server.url, proposalPath);
    await detail.notFound.waitFor();
    expect(await page.getByText(CONCERN.title).count()).toBe(0);
  });

  it('an editor links another concern to an existing item; the member follows the link', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const member = pages.memberA;
    const form = new NewProposalPage(member);
    await member.goto(new URL('/proposals/new', server.url).href);
    await form.heading.waitFor();
    await form.submitProposal({ title: '初期パスワードの共通化', text: '出荷時に全台同じ初期パスワードが設定されている製品がある。' });
    const path = new URL(member.url()).pathname;

    const { current } = (await adminApi('GET', '/api/editions')) as { current: string };
    const items = (await adminApi('GET', `/api/editions/${current}/requirements`)) as { items: { id: string; number: string; title: Localized }[] };
    const target = items.items.find((i) => i.id === 'design-auth-no-default-passwords') ?? items.items[0];
    if (!target) throw new Error('the bundled edition has no items');

    const editor = new ProposalPage(pages.editor);
    await editor.open(server.url, path);
    await editor.decisionPanel.waitFor();
    await editor.acceptExisting(target.number, target.number);

    const detail = new ProposalPage(member);
    await detail.open(server.url, path);
    await detail.outcome.waitFor();
    await detail.outcomeRequirementLink().click();
    const requirement = new RequirementPage(member);
    await requirement.waitForDetail();
    expect(await requirement.title()).toBe(`${target.number} ${target.title.ja}`);
    expect(platform?.problems).toEqual([]);
  });
});
