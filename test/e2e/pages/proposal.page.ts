import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { textOf } from './locator-text.js';
import { escapeRegExp } from './text-pattern.js';

export interface NewItem {
  number: string;
  id: string;
  titleJa: string;
  titleEn: string;
  threatCategory: string;
}

/** /proposals/:id: the concern, its outcome, and for editors the decision panel. */
export class ProposalPage extends MainPage {
  readonly status: Locator;
  readonly concern: Locator;
  readonly outcome: Locator;
  readonly awaiting: Locator;
  readonly decisionPanel: Locator;
  readonly notFound: Locator;
  readonly submittedNotice: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.status = this.main.locator('.proposal-facts .proposal-status').first();
    this.concern = this.main.getByRole('region', { name: this.t.proposals.concern, exact: true });
    this.outcome = this.main.locator('.proposal-outcome');
    this.awaiting = this.main.getByRole('status').filter({ hasText: this.t.proposals.awaiting });
    this.decisionPanel = this.main.getByRole('region', { name: this.t.proposals.decide, exact: true });
    this.notFound = this.main.getByRole('alert').filter({ hasText: this.t.errorNotFound });
    this.submittedNotice = this.main.getByRole('status').filter({ hasText: this.t.proposals.submitted });
  }

  async open(baseUrl: string, path: string): Promise<void> {
    await this.page.goto(new URL(path, baseUrl).href);
  }

  async waitForProposal(): Promise<void> {
    await this.concern.waitFor();
  }

  async statusText(): Promise<string> {
    return await textOf(this.status);
  }

  decidedNotice(kind: 'accepted' | 'rejected'): Locator {
    return this.main.getByRole('status').filter({ hasText: this.t.proposals.decided[kind] });
  }

  private async choose(label: string): Promise<void> {
    await this.decisionPanel.getByRole('radio', { name: label, exact: true }).check();
  }

  private get acceptButton(): Locator {
    return this.decisionPanel.getByRole('button', { name: this.t.proposals.accept, exact: true });
  }

  /** Accept by linking the existing item found with `search`, chosen by its number. */
  async acceptExisting(search: string, number: string): Promise<void> {
    await this.choose(this.t.proposals.choiceExisting);
    await this.decisionPanel.getByLabel(this.t.proposals.searchRequirement, { exact: true }).fill(search);
    await this.decisionPanel.getByRole('radio', { name: new RegExp(`^${escapeRegExp(number)}\\s`) }).check();
    await this.acceptButton.click();
    await this.decidedNotice('accepted').waitFor();
  }

  /** The placeholder notice the new-item form shows. */
  get placeholderNotice(): Locator {
    return this.decisionPanel.getByRole('status').filter({ hasText: this.t.proposals.placeholderNotice });
  }

  async acceptAsNewItem(item: NewItem): Promise<void> {
    await this.choose(this.t.proposals.choiceNew);
    const panel = this.decisionPanel;
    await panel.getByLabel(this.t.proposals.newNumber, { exact: true }).fill(item.number);
    await panel.getByLabel(this.t.proposals.newId, { exact: true }).fill(item.id);
    await panel.getByLabel(this.t.proposals.newTitleJa, { exact: true }).fill(item.titleJa);
    await panel.getByLabel(this.t.proposals.newTitleEn, { exact: true }).fill(item.titleEn);
    const category = panel.getByLabel(this.t.proposals.newThreatCategory, { exact: true });
    await category.locator(`option[value="${item.threatCategory}"]`).waitFor({ state: 'attached' });
    await category.selectOption(item.threatCategory);
    await this.placeholderNotice.waitFor();
    await this.acceptButton.click();
    await this.decidedNotice('accepted').waitFor();
  }

  async reject(reason: string): Promise<void> {
    await this.choose(this.t.proposals.choiceReject);
    await this.decisionPanel.getByLabel(this.t.proposals.rejectReason, { exact: true }).fill(reason);
    await this.decisionPanel.getByRole('button', { name: this.t.proposals.reject, exact: true }).click();
    await this.decidedNotice('rejected').waitFor();
  }

  /** For editors: the link into the draft editor for an item created from this proposal. */
  editInDraftLink(): Locator {
    return this.outcome.getByRole('link', { name: this.t.proposals.editInDraft, exact: true });
  }

  /** The link to the requirement an accepted proposal points at. */
  outcomeRequirementLink(): Locator {
    return this.outcome.getByRole('link');
  }
}
