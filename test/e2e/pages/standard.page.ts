import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textOf } from './locator-text.js';

/** Same rule as web/src/router/browse-paths.ts: spaces in ids become "_". */
export function standardRowId(requirementId: string): string {
  return `req-${requirementId.replace(/\s+/g, '_')}`;
}

/** /standards and /standards/:id: a standard's requirements with what the guidebook says about each. */
export class StandardPage extends MainPage {
  readonly licence: Locator;
  readonly table: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.licence = this.main.getByRole('region', { name: this.t.browse.licence });
    this.table = this.main.locator('table.standard-table');
  }

  /** From the standards list, open one standard by its title. */
  async openFromList(title: string): Promise<void> {
    await this.main.getByRole('link', { name: title, exact: true }).click();
    await this.page.waitForURL((url) => url.pathname.startsWith('/standards/'));
    await this.table.waitFor();
  }

  row(requirementId: string): Locator {
    return this.table.locator(`tr[id="${standardRowId(requirementId)}"]`);
  }

  /** Numbers of the guidebook items listed as reaching a requirement. */
  async mappedNumbers(requirementId: string): Promise<string[]> {
    return (await this.row(requirementId).locator('.mapped-list .item-number').allTextContents()).map((s) => s.trim());
  }

  /** The badge in the answer column: out of scope, pending verification, gap. */
  async answerBadge(requirementId: string): Promise<string> {
    return await textOf(this.row(requirementId).locator('.answer-cell .badge').first());
  }

  async answerReason(requirementId: string): Promise<string> {
    return await textOf(this.row(requirementId).locator('.answer-reason'));
  }

  /** Badges beside the requirement itself (status, levels, confidence, UNCONFIRMED). */
  async facts(requirementId: string): Promise<string[]> {
    return (await this.row(requirementId).locator('.row-facts .badge').allTextContents()).map((s) => s.trim());
  }

  /** Whether the row named by the URL fragment is marked as the target. */
  async isTarget(requirementId: string): Promise<boolean> {
    return ((await this.row(requirementId).getAttribute('class')) ?? '').includes('is-target');
  }
}
