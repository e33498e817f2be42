import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';
import { textsOf } from './locator-text.js';

/** Picks a text out of the UI messages of the page's language. */
export type MessagePick = (t: Messages) => string;

/** What most pages share: the messages of the UI language, the <main> region and its level-1 heading (named, when `headingName` is given). */
export abstract class MainPage {
  readonly heading: Locator;
  protected readonly t: Messages;
  protected readonly main: Locator;

  constructor(
    protected readonly page: Page,
    lang: Lang = 'ja',
    headingName?: MessagePick,
  ) {
    this.t = messages[lang];
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', headingName ? { level: 1, name: headingName(this.t) } : { level: 1 });
  }
}

/** Where a list page lives and how it names its new-item link and its empty notice. */
export interface ListPageTexts {
  path: string;
  newButton: MessagePick;
  empty: MessagePick;
}

/** A list page (/assessments, /proposals): a table of titled links, or an empty notice, and a link to add one. */
export abstract class ListPage extends MainPage {
  readonly newButton: Locator;
  readonly table: Locator;
  readonly empty: Locator;
  private readonly path: string;

  constructor(page: Page, lang: Lang, texts: ListPageTexts) {
    super(page, lang);
    this.path = texts.path;
    this.newButton = this.main.getByRole('link', { name: texts.newButton(this.t), exact: true });
    this.table = this.main.getByRole('table');
    this.empty = this.main.getByRole('status').filter({ hasText: texts.empty(this.t) });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL(this.path, baseUrl).href);
    await this.waitForList();
  }

  /** Resolves once the table or the empty notice is shown. */
  async waitForList(): Promise<void> {
    await this.heading.waitFor();
    await this.table.or(this.empty).first().waitFor();
  }

  /** Titles of the listed rows, as shown. */
  async titles(): Promise<string[]> {
    if ((await this.table.count()) === 0) return [];
    return await textsOf(this.table.locator('tbody tr td:first-child'));
  }

  /** Follows a row's title link; resolves on the page of that row (`detailPath` tells it by its pathname). */
  protected async openRow(title: string, detailPath: (pathname: string) => boolean): Promise<void> {
    await this.table.getByRole('link', { name: title, exact: true }).click();
    await this.page.waitForURL((url) => detailPath(url.pathname));
  }
}
