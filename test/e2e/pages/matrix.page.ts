import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The home page: the layer × phase matrix of the current edition. */
export class MatrixPage {
  readonly heading: Locator;
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
  private readonly t: Messages;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    const t = messages[lang];
    this.t = t;
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: t.matrixTitle });
    this.table = main.getByRole('table');
    this.layerHeaders = this.table.getByRole('rowheader');
    this.stageHeaders = this.table.locator('th[scope="colgroup"]');
    this.nonEmptyCells = this.table.getByRole('link');
    this.loginPrompt = main.getByRole('alert').filter({ hasText: t.errorUnauthorized });
    this.loginPromptLink = main.getByRole('link', { name: t.loginToContinue });
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
