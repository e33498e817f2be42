import type { Locator, Page } from 'playwright-core';
import { craMessages } from '../../../web/src/i18n/messages-cra.js';
import { sbomMessagesJa } from '../../../web/src/i18n/messages-sbom.js';

const c = craMessages.ja;
const s = sbomMessagesJa;

/** The CRA reporting pages (/cra, /cra/new, /cra/cases/:id) as a member drives them. */
export class CraPages {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  get main(): Locator {
    return this.page.getByRole('main');
  }

  /**
   * From the product version's known vulnerabilities: the match's "actively exploited" link opens the
   * case form on that match; the member names the title, a member state and a criterion. Returns the case id.
   */
  async markMatchExploited(input: { versionPath: string; vulnerabilityId: string; title: string; state: string; criterion: string }): Promise<string> {
    await this.page.goto(new URL(input.versionPath, this.base).href);
    await this.main.getByRole('listitem', { name: input.vulnerabilityId }).getByRole('link', { name: s.markExploited }).click();
    const form = this.main.getByRole('form', { name: c.newCase });
    await form.getByText(c.fromMatch(input.vulnerabilityId, input.versionPath.split('/').pop() ?? '')).waitFor();
    await form.getByLabel(c.title, { exact: true }).fill(input.title);
    await form.getByRole('checkbox', { name: input.state, exact: true }).check();
    await form.getByRole('checkbox', { name: input.criterion }).check();
    await form.getByRole('button', { name: c.markExploited }).click();
    await this.page.waitForURL(/\/cra\/cases\/[^/]+$/);
    await this.main.getByRole('heading', { level: 1, name: input.title }).waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop() ?? '');
  }

  clock(stage: 'early-warning' | 'notification' | 'final'): Locator {
    return this.main.locator(`tr[data-stage="${stage}"]`);
  }

  async clockDue(stage: 'early-warning' | 'notification' | 'final'): Promise<string | null> {
    return this.clock(stage).locator('time').getAttribute('datetime');
  }

  report(stage: 'early-warning' | 'notification' | 'final'): Locator {
    return this.main.locator(`section[data-report="${stage}"]`);
  }

  /** The error shown next to one field of a stage's draft (the field's aria-describedby names it). */
  fieldError(stage: 'early-warning' | 'notification' | 'final', name: 'nature' | 'measures'): Locator {
    return this.report(stage).locator(`#${stage}-${name}-error`);
  }

  /** Fills the given fields of a stage's draft and marks it sent; waits until the page says so. */
  async send(stage: 'early-warning' | 'notification' | 'final', fields: Partial<Record<'nature' | 'measures', string>> = {}): Promise<void> {
    const section = this.report(stage);
    for (const [name, value] of Object.entries(fields)) await section.getByLabel(c[name as 'nature' | 'measures'], { exact: true }).fill(value);
    await section.getByRole('button', { name: c.markSent }).click();
    await this.report(stage).locator('.cra-sent').waitFor();
    await this.clock(stage).and(this.page.locator('[data-state="sent"]')).waitFor();
  }

  async recordCorrective(text: string): Promise<void> {
    const form = this.main.getByRole('form', { name: c.corrective });
    await form.getByLabel(c.correctiveText, { exact: true }).fill(text);
    await form.getByRole('button', { name: c.corrective }).click();
    await this.main.locator('time[data-corrective-at]').waitFor();
  }
}
