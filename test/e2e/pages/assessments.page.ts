import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';
import { textsOf } from './locator-text.js';

/** /assessments: the list, reached from the header's 診断 menu. */
export class AssessmentsPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly table: Locator;
  readonly empty: Locator;
  private readonly t: Messages;
  private readonly main: Locator;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    this.t = messages[lang];
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.newButton = this.main.getByRole('link', { name: this.t.assessments.newAssessment, exact: true });
    this.table = this.main.getByRole('table');
    this.empty = this.main.getByRole('status').filter({ hasText: this.t.assessments.empty });
  }

  /** Open the header's 診断 menu (a disclosure) and follow its list link. */
  async openFromNav(): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: this.t.mainNavigation });
    await nav.locator('summary', { hasText: this.t.assessments.nav }).click();
    await nav.getByRole('link', { name: this.t.assessments.navList, exact: true }).click();
    await this.waitForList();
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/assessments', baseUrl).href);
    await this.waitForList();
  }

  async waitForList(): Promise<void> {
    await this.heading.waitFor();
    await this.table.or(this.empty).first().waitFor();
  }

  async titles(): Promise<string[]> {
    if ((await this.table.count()) === 0) return [];
    return await textsOf(this.table.locator('tbody tr td:first-child'));
  }

  async openAssessment(title: string): Promise<void> {
    await this.table.getByRole('link', { name: title, exact: true }).click();
    await this.page.waitForURL((url) => /^\/assessments\/[^/]+$/.test(url.pathname));
  }
}
