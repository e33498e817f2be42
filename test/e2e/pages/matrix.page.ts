import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { escapeRegExp } from './text-pattern.js';

/** The home page: the layer × phase matrix of the current edition. */
export class MatrixPage extends MainPage {
  readonly table: Locator;
  /** One row header per layer. */
  readonly layerHeaders: Locator;
  /** Stage headers span the phases that belong to them. */
  readonly stageHeaders: Locator;
  /** Cells with at least one item are links. */
  readonly nonEmptyCells: Locator;
  /** Shown instead of the matrix when reading needs a login. */
  readonly loginPrompt: Locator;
  readonly loginPromptLink: Locator;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang, (t) => t.matrixTitle);
    this.table = this.main.getByRole('table');
    this.layerHeaders = this.table.getByRole('rowheader');
    this.stageHeaders = this.table.locator('th[scope="colgroup"]');
    this.nonEmptyCells = this.table.getByRole('link');
    this.loginPrompt = this.main.getByRole('alert').filter({ hasText: this.t.errorUnauthorized });
    this.loginPromptLink = this.main.getByRole('link', { name: this.t.loginToContinue });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/', baseUrl).href);
    await this.heading.waitFor();
  }

  /** Wait until the matrix itself (not a loading line) is on screen. */
  async waitForMatrix(): Promise<void> {
    await this.table.waitFor();
  }

  /** Phase column headers, in order (the second header row). */
  phaseHeaders(): Locator {
    return this.table.locator('thead tr').nth(1).getByRole('columnheader');
  }

  /** The cell of one layer and phase, found by its accessible name, whatever its count. */
  cell(layerLabel: string, phaseLabel: string): Locator {
    const prefix = escapeRegExp(`${layerLabel} × ${phaseLabel}:`);
    return this.table.getByRole('link', { name: new RegExp(`^${prefix}`) }).or(this.table.getByRole('button', { name: new RegExp(`^${prefix}`) }));
  }

  /** The exact accessible name a cell should carry. */
  cellName(layerLabel: string, phaseLabel: string, count: number): string {
    return this.t.cellLabel(layerLabel, phaseLabel, count);
  }

  async openCell(layerLabel: string, phaseLabel: string): Promise<void> {
    await this.cell(layerLabel, phaseLabel).click();
    await this.page.waitForURL((url) => url.pathname.startsWith('/matrix/'));
  }
}
