import type { Locator, Page } from 'playwright-core';
import { craMessages } from '../../../web/src/i18n/messages-cra.js';

const c = craMessages.ja;

/** The CRA reporting pages (/cra, /cra/new, /cra/cases/:id) as a member drives them. */
export class CraPages {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  get main(): Locator {
    return this.page.getByRole('main');
  }

  /** Marks a vulnerability actively exploited through the form; returns the new case's id. */
  async markExploited(input: { product: string; title: string; vulnerabilityId: string; version: string; state: string; criterion: string }): Promise<string> {
    await this.page.goto(new URL('/cra/new', this.base).href);
    const form = this.main.getByRole('form', { name: c.newCase });
    await form.getByRole('option', { name: input.product }).waitFor({ state: 'attached' });
    await form.getByLabel(c.product, { exact: true }).selectOption({ label: input.product });
    await form.getByLabel(c.title, { exact: true }).fill(input.title);
    await form.getByLabel(c.vulnerabilityId, { exact: true }).fill(input.vulnerabilityId);
    await form.getByRole('checkbox', { name: input.version }).check();
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
