import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';
import { textOf } from './locator-text.js';

/** Each language button is named in its own language. */
const LANGUAGE_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

/** The header every page shares: product, edition, language switch, user. */
export class AppHeader {
  readonly banner: Locator;
  readonly editionTitle: Locator;
  private readonly t: Messages;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    this.t = messages[lang];
    this.banner = page.getByRole('banner');
    this.editionTitle = this.banner.locator('.edition-title');
  }

  /** The menu under the user's name: account and logout. */
  get userMenu(): Locator {
    return this.banner.locator('.user-group > summary');
  }

  /** Opens the user's menu (account, logout). */
  async openUserMenu(): Promise<void> {
    await this.userMenu.click();
    await this.logoutButton.waitFor();
  }

  get logoutButton(): Locator {
    return this.banner.getByRole('button', { name: this.t.logout, exact: true });
  }

  get loginLink(): Locator {
    return this.banner.getByRole('link', { name: this.t.login, exact: true });
  }

  languageButton(lang: Lang): Locator {
    return this.banner.getByRole('button', { name: LANGUAGE_NAMES[lang], exact: true });
  }

  /** Switch the UI language; returns the header as seen in that language. */
  async switchLanguage(lang: Lang): Promise<AppHeader> {
    await this.languageButton(lang).click();
    await this.page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    return new AppHeader(this.page, lang);
  }

  /** The displayed name of the logged-in user, or '' once logged out. */
  async userText(): Promise<string> {
    await this.userMenu.waitFor();
    return await textOf(this.banner.locator('.user-identity'));
  }

  async htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }
}
