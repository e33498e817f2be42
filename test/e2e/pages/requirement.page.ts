import type { Locator, Page } from 'playwright-core';
import type { Lang, Messages } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textOf, textsOf } from './locator-text.js';

/** /requirements/:id: one guidebook item in full. */
export class RequirementPage extends MainPage {
  readonly mappingsTable: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.mappingsTable = this.main.getByRole('region', { name: this.t.mappings }).getByRole('table');
  }

  /** A detail section (criteria, interpretation, …) by its heading. */
  section(name: keyof Pick<Messages, 'criteria' | 'interpretation' | 'verification' | 'mappings' | 'references'>): Locator {
    return this.main.getByRole('region', { name: this.t[name] });
  }

  /** The value shown beside a fact's term: layers, phases or threat category. */
  fact(name: keyof Pick<Messages, 'layers' | 'phases' | 'threatCategory'>): Locator {
    return this.main
      .locator('dl > div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${this.t[name]}$`) }) })
      .getByRole('definition');
  }

  async waitForDetail(): Promise<void> {
    await this.heading.waitFor();
    await this.section('criteria').waitFor();
  }

  async title(): Promise<string> {
    return await textOf(this.heading);
  }

  /** Column headers of the mappings table, as shown. */
  async mappingColumns(): Promise<string[]> {
    return await textsOf(this.mappingsTable.getByRole('columnheader'));
  }
}
