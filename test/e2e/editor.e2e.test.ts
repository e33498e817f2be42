import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../web/src/i18n/messages.js';
import { PASSWORD, Platform, recordProblems } from './flows.js';
import { closeJourney, getJsonThrough, noJourney, startPlatform, type Journey } from './journey.js';
import { AppHeader } from './pages/app-header.page.js';
import { EditorDraftPage } from './pages/editor-draft.page.js';
import { EditorHomePage } from './pages/editor-home.page.js';
import { RequirementEditorPage } from './pages/editor-requirement.page.js';
import { textOf } from './pages/locator-text.js';
import { LoginPage } from './pages/login.page.js';
import { RequirementPage } from './pages/requirement.page.js';

/**
 * An editor's journey: open a draft of the next edition, break and fix an
 * item's English title (the form says what is wrong as they type), see the
 * change in the diff, publish. The new edition becomes current with the new
 * title; the old edition still has the old one.
 */

interface Localized {
  ja: string;
  en: string;
}

const ADMIN = { email: 'admin@example.jp', displayName: '管理者' };
const EDITOR = { email: 'editor@example.jp', displayName: '仕様検討部会 編集者', role: 'editor' } as const;
const NEXT = { id: '2026.3', title: { ja: 'IoTセキュリティ手引書 2026年版 第3版', en: 'IoT Security Guidebook, 2026 edition, 3rd' } };

/** Logs in through the API of a separate context and returns a request function that carries the CSRF token. */
describe('editing a draft and publishing it', () => {
  let { browser, platform, server, page }: Journey = noJourney();
  const pageProblems: string[] = [];
  let target: { id: string; number: string; title: Localized };
  let baseId = '';
  const newTitle = 'Security architecture design, reviewed for 2026.3';

  const getJson = <T>(path: string) => getJsonThrough<T>(page, server?.url, path);

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform(ADMIN));
    if (!platform) return;
    // The first administrator through the setup page, then the editor through the admin API (flows.ts).
    server = platform.server;
    await platform.createUser(EDITOR, null);
    page = await platform.newPage();
    recordProblems(page, pageProblems);
  });

  afterAll(() => closeJourney(platform, browser));

  it('an editor finds the editor in the navigation and opens a draft from the current edition', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    await page.goto(new URL('/login', server.url).href);
    await new LoginPage(page).login(EDITOR.email, PASSWORD);
    const editions = await getJson<{ current: string }>('/api/editions');
    baseId = editions.current;
    const items = await getJson<{ items: { id: string; number: string; title: Localized }[] }>(`/api/editions/${baseId}/requirements`);
    target = items.items.find((i) => i.number === 'D-1.1') ?? (items.items[0] as (typeof items.items)[number]);

    await page.getByRole('navigation', { name: messages.ja.mainNavigation }).getByRole('link', { name: messages.ja.editor.nav, exact: true }).click();
    const home = new EditorHomePage(page);
    await home.heading.waitFor();
    await home.openDraft(NEXT.id, NEXT.title);
    const draft = new EditorDraftPage(page);
    await draft.heading.waitFor();
    expect(await textOf(draft.heading)).toContain(NEXT.title.ja);
  });

  it('shows the problem next to the English title as it is emptied, and clears it once fixed', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const t = messages.ja;
    await new EditorDraftPage(page).editRequirement(target.number);
    const form = new RequirementEditorPage(page);
    await form.heading.waitFor();
    const en = form.title('en');
    expect(await en.inputValue()).toBe(target.title.en);

    await en.fill('');
    await form.waitForInvalid(en);
    const error = await form.errorOf(en);
    expect(await textOf(error)).toBe(t.editor.problemMessages['must not be empty']);

    await en.fill(newTitle);
    await form.waitForValid(en);
    await form.saveButton.click();
    await form.savedNotice.waitFor();
  });

  it('the changes tab shows the new title against the old one', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const draft = new EditorDraftPage(page);
    await draft.tab('tabDiff').click();
    const changed = draft.changedItem(target.number);
    await changed.waitFor();
    const text = await textOf(changed);
    expect(text).toContain(target.title.en);
    expect(text).toContain(newTitle);
  });

  it('publishes: the new edition is current and shows the new title; the old edition keeps the old one', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const draft = new EditorDraftPage(page);
    await draft.publish(NEXT.id, { ja: 'D-1.1 の英語の表題を見直した。', en: 'Reviewed the English title of D-1.1.' });

    const header = new AppHeader(page);
    await header.editionTitle.filter({ hasText: NEXT.title.ja }).waitFor();
    expect((await getJson<{ current: string }>('/api/editions')).current).toBe(NEXT.id);

    await page.goto(new URL(`/requirements/${encodeURIComponent(target.id)}`, server.url).href);
    const english = await new AppHeader(page).switchLanguage('en');
    await english.editionTitle.filter({ hasText: NEXT.title.en }).waitFor();
    const shown = new RequirementPage(page, 'en');
    await shown.waitForDetail();
    expect(await shown.title()).toBe(`${target.number} ${newTitle}`);

    const old = await getJson<{ title: Localized }>(`/api/editions/${baseId}/requirements/${encodeURIComponent(target.id)}`);
    expect(old.title).toEqual(target.title);
    const published = await getJson<{ title: Localized }>(`/api/editions/${NEXT.id}/requirements/${encodeURIComponent(target.id)}`);
    expect(published.title).toEqual({ ja: target.title.ja, en: newTitle });
    expect(pageProblems).toEqual([]);
  });
});
