import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textsOf } from './locator-text.js';

/** /glossary: terms in あいうえお or ABC order under section headings. */
export class GlossaryPage extends MainPage {
  readonly sectionHeadings: Locator;
  readonly termLinks: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang, (t) => t.browse.glossaryTitle);
    this.sectionHeadings = this.main.getByRole('heading', { level: 2 });
    this.termLinks = this.main.locator('.glossary-term');
  }

  orderLink(order: 'kana' | 'alpha'): Locator {
    return this.main
      .getByRole('navigation', { name: this.t.browse.glossaryOrder })
      .getByRole('link', { name: order === 'kana' ? this.t.browse.orderKana : this.t.browse.orderAlpha });
  }

  async switchOrder(order: 'kana' | 'alpha'): Promise<void> {
    await this.orderLink(order).click();
    await this.page.waitForURL((url) => (order === 'alpha' ? url.searchParams.get('order') === 'alpha' : !url.searchParams.has('order')));
    await this.orderLink(order).and(this.page.locator('[aria-current="true"]')).waitFor();
    await this.termLinks.first().waitFor();
  }

  async sections(): Promise<string[]> {
    return await textsOf(this.sectionHeadings);
  }

  async terms(): Promise<string[]> {
    return await textsOf(this.termLinks);
  }
}
