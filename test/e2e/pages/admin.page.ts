import type { Page } from 'playwright-core';
import { adminMessagesJa } from '../../../web/src/i18n/messages-admin.js';
import { messages } from '../../../web/src/i18n/messages.js';

const a = adminMessagesJa;
const t = messages.ja;

/** Administration pages (organisations, products, users, invitations) as a user drives them. */
export class AdminPages {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  private get main() {
    return this.page.getByRole('main');
  }

  async createOrganisation(name: string): Promise<void> {
    await this.page.goto(new URL('/admin/organisations', this.base).href);
    await this.main.getByLabel(a.organisationName, { exact: true }).first().fill(name);
    await this.main.getByRole('button', { name: a.createOrganisation }).click();
    await this.main
      .getByRole('row')
      .filter({ has: this.page.locator(`input[value="${name}"]`) })
      .waitFor();
  }

  /** Opens the organisation's product page from the organisations list. */
  async openProducts(name: string): Promise<void> {
    await this.page.goto(new URL('/admin/organisations', this.base).href);
    await this.main
      .getByRole('row')
      .filter({ has: this.page.locator(`input[value="${name}"]`) })
      .getByRole('link', { name: a.openProducts })
      .click();
    await this.main.getByRole('heading', { level: 1, name: a.productsTitle(name) }).waitFor();
  }

  async addProduct(product: { name: string; model: string }): Promise<void> {
    const form = this.main.getByRole('form', { name: a.addProduct });
    await form.getByLabel(a.productName, { exact: true }).fill(product.name);
    await form.getByLabel(a.productModel, { exact: true }).fill(product.model);
    await form.getByRole('button', { name: a.addProduct }).click();
    await this.main.getByRole('article', { name: product.name }).waitFor();
  }

  async addVersion(productName: string, version: { version: string; releaseDate: string; supportEnd: string }): Promise<void> {
    const card = this.main.getByRole('article', { name: productName });
    await card.getByLabel(a.version, { exact: true }).fill(version.version);
    await card.getByLabel(a.releaseDate, { exact: true }).fill(version.releaseDate);
    await card.getByLabel(a.supportEnd, { exact: true }).fill(version.supportEnd);
    await card.getByRole('button', { name: a.addVersion }).click();
    await card.getByRole('listitem').filter({ hasText: version.version }).waitFor();
  }

  /** Invites on /users; returns the one-time link the page shows. */
  async invite(input: { email: string; role?: keyof typeof t.roles; organisation?: string; orgManager?: boolean }): Promise<string> {
    await this.page.goto(new URL('/users', this.base).href);
    const form = this.main.getByRole('form', { name: a.inviteTitle });
    await form.getByLabel(a.email, { exact: true }).fill(input.email);
    if (input.role) await form.getByLabel(a.role, { exact: true }).selectOption({ label: t.roles[input.role] });
    if (input.organisation) await form.getByLabel(a.organisation, { exact: true }).selectOption({ label: input.organisation });
    if (input.orgManager) await form.getByLabel(a.orgManager).check();
    await form.getByRole('button', { name: a.invite }).click();
    return (await form.locator('.one-time-link').textContent()) ?? '';
  }

  /** Accepts an invitation link in this page's browser, then logs in. */
  async acceptInvitation(link: string, displayName: string, password: string, email: string): Promise<void> {
    // The test server's configured public URL has port 0; keep the link's path and fragment.
    const { pathname, hash } = new URL(link);
    await this.page.goto(new URL(`${pathname}${hash}`, this.base).href);
    await this.main.getByLabel(a.displayName, { exact: true }).fill(displayName);
    await this.main.getByLabel(a.password, { exact: true }).fill(password);
    await this.main.getByRole('button', { name: a.createAccount }).click();
    await this.page.waitForURL((url) => url.pathname === '/login');
    await this.main.getByText(a.accountCreated).waitFor();
    await this.main.getByLabel(t.email, { exact: true }).fill(email);
    await this.main.getByLabel(t.password, { exact: true }).fill(password);
    await this.main.getByRole('button', { name: t.login, exact: true }).click();
    await this.page.waitForURL((url) => url.pathname !== '/login');
  }
}
