import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';

export interface NewAssessment {
  organisation: string;
  product: string;
  title: string;
  productVersion?: string;
  /** Phase labels to tick (none: all phases). */
  phases?: string[];
}

/** /assessments/new: product, title, checksheet scope, live item count. */
export class NewAssessmentPage extends MainPage {
  readonly preview: Locator;
  readonly submit: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang, (t) => t.assessments.newTitle);
    this.preview = this.main.locator('.preview-line');
    this.submit = this.main.getByRole('button', { name: this.t.assessments.create, exact: true });
  }

  /** The preview's item count once it has answered. */
  async previewCount(): Promise<number> {
    await this.preview.filter({ hasText: /\d/ }).waitFor();
    const text = (await this.preview.textContent()) ?? '';
    return Number(/(\d+)/.exec(text)?.[1] ?? Number.NaN);
  }

  /** Fill in and create; resolves on the new assessment's page. */
  async create(input: NewAssessment): Promise<string> {
    await this.main.getByLabel(this.t.assessments.organisation, { exact: true }).selectOption({ label: input.organisation });
    const product = this.main.getByLabel(this.t.assessments.product, { exact: true });
    await product.locator('option', { hasText: input.product }).waitFor({ state: 'attached' });
    await product.selectOption({ label: input.product });
    await this.main.getByLabel(this.t.assessments.title, { exact: true }).fill(input.title);
    if (input.productVersion) await this.main.getByLabel(this.t.assessments.productVersion, { exact: true }).fill(input.productVersion);
    const phases = this.main.getByRole('group', { name: this.t.checksheets.phases });
    for (const phase of input.phases ?? []) await phases.getByLabel(phase, { exact: true }).check();
    await this.submit.click();
    await this.page.waitForURL((url) => /^\/assessments\/[^/]+$/.test(url.pathname) && url.pathname !== '/assessments/new');
    return new URL(this.page.url()).pathname;
  }
}
