import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';
import { selfAssessmentMessages } from '../../../web/src/i18n/messages-self-assessment.js';

type Verdict = keyof Messages['assessments']['verdicts'];
type State = 'draft' | 'submitted' | 'changes-requested' | 'accepted';

/**
 * The self-assessment panel of /assessments/:id, and the start action and
 * permission switch on the organisation's products page.
 */
export class SelfAssessmentPanel {
  readonly panel: Locator;
  readonly table: Locator;
  private readonly s: (typeof selfAssessmentMessages)[Lang];
  private readonly t: Messages;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    this.s = selfAssessmentMessages[lang];
    this.t = messages[lang];
    this.panel = page.getByRole('main').locator('section.self-assessment-panel');
    this.table = this.panel.getByRole('table', { name: this.s.items });
  }

  /** Goes to the assessment at `url` and waits until its panel shows `state`. */
  static async open(page: Page, url: string, state: State): Promise<SelfAssessmentPanel> {
    await page.goto(url);
    const panel = new SelfAssessmentPanel(page);
    await panel.waitForState(state);
    return panel;
  }

  /** The manager's switch on /organisations/:id; resolves when the page shows it on. */
  async allow(): Promise<void> {
    const box = this.page.getByRole('checkbox', { name: this.s.permission });
    // The switch shows the server's answer: it turns on once the change is stored, not at the click
    // (so Playwright's check(), which wants the state changed at once, does not fit).
    await box.click();
    await this.page.locator('.self-assessment-switch input:checked:not([disabled])').waitFor();
  }

  /** Starts a self-assessment from the product's card; resolves on the new assessment's page. */
  async start(product: string): Promise<string> {
    await this.page.getByRole('article', { name: product }).getByRole('button', { name: this.s.start }).click();
    await this.panel.waitFor();
    return new URL(this.page.url()).pathname;
  }

  async waitForState(state: State): Promise<void> {
    await this.panel.locator(`.self-assessment-state[data-state="${state}"]`).waitFor();
  }

  async submit(): Promise<void> {
    await this.panel.getByRole('button', { name: this.s.submit, exact: true }).click();
    await this.waitForState('submitted');
  }

  row(no: string): Locator {
    return this.table.locator(`tr[data-no="${no}"]`);
  }

  async agree(no: string): Promise<void> {
    await this.row(no)
      .getByRole('button', { name: `${this.s.agree} ${no}`, exact: true })
      .click();
    await this.row(no).locator('.review-decision', { hasText: this.s.agreed }).waitFor();
  }

  async disagree(no: string, comment: string, corrected: Verdict): Promise<void> {
    const row = this.row(no);
    await row.getByRole('button', { name: `${this.s.disagree} ${no}`, exact: true }).click();
    const form = row.getByRole('form', { name: `${this.s.disagree} ${no}` });
    await form.getByLabel(this.s.comment).fill(comment);
    await form.getByLabel(this.s.correctedVerdict).selectOption({ label: this.t.assessments.verdicts[corrected] });
    await form.getByRole('button', { name: this.s.saveDisagree }).click();
    await row.locator('.review-decision', { hasText: this.s.disagreed }).waitFor();
  }

  async sendBack(): Promise<void> {
    await this.panel.getByRole('button', { name: this.s.sendBack, exact: true }).click();
    await this.waitForState('changes-requested');
  }

  async accept(): Promise<void> {
    await this.panel.getByRole('button', { name: this.s.accept, exact: true }).click();
    await this.waitForState('accepted');
  }

  async reply(no: string, body: string): Promise<void> {
    const row = this.row(no);
    await row.getByLabel(this.s.replyLabel(no)).fill(body);
    await row.getByRole('button', { name: this.s.reply, exact: true }).click();
    await row
      .getByRole('list', { name: `${this.s.replies} ${no}` })
      .getByText(body)
      .waitFor();
  }

  /** The own and the reviewed verdict the row shows. */
  async verdicts(no: string): Promise<{ self: string; reviewed: string }> {
    const row = this.row(no);
    return { self: (await row.locator('td.self-verdict').textContent()) ?? '', reviewed: (await row.locator('td.reviewed-verdict').textContent()) ?? '' };
  }

  async comment(no: string): Promise<string> {
    return (await this.row(no).locator('.review-comment').textContent()) ?? '';
  }
}
