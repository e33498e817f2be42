import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textsOf } from './locator-text.js';

/** /requirements: every item, narrowed by filter controls that live in the URL query. */
export class RequirementListPage extends MainPage {
  readonly filters: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly clear: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang, (t) => t.browse.requirementListTitle);
    this.filters = this.main.getByRole('form', { name: this.t.browse.filters });
    this.table = this.main.getByRole('table');
    this.rows = this.table.locator('tbody').getByRole('row');
    this.clear = this.filters.getByRole('button', { name: this.t.browse.clearFilters });
  }

  /** The select of one filter, found by its visible label. */
  select(name: 'layer' | 'phase' | 'stage' | 'threatCategory' | 'standard' | 'applicability'): Locator {
    const label = name === 'applicability' ? this.t.browse.applicability : this.t[name];
    return this.filters.getByLabel(label, { exact: true });
  }

  /** Choose a value and wait for the URL and the list to follow. */
  async choose(name: Parameters<RequirementListPage['select']>[0], value: string): Promise<void> {
    await this.select(name).selectOption(value);
    await this.page.waitForURL((url) => url.searchParams.get(name) === value);
    await this.table.waitFor();
  }

  /** Item numbers as listed, in order (one round trip, however long the list). */
  async numbers(): Promise<string[]> {
    await this.table.waitFor();
    return await textsOf(this.rows.locator('td:first-child'));
  }
}
