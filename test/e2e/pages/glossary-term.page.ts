import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textOf, textsOf } from './locator-text.js';

/** /glossary/:id: one term with its definition, related terms and the items using it. */
export class GlossaryTermPage extends MainPage {
  readonly definition: Locator;
  readonly usedBy: Locator;
  readonly related: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.definition = this.main.getByRole('region', { name: this.t.browse.definition });
    this.usedBy = this.main.getByRole('region', { name: this.t.browse.usedBy });
    this.related = this.main.getByRole('region', { name: this.t.browse.relatedTerms });
  }

  async waitForTerm(): Promise<void> {
    await this.page.waitForURL((url) => url.pathname.startsWith('/glossary/'));
    await this.usedBy.waitFor();
  }

  async title(): Promise<string> {
    return await textOf(this.heading);
  }

  /** "D-2.1 ユーザ認証の設計"-style texts of the items under "where used". */
  async usedByItems(): Promise<string[]> {
    return await textsOf(this.usedBy.getByRole('link'));
  }
}

/** Glossary links inside an item's texts (marked terms), on /requirements/:id. */
export class TermLinks {
  readonly links: Locator;

  constructor(page: Page) {
    this.links = page.getByRole('main').locator('a.term-link');
  }
}
