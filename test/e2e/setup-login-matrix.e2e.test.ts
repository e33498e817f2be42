import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../web/src/i18n/messages.js';
import { closeJourney, getJsonThrough, openJourney, type Journey, noJourney } from './journey.js';
import { AppHeader } from './pages/app-header.page.js';
import { CellPage } from './pages/cell.page.js';
import { LoginPage } from './pages/login.page.js';
import { MatrixPage } from './pages/matrix.page.js';
import { RequirementPage } from './pages/requirement.page.js';
import { SetupPage } from './pages/setup.page.js';
import { textOf, textsOf } from './pages/locator-text.js';

/**
 * A first visit, as an administrator would make it: the one-time setup link,
 * login, the matrix in Japanese and English, one cell, one requirement.
 * Expected labels come from the API of the same server, so the test follows
 * the bundled content instead of copying it.
 */

interface Localized {
  ja: string;
  en: string;
}
interface MatrixJson {
  layers: { id: string; label: Localized }[];
  stages: { id: string; label: Localized }[];
  phases: { id: string; label: Localized; stage: string }[];
  cells: { layer: string; phase: string; count: number }[];
}
interface ItemsJson {
  items: { id: string; number: string; title: Localized }[];
}
interface RequirementJson {
  number: string;
  title: Localized;
  threatCategoryLabel: Localized;
  mappings: unknown[];
}

const ADMIN = {
  email: 'admin@example.jp',
  displayName: '手引 管理者',
  password: 'Correct-Horse-Battery-Staple-42',
};

