import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';
import { escapeRegExp } from './text-pattern.js';

/** /editor/:draftId and its tabs: item list, terms, changes, publish. */
export class EditorDraftPage {
  readonly heading: Locator;
  readonly filter: Locator;
  private readonly t: Messages['editor'];
  private readonly main: Locator;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    this.t = messages[lang].editor;
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.filter = this.main.getByLabel(this.t.filterItems, { exact: true });
  }

  tab(name: 'tabRequirements' | 'tabTerms' | 'tabDiff' | 'tabPublish'): Locator {
    return this.main.getByRole('navigation', { name: this.t.tabs }).getByRole('link', { name: this.t[name], exact: true });
  }

  /** Finds an item by its number in the list and opens its form. */
  async editRequirement(number: string): Promise<void> {
    await this.filter.fill(number);
    await this.main.getByRole('link', { name: new RegExp(`^${this.t.edit}: ${escapeRegExp(number)} `) }).click();
    await this.page.waitForURL((url) => url.pathname.includes('/requirements/'));
  }

  /** On the changes tab: the block of one changed item, by its number. */
  changedItem(number: string): Locator {
    return this.main.getByRole('article').filter({ hasText: number });
  }

  get changelogJa(): Locator {
    return this.main.getByLabel(this.t.inLang(this.t.fields.changelog ?? '', 'ja'), { exact: true });
  }

  get changelogEn(): Locator {
    return this.main.getByLabel(this.t.inLang(this.t.fields.changelog ?? '', 'en'), { exact: true });
  }

  get publishButton(): Locator {
    return this.main.getByRole('button', { name: this.t.publish, exact: true });
  }

  /** The notice after publishing. */
  published(id: string): Locator {
    return this.main.getByRole('status').filter({ hasText: this.t.published(id) });
  }

  /** On the publish tab: writes the change log in both languages, publishes as edition `id` and waits for the notice. */
  async publish(id: string, changelog: { ja: string; en: string }): Promise<void> {
    await this.tab('tabPublish').click();
    await this.changelogJa.fill(changelog.ja);
    await this.changelogEn.fill(changelog.en);
    await this.publishButton.click();
    await this.published(id).waitFor();
  }
}
