import type { Locator, Page } from 'playwright-core';
import type { Lang, Messages } from '../../../web/src/i18n/messages.js';
import { ListPage } from './main-page.js';

type Status = keyof Messages['proposals']['statuses'];

/** /proposals: the organisation's proposals, or for editors the triage queue. */
export class ProposalsPage extends ListPage {
  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang, { path: '/proposals', newButton: (t) => t.proposals.newProposal, empty: (t) => t.proposals.empty });
  }

  /** The header's navigation link to this page. */
  navLink(): Locator {
    return this.page.getByRole('navigation', { name: this.t.mainNavigation }).getByRole('link', { name: this.t.proposals.nav, exact: true });
  }

  /** Show one status only (or all with null). */
  async filter(status: Status | null): Promise<void> {
    const name = status ? this.t.proposals.statuses[status] : this.t.proposals.all;
    await this.main.getByRole('navigation', { name: this.t.proposals.filterLabel }).getByRole('link', { name, exact: true }).click();
    await this.page.waitForURL((url) => url.searchParams.get('status') === status);
    await this.waitForList();
  }

  async openProposal(title: string): Promise<void> {
    await this.openRow(title, (pathname) => /^\/proposals\/[^/]+$/.test(pathname) && pathname !== '/proposals/new');
  }
}
