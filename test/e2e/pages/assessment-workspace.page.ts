import type { Locator, Page } from 'playwright-core';
import { type WorkspaceMessages, workspaceMessages } from '../../../web/src/i18n/messages-workspace.js';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';
import { textOf, textsOf } from './locator-text.js';

/** The workspace of /assessments/:id as a keyboard user, a filterer and a bulk editor meets it. */
export class WorkspacePage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly pane: Locator;
  readonly progress: Locator;
  readonly filters: Locator;
  readonly bulk: Locator;
  readonly conflict: Locator;
  readonly t: Messages;
  readonly w: WorkspaceMessages;

  constructor(
    readonly page: Page,
    lang: Lang = 'ja',
  ) {
    this.t = messages[lang];
    this.w = workspaceMessages[lang];
    const main = page.getByRole('main');
    this.table = main.getByRole('table', { name: this.w.table });
    this.rows = this.table.locator('tr.item-row');
    this.pane = main.locator('section.item-pane');
    this.progress = main.getByRole('region', { name: this.w.progress });
    this.filters = main.getByRole('region', { name: this.w.filters });
    this.bulk = main.locator('section.bulk-bar');
    this.conflict = this.pane.locator('.conflict-panel');
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** 項番 of the item the pane shows. */
  async currentNo(): Promise<string> {
    return await textOf(this.pane.locator('h2 .item-number'));
  }

  /** Waits until no row is saving or holds an unsaved change (what the table shows). */
  async allSaved(): Promise<void> {
    await this.rows.first().waitFor();
    await this.table.locator('.mark-save-saving, .mark-save-dirty').first().waitFor({ state: 'detached' });
  }

  async answeredText(): Promise<string> {
    return await textOf(this.progress.locator('.progress-answered strong'));
  }

  async shownNumbers(): Promise<string[]> {
    return await textsOf(this.rows.locator('.item-number'));
  }

  async shownVerdicts(): Promise<string[]> {
    return await textsOf(this.rows.locator('.cell-verdict .verdict'));
  }

  verdictChip(label: string): Locator {
    return this.filters.getByRole('checkbox', { name: label, exact: true });
  }

  groupCheckbox(phaseLabel: string): Locator {
    return this.table.getByRole('checkbox', { name: this.w.selectGroup(phaseLabel), exact: true });
  }

  /** Sets the bulk verdict and reason for the selection and applies it; resolves on the outcome notice. */
  async applyBulk(verdictLabel: string, reason: string): Promise<string> {
    await this.bulk.getByLabel(this.w.bulkVerdict, { exact: true }).selectOption({ label: verdictLabel });
    await this.bulk.getByLabel(this.w.bulkReason, { exact: true }).fill(reason);
    await this.bulk.getByRole('button', { name: this.w.bulkApply, exact: true }).click();
    const outcome = this.bulk.locator('.notice');
    await outcome.first().waitFor();
    return await textOf(outcome.first());
  }

  evidence(): Locator {
    return this.pane.getByLabel(this.w.evidence, { exact: true });
  }

  saveState(): Locator {
    return this.pane.locator('.save-state');
  }
}
