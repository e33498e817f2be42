import type { Locator, Page } from 'playwright-core';
import { type Lang, messages } from '../../../web/src/i18n/messages.js';

/** /editor: open drafts and the form that opens a new one from the current edition. */
export class EditorHomePage {
  readonly heading: Locator;
  readonly draftId: Locator;
  readonly titleJa: Locator;
  readonly titleEn: Locator;
  readonly openButton: Locator;
  readonly drafts: Locator;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    const t = messages[lang].editor;
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: t.homeTitle });
    this.draftId = main.getByLabel(t.draftId, { exact: true });
    this.titleJa = main.getByLabel(t.draftTitleJa, { exact: true });
    this.titleEn = main.getByLabel(t.draftTitleEn, { exact: true });
    this.openButton = main.getByRole('button', { name: t.openDraft, exact: true });
    this.drafts = main.getByRole('region', { name: t.draftsTitle });
  }

  /** Fills the form and opens the draft; resolves on the draft's page. */
  async openDraft(id: string, title: { ja: string; en: string }): Promise<void> {
    await this.draftId.fill(id);
    await this.titleJa.fill(title.ja);
    await this.titleEn.fill(title.en);
    await this.openButton.click();
    await this.page.waitForURL((url) => url.pathname === `/editor/${encodeURIComponent(id)}`);
  }
}
