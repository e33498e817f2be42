import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../../../web/src/i18n/messages.js';
import { type FirmwareMessages, firmwareMessages } from '../../../web/src/i18n/messages-firmware.js';

/** The firmware analysis panel of an assessment page. */
export class FirmwarePanel {
  readonly region: Locator;
  readonly findings: Locator;
  readonly binaries: Locator;
  readonly suggestions: Locator;
  readonly sbomLink: Locator;
  private readonly m: FirmwareMessages;

  constructor(page: Page, lang: Lang = 'ja') {
    this.m = firmwareMessages[lang];
    this.region = page.getByRole('main').getByRole('region', { name: this.m.title });
    this.findings = this.region.getByRole('table', { name: this.m.findings });
    this.binaries = this.region.getByRole('table', { name: this.m.binaries });
    this.suggestions = this.region.getByRole('table', { name: this.m.suggestions });
    this.sbomLink = this.region.getByRole('link', { name: this.m.sbom });
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.region.getByLabel(this.m.upload).setInputFiles(file);
  }

  analysis(name: string): Locator {
    return this.region.locator('li.firmware-analysis').filter({ hasText: name });
  }

  /** Waits until the analysis of `name` shows the given state (the page polls while it runs). */
  async waitForState(name: string, state: keyof FirmwareMessages['states'] | string): Promise<void> {
    await this.analysis(name)
      .locator('.firmware-state', { hasText: this.m.states[state] ?? state })
      .waitFor({ timeout: 60_000 });
  }

  async show(name: string): Promise<void> {
    await this.analysis(name).getByRole('button', { name: this.m.show }).click();
    await this.findings.waitFor();
  }

  row(table: Locator, text: string): Locator {
    return table.getByRole('row').filter({ hasText: text });
  }

  async accept(no: string): Promise<void> {
    const row = this.row(this.suggestions, no);
    await row.getByRole('button', { name: this.m.accept }).click();
    await row.getByText(this.m.accepted).waitFor();
  }
}
