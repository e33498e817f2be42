import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';
import { textsOf } from './locator-text.js';

type Status = keyof Messages['proposals']['statuses'];

/** /proposals: the organisation's proposals, or for editors the triage queue. */
export class ProposalsPage {
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
    this.newButton = this.main.getByRole('link', { name: this.t.proposals.newProposal, exact: true });
    this.table = this.main.getByRole('table');
    this.empty = this.main.getByRole('status').filter({ hasText: this.t.proposals.empty });
  }

  /** The header's navigation link to this page. */
  navLink(): Locator {
    return this.page.getByRole('navigation', { name: this.t.mainNavigation }).getByRole('link', { name: this.t.proposals.nav, exact: true });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/proposals', baseUrl).href);
    await this.waitForList();
  }

  /** Resolves once the table or the empty notice is shown. */
  async waitForList(): Promise<void> {
    await this.heading.waitFor();
    await this.table.or(this.empty).first().waitFor();
  }

  /** Show one status only (or all with null). */
  async filter(status: Status | null): Promise<void> {
    const name = status ? this.t.proposals.statuses[status] : this.t.proposals.all;
    await this.main.getByRole('navigation', { name: this.t.proposals.filterLabel }).getByRole('link', { name, exact: true }).click();
    await this.page.waitForURL((url) => url.searchParams.get('status') === status);
    await this.waitForList();
  }

  /** Titles of the listed proposals, newest first. */
  async titles(): Promise<string[]> {
    if ((await this.table.count()) === 0) return [];
    return await textsOf(this.table.locator('tbody tr td:first-child'));
  }

  async openProposal(title: string): Promise<void> {
    await this.table.getByRole('link', { name: title, exact: true }).click();
    await this.page.waitForURL((url) => /^\/proposals\/[^/]+$/.test(url.pathname) && url.pathname !== '/proposals/new');
  }
}
