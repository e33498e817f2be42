import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textsOf } from './locator-text.js';

/** The header search field and /search?q=: ranked results with highlighted snippets. */
export class SearchResultsPage extends MainPage {
  readonly box: Locator;
  readonly results: Locator;
  readonly marks: Locator;
  readonly noResults: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.box = page.getByRole('banner').getByRole('search', { name: this.t.browse.searchLabel }).getByRole('searchbox');
    this.results = this.main.locator('ol.search-results > li');
    this.marks = this.main.locator('ol.search-results mark');
    this.noResults = this.main.getByText(this.t.browse.searchNoResults);
  }

  /** Type into the header field and submit; resolves once results (or "none") are shown. */
  async search(query: string): Promise<void> {
    await this.box.fill(query);
    await this.box.press('Enter');
    await this.page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === query);
    await this.results.first().or(this.noResults).waitFor();
  }

  /** Each result's kind label and title (with its number), in the order shown. */
  async shown(): Promise<{ kind: string; title: string }[]> {
    const kinds = await textsOf(this.results.locator('.kind-badge'));
    const titles = await textsOf(this.results.getByRole('heading', { level: 2 }));
    return titles.map((title, index) => ({ kind: kinds[index] ?? '', title }));
  }

  /** The texts inside <mark>, across all results. */
  async markedTexts(): Promise<string[]> {
    return await textsOf(this.marks);
  }

  async openResult(title: string): Promise<void> {
    await this.results.getByRole('heading', { level: 2 }).getByRole('link', { name: title }).first().click();
    await this.page.waitForURL((url) => url.pathname !== '/search');
  }
}
