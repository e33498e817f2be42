import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';

/** /editor/:draftId/requirements/:id: the requirement form with live validation. */
export class RequirementEditorPage extends MainPage {
  readonly saveButton: Locator;
  readonly savedNotice: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.saveButton = this.main.getByRole('button', { name: this.t.editor.save, exact: true });
    this.savedNotice = this.main.getByText(this.t.editor.saved, { exact: true });
  }

  /** The title input of one language. */
  title(lang: Lang): Locator {
    return this.main.getByLabel(this.t.editor.inLang(this.t.title, lang), { exact: true });
  }

  /** The message shown next to a field: the element its aria-describedby names last. */
  async errorOf(field: Locator): Promise<Locator> {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const last = ids[ids.length - 1];
    if (!last) return this.page.locator('#no-error-shown');
    return this.page.locator(`[id="${last}"]`);
  }

  /** Resolves once the field is marked invalid (the live check has answered). */
  async waitForInvalid(field: Locator): Promise<void> {
    await this.page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await field.elementHandle());
  }

  async waitForValid(field: Locator): Promise<void> {
    await this.page.waitForFunction((el) => !el?.hasAttribute('aria-invalid'), await field.elementHandle());
  }
}
