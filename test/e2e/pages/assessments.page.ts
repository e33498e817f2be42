import type { Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { ListPage } from './main-page.js';

/** /assessments: the list, reached from the header's 診断 menu. */
export class AssessmentsPage extends ListPage {
  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang, { path: '/assessments', newButton: (t) => t.assessments.newAssessment, empty: (t) => t.assessments.empty });
  }

  /** Open the header's 診断 menu (a disclosure) and follow its list link. */
  async openFromNav(): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: this.t.mainNavigation });
    await nav.locator('summary', { hasText: this.t.assessments.nav }).click();
    await nav.getByRole('link', { name: this.t.assessments.navList, exact: true }).click();
    await this.waitForList();
  }

  async openAssessment(title: string): Promise<void> {
    await this.openRow(title, (pathname) => /^\/assessments\/[^/]+$/.test(pathname));
  }
}
