import type { Locator, Page } from 'playwright-core';
import type { Lang, Messages } from '../../../web/src/i18n/messages.js';
import { MainPage } from './main-page.js';
import { type WorkspaceMessages, workspaceMessages } from '../../../web/src/i18n/messages-workspace.js';
import { VERDICTS as VERDICT_ORDER } from '../../../src/core/assessment/verdicts.js';
import { textOf, textsOf } from './locator-text.js';
import { escapeRegExp, exactly } from './text-pattern.js';

type Verdict = keyof Messages['assessments']['verdicts'];
type DefectKind = keyof Messages['assessments']['defectKinds'];
type Status = keyof Messages['assessments']['statuses'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * /assessments/:id: status bar, the workspace (a table of items with a detail
 * pane for the selected one), then cover, reports and workbook.
 */
export class AssessmentPage extends MainPage {
  readonly statusBar: Locator;
  readonly reports: Locator;
  readonly notFound: Locator;
  readonly readOnlyMember: Locator;
  readonly readOnlyFinal: Locator;
  /** Every control that would change the assessment: none for a reader. */
  readonly controls: Locator;
  /** Answer fields (pane, row selection, bulk actions): none once final. */
  readonly answerFields: Locator;
  readonly table: Locator;
  readonly pane: Locator;
  private readonly w: WorkspaceMessages;

  constructor(page: Page, lang: Lang = 'ja') {
    super(page, lang);
    this.w = workspaceMessages[lang];
    this.statusBar = this.main.locator('.assessment-status-bar');
    this.reports = this.main.getByRole('region', { name: this.t.assessments.reports });
    this.notFound = this.main.getByRole('alert').filter({ hasText: this.t.errorNotFound });
    this.readOnlyMember = this.main.getByText(this.t.assessments.readOnlyMember);
    this.readOnlyFinal = this.main.getByText(this.t.assessments.readOnlyFinal);
    this.table = this.main.getByRole('table', { name: this.w.table });
    this.pane = this.main.locator('section.item-pane');
    this.answerFields = this.main.locator(
      '.item-pane input, .item-pane textarea, .item-pane select, .item-table input, .bulk-bar input, .bulk-bar select, .bulk-bar button',
    );
    this.controls = this.answerFields.or(
      this.main.locator('.item-pane button:not(.pane-back), .assessment-status-bar button, .workbook-panel input, .undo-line button'),
    );
  }

  async open(baseUrl: string, path: string): Promise<void> {
    await this.page.goto(new URL(path, baseUrl).href);
    await this.heading.or(this.notFound).first().waitFor();
  }

  async waitForItems(): Promise<void> {
    await this.table.locator('tr.item-row').first().waitFor();
  }

  /** 項番 of every row shown, in checksheet order. */
  async itemNumbers(): Promise<string[]> {
    return await textsOf(this.table.locator('tr.item-row .item-number'));
  }

  /** The table row of an item. */
  item(no: string): Locator {
    return this.table.locator('tr.item-row').filter({ has: this.page.locator('.item-number', { hasText: exactly(no) }) });
  }

  /** The detail pane while it shows this item. */
  paneOf(no: string): Locator {
    return this.pane.filter({ has: this.page.locator('h2 .item-number', { hasText: exactly(no) }) });
  }

  /** Open an item in the pane by clicking its row. */
  async select(no: string): Promise<Locator> {
    const pane = this.paneOf(no);
    if ((await pane.count()) === 0) await this.item(no).locator('button.item-open').click();
    await pane.waitFor();
    return pane;
  }

  saveState(no: string): Locator {
    return this.paneOf(no).locator('.save-state');
  }

  /** Answer one item in its pane; resolves when the autosave has finished (saved) or was refused. */
  async answer(no: string, input: { verdict: Verdict; evidence?: string; comment?: string }): Promise<void> {
    const pane = await this.select(no);
    await pane.getByRole('radio', { name: this.verdictLabel(input.verdict), exact: true }).check();
    await pane.getByLabel(this.w.evidence, { exact: true }).fill(input.evidence ?? '');
    await pane.getByLabel(this.w.comment, { exact: true }).fill(input.comment ?? '');
    await pane.getByLabel(this.w.comment, { exact: true }).press('Escape');
    await this.settled(no);
  }

  /** Waits for the item's autosave to end: saved, or refused with a field error, a conflict or an error. */
  async settled(no: string): Promise<void> {
    const pane = this.paneOf(no);
    const state = (text: string) => pane.locator('.save-state', { hasText: exactly(text) });
    await state(this.w.save.saved).or(state(this.w.save.conflict)).or(state(this.w.save.error)).first().waitFor();
  }

  verdictLabel(verdict: Verdict): string {
    const index = (VERDICT_ORDER as readonly string[]).indexOf(verdict);
    return this.w.verdictKey(index + 1, this.t.assessments.verdicts[verdict]);
  }

  savedNotice(no: string): Locator {
    return this.paneOf(no)
      .getByRole('status')
      .filter({ hasText: exactly(this.w.save.saved) });
  }

  fieldError(no: string): Locator {
    return this.paneOf(no).locator('.field-error');
  }

  /** The verdict the item shows (its pane is opened). */
  async verdictValue(no: string): Promise<string> {
    return (await (await this.select(no)).getAttribute('data-verdict')) ?? '';
  }

  async attach(no: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const pane = await this.select(no);
    await pane.getByLabel(this.t.assessments.attach, { exact: true }).setInputFiles(file);
    await pane
      .getByRole('status')
      .filter({ hasText: this.t.assessments.uploaded(file.name) })
      .waitFor();
  }

  attachmentLink(no: string, filename: string): Locator {
    return this.paneOf(no).getByRole('link', { name: this.t.assessments.download(filename), exact: true });
  }

  /** The flag dialog of an item: its title names the item. */
  defectDialog(no: string): Locator {
    return this.page.getByRole('dialog', { name: new RegExp(`^${escapeRegExp(this.t.assessments.flagDefect)}: ${escapeRegExp(no)} `) });
  }

  /**
   * Flag an item through its dialog. The button is pressed from the keyboard:
   * Playwright checks a click's target on mouse-down only, and on a loaded
   * machine mouse-up follows hundreds of milliseconds later; a pane that
   * re-renders in between swallows the click without a trace. The keys go to
   * the focused button wherever it has moved.
   */
  async flag(no: string, kind: DefectKind, note: string): Promise<void> {
    const pane = await this.select(no);
    const button = pane.getByRole('button', { name: this.t.assessments.flagDefect, exact: true });
    await button.waitFor();
    await button.press('Enter');
    const dialog = this.defectDialog(no);
    await dialog.waitFor().catch(async (error: unknown) => {
      const focus = (await this.page.evaluate("document.activeElement?.outerHTML.slice(0, 160) ?? 'nothing'")) as string;
      throw new Error(`the flag dialog of ${no} did not open; focus is on ${focus}`, { cause: error });
    });
    await dialog.getByRole('radio', { name: this.t.assessments.defectKinds[kind], exact: true }).check();
    await dialog.getByLabel(this.t.assessments.defectNote, { exact: true }).fill(note);
    await dialog.getByRole('button', { name: this.t.assessments.defectSend, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  defectBadge(no: string): Locator {
    return this.paneOf(no).locator('.defect-badge');
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
    return this.paneOf(no).locator(':scope > .notice:not(.conflict-panel)');
  }

  async evidenceValue(no: string): Promise<string> {
    return await (await this.select(no)).getByLabel(this.w.evidence, { exact: true }).inputValue();
  }

  /** An item's 基準（対策）, as its pane shows them. */
  async criteria(no: string): Promise<string[]> {
    const pane = await this.select(no);
    return await textsOf(pane.locator('details.item-details > ul > li'));
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
