import type { Locator, Page } from 'playwright-core';
import { type Lang, messages } from '../../../web/src/i18n/messages.js';
import { textOf } from './locator-text.js';

/** /matrix/:layer/:phase: the items of one matrix cell. */
export class CellPage {
  readonly heading: Locator;
  readonly table: Locator;
  /** One row per item: number, then the title as a link. */
  readonly itemRows: Locator;
  readonly itemLinks: Locator;
  readonly breadcrumbHome: Locator;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    const t = messages[lang];
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1 });
    this.table = main.getByRole('table');
    this.itemRows = this.table.locator('tbody').getByRole('row');
    this.itemLinks = this.table.getByRole('link');
    this.breadcrumbHome = main.getByRole('navigation', { name: t.breadcrumb }).getByRole('link', { name: t.home });
  }

  async waitForItems(): Promise<void> {
    await this.table.waitFor();
  }

  /** Number and title of every listed item, in order. */
  async items(): Promise<{ number: string; title: string }[]> {
    const rows = await this.itemRows.all();
    return Promise.all(
      rows.map(async (row) => ({
        number: await textOf(row.getByRole('cell').nth(0)),
        title: await textOf(row.getByRole('link')),
      })),
    );
  }

  async openItem(title: string): Promise<void> {
    await this.table.getByRole('link', { name: title, exact: true }).click();
    await this.page.waitForURL((url) => url.pathname.startsWith('/requirements/'));
  }
}
