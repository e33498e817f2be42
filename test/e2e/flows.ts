import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import type { Config } from '../../src/config/config.js';
import type { EvidenceOptions } from '../../src/server/start-platform.js';
import { startTestServer } from '../helpers/test-server.js';
import { LoginPage } from './pages/login.page.js';
import { SetupPage } from './pages/setup.page.js';

/**
 * Shared set-up of the end-to-end journeys: a real server, the first admin
 * created through the setup link, then organisations, products and users
 * through the admin API in the admin's own browser session (no admin pages
 * exist for them). Each person gets their own browser context.
 */

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
export const PASSWORD = 'Correct-Horse-Battery-Staple-42';

/**
 * Every wait in a journey is on what the page shows (a locator, a response),
 * never on time; this is only the bound after which such a wait gives up. It
 * is generous because the suite runs on 2 shared cores beside other test
 * files: a step that shows up in 100 ms alone may take seconds there, and a
 * passing journey is not slowed by a larger bound.
 */
export const STEP_TIMEOUT = 60_000;

// A journey is many steps: its own bound, for every e2e file (each imports this module).
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

/** A browser context and page for one person: Japanese, desktop size, downloads allowed, the shared step bound. */
export async function personPage(
  browser: Browser,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'ja-JP',
    viewport: options.viewport ?? { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  return { context, page };
}

/** Collects a page's errors and its Content Security Policy violations (a CSP violation means the built UI would break under the server's policy). */
export function recordProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
}

/** The first admin created through the setup link on this page, then logged in on it. */
export async function setUpFirstAdmin(page: Page, setupUrl: string, admin: { email: string; displayName: string; password: string }): Promise<void> {
  const setup = new SetupPage(page);
  await setup.open(setupUrl);
  await setup.createAdmin(admin);
  await new LoginPage(page).login(admin.email, admin.password);
}

export interface Person {
  email: string;
  displayName: string;
  role: 'admin' | 'editor' | 'assessor' | 'member';
}

export class Platform {
  readonly contexts: BrowserContext[] = [];
  /** Page errors and CSP violations seen in any context. */
  readonly problems: string[] = [];
  admin!: Page;

  private constructor(
    readonly browser: Browser,
    readonly server: TestServer,
  ) {}

  /**
   * A fresh server whose setup link is still unused: for journeys that go
   * through setup themselves. `config` is for what a journey needs beyond the
   * defaults (a fixed port and public URL, single sign-on).
   */
  static async open(browser: Browser, options: { anonymousRead?: boolean; evidence?: EvidenceOptions; config?: Partial<Config> } = {}): Promise<Platform> {
    return new Platform(browser, await startTestServer({ anonymousRead: false, ...options }));
  }

  /** A fresh server with its first admin logged in. */
  static async start(browser: Browser, admin: { email: string; displayName: string }, evidence?: EvidenceOptions): Promise<Platform> {
    const platform = await Platform.open(browser, evidence ? { evidence } : {});
    await platform.setUpAdmin(admin);
    return platform;
  }

  /** The first admin, created through the setup link and logged in, in their own browser context (`admin`). */
  async setUpAdmin(admin: { email: string; displayName: string }): Promise<void> {
    this.admin = await this.newPage();
    await setUpFirstAdmin(this.admin, this.server.setupUrl, { ...admin, password: PASSWORD });
  }

  url(path: string): string {
    return new URL(path, this.server.url).href;
  }

  async newPage(options: Parameters<typeof personPage>[1] = {}): Promise<Page> {
    const { context, page } = await personPage(this.browser, options);
    this.contexts.push(context);
    recordProblems(page, this.problems);
    return page;
  }

  /** A call through a page's session (cookie and CSRF token): the status and the parsed body. */
  async call(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const { csrfToken } = (await (await page.request.get(this.url('/api/session'))).json()) as { csrfToken: string };
    const response = await page.request.fetch(this.url(path), {
      method,
      headers: { 'x-csrf-token': csrfToken },
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status(), body: parsed };
  }

  /** An admin API call that must succeed. */
  async adminApi<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const result = await this.call(this.admin, method, path, body);
    expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
    return result.body as T;
  }

  async createOrganisation(name: string): Promise<string> {
    return (await this.adminApi<{ id: string }>('POST', '/api/organisations', { name })).id;
  }

  async createProduct(organisationId: string, product: { name: string; model?: string }): Promise<string> {
    return (await this.adminApi<{ id: string }>('POST', `/api/organisations/${organisationId}/products`, { model: null, ...product })).id;
  }

  async createUser(person: Person, organisationId: string | null): Promise<void> {
    await this.adminApi('POST', '/api/admin/users', { ...person, password: PASSWORD, organisationId });
  }

  /** A new browser context logged in as this person, left on the page after login. */
  async loginAs(person: Person): Promise<Page> {
    const page = await this.newPage();
    const login = new LoginPage(page);
    await login.open(this.server.url);
    await login.login(person.email, PASSWORD);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.server.close();
  }
}
