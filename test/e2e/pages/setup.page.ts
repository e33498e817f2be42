import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';

export interface NewAdmin {
  email: string;
  displayName: string;
  password: string;
}

/** /setup#token=…: creates the first administrator. */
export class SetupPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly displayName: Locator;
  readonly password: Locator;
  readonly passwordConfirm: Locator;
  readonly submit: Locator;
  readonly alert: Locator;
  private readonly t: Messages;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    const t = messages[lang];
    this.t = t;
    this.heading = page.getByRole('heading', { level: 1, name: t.setupTitle });
    this.email = page.getByLabel(t.email, { exact: true });
    this.displayName = page.getByLabel(t.displayName, { exact: true });
    this.password = page.getByLabel(t.password, { exact: true });
    this.passwordConfirm = page.getByLabel(t.passwordConfirm, { exact: true });
    this.submit = page.getByRole('button', { name: t.createAdmin });
    this.alert = page.getByRole('main').getByRole('alert');
  }

  /** Open the one-time link exactly as the server printed it. */
  async open(setupUrl: string): Promise<void> {
    await this.page.goto(setupUrl);
    await this.heading.waitFor();
  }

  async fill(admin: NewAdmin, confirmation = admin.password): Promise<void> {
    await this.email.fill(admin.email);
    await this.displayName.fill(admin.displayName);
    await this.password.fill(admin.password);
    await this.passwordConfirm.fill(confirmation);
  }

  /** Fill in and submit; resolves once the app has moved on to /login. */
  async createAdmin(admin: NewAdmin): Promise<void> {
    await this.fill(admin);
    await this.submit.click();
    await this.page.waitForURL((url) => url.pathname === '/login');
  }

  get passwordMismatch(): Locator {
    return this.page.getByText(this.t.passwordMismatch);
  }
}
