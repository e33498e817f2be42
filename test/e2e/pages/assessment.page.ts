import type { Locator, Page } from 'playwright-core';
import { type Lang, type Messages, messages } from '../../../web/src/i18n/messages.js';
import { textOf, textsOf } from './locator-text.js';

type Verdict = keyof Messages['assessments']['verdicts'];
type DefectKind = keyof Messages['assessments']['defectKinds'];
type Status = keyof Messages['assessments']['statuses'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** /assessments/:id: cover, status bar, reports, workbook, and one card per check item. */
export class AssessmentPage {
  readonly heading: Locator;
  readonly statusBar: Locator;
  readonly reports: Locator;
  readonly notFound: Locator;
  readonly readOnlyMember: Locator;
  readonly readOnlyFinal: Locator;
  /** Every form control in the page's content: none for a reader. */
  readonly controls: Locator;
  /** Answer fields: none once final. */
  readonly answerFields: Locator;
  private readonly t: Messages;
  private readonly main: Locator;

  constructor(
    private readonly page: Page,
    lang: Lang = 'ja',
  ) {
    this.t = messages[lang];
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.statusBar = this.main.locator('.assessment-status-bar');
    this.reports = this.main.getByRole('region', { name: this.t.assessments.reports });
    this.notFound = this.main.getByRole('alert').filter({ hasText: this.t.errorNotFound });
    this.readOnlyMember = this.main.getByText(this.t.assessments.readOnlyMember);
    this.readOnlyFinal = this.main.getByText(this.t.assessments.readOnlyFinal);
    this.controls = this.main.locator('input, textarea, select, button');
    this.answerFields = this.main.locator('article.answer-row').locator('input, textarea, select, button');
  }

  async open(baseUrl: string, path: string): Promise<void> {
    await this.page.goto(new URL(path, baseUrl).href);
    await this.heading.or(this.notFound).first().waitFor();
  }

  async waitForItems(): Promise<void> {
    await this.main.locator('article.answer-row').first().waitFor();
  }

  /** 項番 of every item, in checksheet order. */
  async itemNumbers(): Promise<string[]> {
    return await textsOf(this.main.locator('article.answer-row h3 .item-number'));
  }

  item(no: string): Locator {
    return this.main.locator('article.answer-row').filter({ has: this.page.locator('h3 .item-number', { hasText: exactly(no) }) });
  }

  /** Fill in one item's answer and save it; resolves when the server has answered. */
  async answer(no: string, input: { verdict: Verdict; evidence?: string; comment?: string }): Promise<void> {
    const item = this.item(no);
    await item.getByLabel(this.t.assessments.verdict, { exact: true }).selectOption({ label: this.t.assessments.verdicts[input.verdict] });
    await item.getByLabel(this.t.assessments.evidence, { exact: true }).fill(input.evidence ?? '');
    await item.getByLabel(this.t.assessments.comment, { exact: true }).fill(input.comment ?? '');
    await item.getByRole('button', { name: this.t.assessments.save, exact: true }).click();
    await item.getByRole('status').filter({ hasText: this.t.assessments.saved }).or(item.locator('.field-error')).first().waitFor();
  }

  savedNotice(no: string): Locator {
    return this.item(no).getByRole('status').filter({ hasText: this.t.assessments.saved });
  }

  fieldError(no: string): Locator {
    return this.item(no).locator('.field-error');
  }

  async verdictValue(no: string): Promise<string> {
    return await this.item(no).getByLabel(this.t.assessments.verdict, { exact: true }).inputValue();
  }

  async attach(no: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const item = this.item(no);
    await item.getByLabel(this.t.assessments.attach, { exact: true }).setInputFiles(file);
    await item
      .getByRole('status')
      .filter({ hasText: this.t.assessments.uploaded(file.name) })
      .waitFor();
  }

  attachmentLink(no: string, filename: string): Locator {
    return this.item(no).getByRole('link', { name: this.t.assessments.download(filename), exact: true });
  }

  async flag(no: string, kind: DefectKind, note: string): Promise<void> {
    const item = this.item(no);
    await item.getByRole('button', { name: this.t.assessments.flagDefect, exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: this.t.assessments.defectKinds[kind], exact: true }).check();
    await dialog.getByLabel(this.t.assessments.defectNote, { exact: true }).fill(note);
    await dialog.getByRole('button', { name: this.t.assessments.defectSend, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  defectBadge(no: string): Locator {
    return this.item(no).locator('.defect-badge');
  }

  async statusText(): Promise<string> {
    return await textOf(this.statusBar.locator('.assessment-status'));
  }

  /** Press the status bar's button for a move; finalising is confirmed with a second press. */
  async moveTo(to: Status, label: string): Promise<void> {
    const button = this.statusBar.getByRole('button', { name: label, exact: true });
    await button.click();
    if (to === 'final') {
      await this.statusBar.getByText(this.t.assessments.confirmFinal).waitFor();
      await button.click();
    }
    await this.statusBar
      .locator('.assessment-status', { hasText: exactly(this.t.assessments.statuses[to]) })
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`status bar says: ${await textOf(this.statusBar)}`, { cause: error });
      });
  }

  /** Press 確定する twice and wait for the refusal; returns its text. */
  async finaliseRefused(label: string): Promise<string> {
    const button = this.statusBar.getByRole('button', { name: label, exact: true });
    await button.click();
    await this.statusBar.getByText(this.t.assessments.confirmFinal).waitFor();
    await button.click();
    const alert = this.statusBar.getByRole('alert');
    await alert.waitFor();
    return await textOf(alert);
  }

  reportLink(format: keyof Messages['assessments']['reportFormats'], lang: Lang): Locator {
    const name = `${this.t.assessments.reportFormats[format]} (${this.t.assessments.langNames[lang]})`;
    return this.reports.getByRole('link', { name, exact: true });
  }

  workbookLink(lang: Lang): Locator {
    return this.main.getByRole('link', { name: this.t.assessments.workbookDownload(this.t.assessments.langNames[lang]), exact: true });
  }

  /** Upload a filled workbook; returns the outcome: the refusal with its cells, or the count imported. */
  async importWorkbook(file: { name: string; buffer: Buffer }): Promise<string> {
    const panel = this.main.locator('.workbook-panel');
    await panel.getByLabel(this.t.assessments.workbookUpload, { exact: true }).setInputFiles({ ...file, mimeType: XLSX });
    const outcome = panel.getByRole('alert').or(panel.getByRole('status').filter({ hasText: /\d/ }));
    await outcome.first().waitFor();
    return await textOf(outcome.first());
  }

  contentHash(): Locator {
    return this.main.locator('code.hash');
  }

  /** One fact of the cover (表紙), by its label: e.g. 版 or 移行元の診断. */
  coverFact(label: string): Locator {
    return this.main
      .getByRole('region', { name: this.t.assessments.cover })
      .locator('dl > div')
      .filter({ has: this.page.locator('dt', { hasText: exactly(label) }) })
      .locator('dd');
  }

  /** The notice of an item carried to a newer edition: changed (naming its previous verdict) or new. */
  reviewFlag(no: string): Locator {
    return this.item(no).locator(':scope > .notice');
  }

  async evidenceValue(no: string): Promise<string> {
    return await this.item(no).getByLabel(this.t.assessments.evidence, { exact: true }).inputValue();
  }

  /** An item's 基準（対策）, unfolded as a reader would. */
  async criteria(no: string): Promise<string[]> {
    const details = this.item(no).locator('details.item-details');
    await details.locator('summary').click();
    return await textsOf(details.locator('ul > li'));
  }

  /**
   * Move to a newer edition with the page's own form; resolves once the new
   * assessment's page shows that edition, with the new page's path.
   */
  async moveToEdition(editionId: string): Promise<string> {
    const section = this.main.getByRole('region', { name: this.t.assessments.moveEdition });
    const from = new URL(this.page.url()).pathname;
    await section.getByLabel(this.t.assessments.moveTarget, { exact: true }).selectOption(editionId);
    await section.getByRole('button', { name: this.t.assessments.moveButton, exact: true }).click();
    // The new assessment's cover names the target edition; the old one's never does.
    const shown = this.coverFact(this.t.assessments.edition).filter({ hasText: new RegExp(`^${escapeRegExp(editionId)}\\s`) });
    const refusal = section.getByRole('alert');
    await shown.or(refusal).first().waitFor();
    if ((await refusal.count()) > 0) throw new Error(`the move was refused: ${await textOf(refusal)}`);
    await this.page.waitForURL((url) => url.pathname !== from && /^\/assessments\/[^/]+$/.test(url.pathname));
    await this.waitForItems();
    return new URL(this.page.url()).pathname;
  }
}
