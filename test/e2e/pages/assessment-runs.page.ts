import type { Locator, Page } from 'playwright-core';
import { type ProbeRunMessages, probeRunMessages } from '../../../web/src/i18n/messages-probe-runs.js';

/** /assessments/:id/runs: start a run, watch it, read its findings, take its suggestions. */
export class AssessmentRunsPage {
  readonly heading: Locator;
  readonly runRows: Locator;
  readonly findingRows: Locator;
  private readonly m: ProbeRunMessages;
  private readonly main: Locator;

  constructor(
    private readonly page: Page,
    lang: 'ja' | 'en' = 'ja',
  ) {
    this.m = probeRunMessages[lang];
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.runRows = this.main.locator('table.probe-runs tbody tr');
    this.findingRows = this.main.locator('table.probe-findings tbody tr');
  }

  async open(baseUrl: string, assessmentId: string): Promise<void> {
    await this.page.goto(new URL(`/assessments/${encodeURIComponent(assessmentId)}/runs`, baseUrl).href);
    await this.heading.waitFor();
  }

  /** Upload a scope file and run it; resolves once the new run is listed. */
  async runScope(fileName: string, text: string): Promise<void> {
    const before = await this.runRows.count();
    await this.main.getByLabel(this.m.start.upload).setInputFiles({ name: fileName, mimeType: 'text/yaml', buffer: Buffer.from(text, 'utf8') });
    await this.main.getByLabel(this.m.start.scopeText).filter({ hasText: 'authorisedBy' }).waitFor();
    await this.main.getByRole('button', { name: this.m.start.submit, exact: true }).click();
    await this.runRows.nth(before).waitFor();
  }

  /** The run row of this scope name. */
  run(scopeName: string): Locator {
    return this.runRows.filter({ hasText: scopeName });
  }

  async waitForState(scopeName: string, state: string): Promise<void> {
    await this.run(scopeName).locator(`.run-state-${state}`).waitFor();
  }

  async cancel(scopeName: string): Promise<void> {
    await this.run(scopeName).getByRole('button', { name: this.m.runs.cancel }).click();
  }

  async showFindings(scopeName: string): Promise<void> {
    await this.run(scopeName).getByRole('button', { name: this.m.runs.show }).click();
    await this.main.getByRole('heading', { name: this.m.findings.heading(scopeName) }).waitFor();
  }

  finding(check: string): Locator {
    return this.findingRows.filter({ has: this.page.locator('td', { hasText: new RegExp(`^${check.replace('.', '\\.')}$`) }) });
  }

  /** The suggestion of one item (by its requirement id). */
  suggestion(requirementId: string): Locator {
    return this.main.locator(`li.suggestion[data-requirement="${requirementId}"]`);
  }

  async accept(itemNos: string[]): Promise<void> {
    for (const no of itemNos) await this.main.getByRole('checkbox', { name: this.m.suggestions.select(no) }).check();
    await this.main.getByRole('button', { name: this.m.suggestions.acceptSelected }).click();
    await this.main.getByText(this.m.suggestions.accepted(itemNos.length)).waitFor();
  }
}
