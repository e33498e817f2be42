import type { Locator, Page } from 'playwright-core';
import { type Lang, messages } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textOf } from './locator-text.js';

type TileStatus = 'covered' | 'partial' | 'out-of-scope' | 'pending' | 'gap' | 'not-applicable';

/** /coverage: one card per standard and the 独自項目 card. */
export class CoverageOverviewPage extends MainPage {
  /** Cards of the standards (the 独自項目 card is not one of them). */
  readonly standardCards: Locator;
  readonly unbackedCount: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang, (t) => t.coverage.title);
    this.standardCards = this.main.locator('.cov-card[data-standard]');
    this.unbackedCount = this.main.getByTestId('unbacked-count');
  }

  /** Through the main navigation, as a user would. */
  async openFromNav(lang: Lang = 'ja'): Promise<void> {
    await this.page.getByRole('navigation', { name: messages[lang].mainNavigation }).getByRole('link', { name: messages[lang].coverage.nav }).click();
    await this.heading.waitFor();
    await this.standardCards.first().waitFor();
  }

  card(standardId: string): Locator {
    return this.standardCards.and(this.page.locator(`[data-standard="${standardId}"]`));
  }

  /** Open a standard's detail from its card title. */
  async openStandard(standardId: string, title: string): Promise<void> {
    await this.card(standardId).getByRole('heading').getByRole('link', { name: title, exact: true }).click();
    await this.page.waitForURL((url) => url.pathname === `/coverage/${encodeURIComponent(standardId)}`);
  }
}

/** /coverage/:standardId: filters, figures, heatmap, chart, lists, table. */
export class CoverageStandardPage extends MainPage {
  readonly heatmap: Locator;
  /** The per-group bar chart. */
  readonly groupChart: Locator;
  readonly report: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.heatmap = this.main.locator('table.cov-heatmap');
    this.groupChart = this.main.locator('.cov-section canvas');
    this.report = this.main.locator('.cov-report');
  }

  async waitForReport(): Promise<void> {
    await this.report.and(this.page.locator('[aria-busy="false"]')).waitFor();
  }

  /** The figure of one status tile. */
  async tile(status: TileStatus): Promise<number> {
    return Number(await textOf(this.page.locator(`.cov-tile[data-status="${status}"] dd`)));
  }

  async tiles(): Promise<Record<TileStatus, number>> {
    const statuses: TileStatus[] = ['covered', 'partial', 'out-of-scope', 'pending', 'gap', 'not-applicable'];
    const values = await Promise.all(statuses.map((s) => this.tile(s)));
    return Object.fromEntries(statuses.map((s, i) => [s, values[i]])) as Record<TileStatus, number>;
  }

  /** Whether a chart canvas has drawn anything (some non-transparent pixel). */
  async chartIsDrawn(canvas: Locator): Promise<boolean> {
    // Runs in the browser; typed structurally because the tests compile without the DOM library.
    type Canvas = {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
    };
    return canvas.evaluate((element) => {
      const c = element as unknown as Canvas;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      if (!data || c.width === 0) return false;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
      return false;
    });
  }

  async chooseSecurityLevel(level: string): Promise<void> {
    await this.page.getByLabel(this.t.coverage.securityLevel, { exact: true }).selectOption(level);
  }

  /** The list section of one status (gap, pending, out of scope). */
  list(status: 'gap' | 'pending' | 'out-of-scope'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${this.t.coverage.lists[status].title}`) });
  }

  /** The ids listed in one status list, in order. */
  async listedIds(status: 'gap' | 'pending' | 'out-of-scope'): Promise<string[]> {
    return (await this.list(status).locator('.cov-row .cov-id').allTextContents()).map((s) => s.trim());
  }
}