describe('setup, login and the matrix', () => {
  let { browser, platform, server, page }: Journey = noJourney();
  const requestedUrls: string[] = [];
  const pageProblems: string[] = [];

  const getJson = <T>(path: string) => getJsonThrough<T>(page, server?.url, path);

  beforeAll(async () => {
    ({ browser, platform, server, page } = await openJourney(pageProblems));
    if (!browser || !server) return;
    page.on('request', (request) => requestedUrls.push(request.url()));
  });

  afterAll(() => closeJourney(platform, browser));

  it('asks an anonymous visitor to log in when anonymous reading is off', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const matrix = new MatrixPage(page);
    await matrix.open(server.url);
    await matrix.loginPrompt.waitFor();
    expect(await matrix.table.count()).toBe(0);
    await new AppHeader(page).loginLink.waitFor();
  });

  it('creates the first administrator from the one-time setup link', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const setup = new SetupPage(page);
    await setup.open(server.setupUrl);
    const token = new URL(server.setupUrl).hash.replace(/^#token=/, '');

    // A mistyped confirmation is caught before anything is sent.
    await setup.fill(ADMIN, `${ADMIN.password}x`);
    await setup.submit.click();
    await setup.passwordMismatch.waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');

    await setup.createAdmin(ADMIN);
    const login = new LoginPage(page);
    await login.setupDoneNotice.waitFor();

    // The token travels in the fragment only: never in a query string or path.
    expect(token.length).toBeGreaterThan(0);
    expect(requestedUrls.filter((url) => url.includes(token))).toEqual([]);
    expect(page.url()).not.toContain(token);
  });

  it('logs in and shows the layer × phase matrix in Japanese', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const t = messages.ja;
    await new LoginPage(page).login(ADMIN.email, ADMIN.password);
    expect(new URL(page.url()).pathname).toBe('/');

    const header = new AppHeader(page);
    const user = await header.userText();
    expect(user).toContain(ADMIN.displayName);
    expect(user).toContain('管理者');
    expect(await header.htmlLang()).toBe('ja');

    const matrix = new MatrixPage(page);
    await matrix.waitForMatrix();
    const { current } = await getJson<{ current: string }>('/api/editions');
    const data = await getJson<MatrixJson>(`/api/editions/${encodeURIComponent(current)}/matrix`);

    expect(await textsOf(matrix.layerHeaders)).toEqual(data.layers.map((layer) => layer.label.ja));
    expect(data.layers).toHaveLength(4);
    expect(await textsOf(matrix.phaseHeaders())).toEqual(data.phases.map((phase) => phase.label.ja));
    expect(data.phases).toHaveLength(10);
    expect(await matrix.stageHeaders.count()).toBeGreaterThan(0);

    // Every cell is there; the empty ones are shown but cannot be chosen.
    const nonEmpty = data.cells.filter((cell) => cell.count > 0);
    expect(await matrix.nonEmptyCells.count()).toBe(nonEmpty.length);
    const label = (id: string, list: { id: string; label: Localized }[]) => list.find((entry) => entry.id === id)?.label.ja ?? id;
    const first = nonEmpty[0];
    expect(first).toBeDefined();
    if (first) {
      const cell = matrix.cell(label(first.layer, data.layers), label(first.phase, data.phases));
      const name = await cell.getAttribute('aria-label');
      expect(name).toBe(t.cellLabel(label(first.layer, data.layers), label(first.phase, data.phases), first.count));
      expect(name).toMatch(/^.+ × .+: \d+件$/);
    }
    const empty = data.cells.find((cell) => cell.count === 0);
    if (empty) {
      const cell = matrix.cell(label(empty.layer, data.layers), label(empty.phase, data.phases));
      expect(await cell.isDisabled()).toBe(true);
    }
  });

  it('switches to English and remembers the choice', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const header = await new AppHeader(page).switchLanguage('en');
    expect(await header.htmlLang()).toBe('en');
    await header.openUserMenu();
    expect(await textOf(header.logoutButton)).toBe('Log out');

    const matrix = new MatrixPage(page, 'en');
    await matrix.heading.waitFor();
    const { current } = await getJson<{ current: string }>('/api/editions');
    const data = await getJson<MatrixJson>(`/api/editions/${encodeURIComponent(current)}/matrix`);
    expect(await textsOf(matrix.layerHeaders)).toEqual(data.layers.map((layer) => layer.label.en));

    await page.reload();
    await matrix.waitForMatrix();
    expect(await header.htmlLang()).toBe('en');
    expect(await textsOf(matrix.phaseHeaders())).toEqual(data.phases.map((phase) => phase.label.en));
  });

  it('opens a non-empty cell, lists its items and opens one requirement', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const t = messages.en;
    const { current } = await getJson<{ current: string }>('/api/editions');
    const edition = encodeURIComponent(current);
    const data = await getJson<MatrixJson>(`/api/editions/${edition}/matrix`);
    const cell = data.cells.find((candidate) => candidate.count > 0);
    if (!cell) throw new Error('the bundled edition has no items');
    const layer = data.layers.find((entry) => entry.id === cell.layer)?.label.en ?? cell.layer;
    const phase = data.phases.find((entry) => entry.id === cell.phase)?.label.en ?? cell.phase;

    await new MatrixPage(page, 'en').openCell(layer, phase);
    const cellPage = new CellPage(page, 'en');
    await cellPage.waitForItems();
    expect(await textOf(cellPage.heading)).toBe(t.cellTitle(layer, phase));

    const query = new URLSearchParams({ layer: cell.layer, phase: cell.phase });
    const expected = await getJson<ItemsJson>(`/api/editions/${edition}/requirements?${query}`);
    const shown = await cellPage.items();
    expect(shown).toHaveLength(cell.count);
    expect(shown).toEqual(expected.items.map((item) => ({ number: item.number, title: item.title.en })));

    const item = expected.items[0];
    if (!item) throw new Error('the cell lists no items');
    await cellPage.openItem(item.title.en);
    const detail = new RequirementPage(page, 'en');
    await detail.waitForDetail();
    expect(await detail.title()).toBe(`${item.number} ${item.title.en}`);

    const requirement = await getJson<RequirementJson>(`/api/editions/${edition}/requirements/${encodeURIComponent(item.id)}`);
    for (const name of ['criteria', 'interpretation', 'verification', 'mappings', 'references'] as const) {
      await detail.section(name).waitFor();
    }
    expect(await textOf(detail.fact('threatCategory'))).toBe(requirement.threatCategoryLabel.en);
    if (requirement.mappings.length > 0) {
      expect(await detail.mappingColumns()).toEqual(['Standard', 'Requirement', 'Relationship', 'Rationale', 'Review']);
    }
    expect(pageProblems).toEqual([]);
  });

  it('logs out and forgets the session', async (ctx) => {
    if (!browser || !server) return ctx.skip('no browser');
    const header = new AppHeader(page, 'en');
    await header.openUserMenu();
    await header.logoutButton.click();
    await page.waitForURL((url) => url.pathname === '/login');
    await new LoginPage(page, 'en').loggedOutNotice.waitFor();
    expect(await header.logoutButton.count()).toBe(0);

    // Reading is members-only on this server, so the matrix asks to log in again.
    const matrix = new MatrixPage(page, 'en');
    await matrix.open(server.url);
    await matrix.loginPrompt.waitFor();
  });
});
