import type { Locator, Page } from 'playwright-core';
import { type Lang, messages } from '../../../web/src/i18n/messages.js';

/** /login: email and password. */
export class LoginPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The notice shown after setup ("created, please log in"). */
  readonly setupDoneNotice: Locator;
  /** The notice shown after logging out. */
  readonly loggedOutNotice: Locator;
  readonly error: Locator;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    const t = messages[lang];
    this.heading = page.getByRole('heading', { level: 1, name: t.loginTitle });
    this.email = page.getByLabel(t.email, { exact: true });
    this.password = page.getByLabel(t.password, { exact: true });
    this.submit = page.getByRole('main').getByRole('button', { name: t.login, exact: true });
    this.setupDoneNotice = page.getByRole('status').filter({ hasText: t.setupSuccess });
    this.loggedOutNotice = page.getByRole('status').filter({ hasText: t.loggedOut });
    this.error = page.getByRole('main').getByRole('alert');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/login', baseUrl).href);
    await this.heading.waitFor();
  }

  /** Submit the form; resolves once the app has left the login page. */
  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
    await this.page.waitForURL((url) => url.pathname !== '/login');
  }
}
