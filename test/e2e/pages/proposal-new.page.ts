import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';

export interface ProposalForm {
  title: string;
  text: string;
  /** Labels of the layers and phases to tick, as shown. */
  layers?: string[];
  phases?: string[];
  industry?: string;
}

/** /proposals/new: the form a member fills to submit a concern. */
export class NewProposalPage extends MainPage {
  readonly title: Locator;
  readonly text: Locator;
  readonly industry: Locator;
  readonly submit: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang, (t) => t.proposals.newTitle);
    this.title = this.main.getByLabel(this.t.proposals.fieldTitle, { exact: true });
    this.text = this.main.getByLabel(this.t.proposals.fieldText, { exact: true });
    this.industry = this.main.getByLabel(this.t.proposals.fieldIndustry, { exact: true });
    this.submit = this.main.getByRole('button', { name: this.t.proposals.submit, exact: true });
  }

  /** The error message shown under the field with this label. */
  errorOf(label: 'fieldTitle' | 'fieldText'): Locator {
    return this.main
      .locator('.field-invalid')
      .filter({ has: this.page.getByText(this.t.proposals[label], { exact: true }) })
      .locator('.field-error');
  }

  private group(legend: string): Locator {
    return this.main.getByRole('group', { name: legend, exact: true });
  }

  async fill(form: ProposalForm): Promise<void> {
    await this.title.fill(form.title);
    await this.text.fill(form.text);
    for (const label of form.layers ?? []) await this.group(this.t.proposals.fieldLayers).getByRole('checkbox', { name: label, exact: true }).check();
    for (const label of form.phases ?? []) await this.group(this.t.proposals.fieldPhases).getByRole('checkbox', { name: label, exact: true }).check();
    if (form.industry) await this.industry.fill(form.industry);
  }

  /** Fill in and submit; resolves on the new proposal's page. */
  async submitProposal(form: ProposalForm): Promise<void> {
    await this.fill(form);
    await this.submit.click();
    await this.page.waitForURL((url) => /^\/proposals\/[^/]+$/.test(url.pathname) && url.pathname !== '/proposals/new');
  }
}
