import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Page model of the published static site, opened from file://. */
export class StaticSitePage {
  constructor(
    readonly page: Page,
    readonly root: string,
  ) {}

  url(path: string, query = ''): string {
    return `${pathToFileURL(join(this.root, path)).href}${query}`;
  }

  async open(path: string, query = ''): Promise<void> {
    await this.page.goto(this.url(path, query));
  }

  /** Path of the current page relative to the site root. */
  currentPath(): string {
    const url = new URL(this.page.url());
    return decodeURIComponent(url.pathname).slice(pathToFileURL(this.root).pathname.length + 1);
  }

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  navLink(name: string): Locator {
    return this.page.locator('.site-nav').getByRole('link', { name, exact: true });
  }

  get languageSwitch(): Locator {
    return this.page.locator('a.lang-switch');
  }

  /** A matrix cell's link, named "layer × phase: n件". */
  matrixCell(layer: string, phase: string): Locator {
    return this.page.locator(`table.matrix a[aria-label^="${layer} × ${phase}:"]`);
  }

  itemLink(title: string): Locator {
    return this.page.locator('table.items').getByRole('link', { name: title });
  }

  get termLinks(): Locator {
    return this.page.locator('main a.term');
  }

  get searchInput(): Locator {
    return this.page.locator('#search-input');
  }

  get searchStatus(): Locator {
    return this.page.locator('#search-status');
  }

  get results(): Locator {
    return this.page.locator('#search-results > li');
  }

  get highlights(): Locator {
    return this.page.locator('#search-results mark');
  }
}
