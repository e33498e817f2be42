import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textOf } from './locator-text.js';

/** /matrix/:layer/:phase: the items of one matrix cell. */
export class CellPage extends MainPage {
  readonly table: Locator;
  /** One row per item: number, then the title as a link. */
  readonly itemRows: Locator;
  readonly itemLinks: Locator;
  readonly breadcrumbHome: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.table = this.main.getByRole('table');
    this.itemRows = this.table.locator('tbody').getByRole('row');
    this.itemLinks = this.table.getByRole('link');
    this.breadcrumbHome = this.main.getByRole('navigation', { name: this.t.breadcrumb }).getByRole('link', { name: this.t.home });
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
