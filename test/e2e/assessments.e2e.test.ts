import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICTS } from '../../src/core/assessment/verdicts.js';
import { VERDICT_LABELS } from '../../src/core/vocabulary-labels.js';
import { messages } from '../../web/src/i18n/messages.js';
import { ADMIN, EDITOR, ORG_A, ORG_B, PEOPLE as CAST, PRODUCT } from './cast.js';
import type { Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { textOf } from './pages/locator-text.js';
import { AssessmentPage } from './pages/assessment.page.js';
import { NewAssessmentPage } from './pages/assessment-new.page.js';
import { AssessmentsPage } from './pages/assessments.page.js';
import { ProposalsPage } from './pages/proposals.page.js';
import { SearchResultsPage } from './pages/search-results.page.js';

/**
 * An assessment (診断) from start to finish: an assessor creates it for
 * organisation A's product, answers, attaches evidence, flags an item and
 * finalises it; the editors see the flag; A's member reads the assessment and
 * its report but cannot change it; B's member cannot tell it exists.
 */

const t = messages.ja;
const PEOPLE = { ...CAST, editor: EDITOR };

const TITLE = 'SL-200 出荷前診断 2026';
const EVIDENCE_FILE = {
  name: '設計レビュー記録.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from('設計レビュー 2026-04-01: 役割分担表を確認した。\n', 'utf8'),
};

/** Ten answers: a mix of every decided verdict; the two 対象外 carry their reason. */
const ANSWERS = [
  { verdict: 'pass', evidence: '役割分担表 v3（2026-03）' },
  { verdict: 'pass', evidence: '規制適用の確認表' },
  { verdict: 'partial', evidence: '一部の委託先が未記載', comment: '次回までに追記予定' },
  { verdict: 'fail', evidence: '脅威分析が未実施' },
  { verdict: 'not-applicable', evidence: '', comment: '本製品はクラウド連携を持たないため' },
  { verdict: 'pass', evidence: 'セキュリティ要求一覧' },
  { verdict: 'partial', evidence: '' },
  { verdict: 'fail', evidence: '' },
  { verdict: 'not-applicable', evidence: '', comment: '対象の機能を搭載しない' },
  { verdict: 'needs-review', evidence: '担当者に確認中' },
] as const;

describe('assessments: create, answer, finalise; who sees what', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  const pages = {} as Record<keyof typeof PEOPLE, Page>;
  let assessmentPath = '';
  let planningLabel = '';
  let flaggedNo = '';

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform(ADMIN));
    if (!platform) return;
    const orgA = await platform.createOrganisation(ORG_A);
    const orgB = await platform.createOrganisation(ORG_B);
    await platform.createProduct(orgA, { name: PRODUCT, model: 'SL-200' });
    await platform.createUser(PEOPLE.assessor, null);
    await platform.createUser(PEOPLE.editor, null);
    await platform.createUser(PEOPLE.memberA, orgA);
    await platform.createUser(PEOPLE.memberB, orgB);
    const { current } = await platform.adminApi<{ current: string }>('GET', '/api/editions');
    const taxonomy = await platform.adminApi<{ phases: { id: string; label: { ja: string } }[] }>('GET', `/api/editions/${current}/taxonomy`);
    planningLabel = taxonomy.phases.find((p) => p.id === 'planning')?.label.ja ?? 'planning';
  });

  afterAll(() => closeJourney(platform, browser));

  /** Logs the person in, keeps their page for the later steps, and opens 診断 from the main navigation. */
  async function assessmentsFromNav(p: Platform, who: keyof typeof PEOPLE): Promise<{ page: Page; list: AssessmentsPage }> {
    const page = await p.loginAs(PEOPLE[who]);
    pages[who] = page;
    const list = new AssessmentsPage(page);
    await list.openFromNav();
    return { page, list };
  }

  it('an assessor creates an assessment for A’s product from the 診断 menu', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const { page, list } = await assessmentsFromNav(platform, 'assessor');
    expect(await textOf(list.heading)).toBe(t.assessments.listTitle);
    expect(await list.titles()).toEqual([]);

    await list.newButton.click();
    const form = new NewAssessmentPage(page);
    await form.heading.waitFor();
    const all = await form.previewCount();
    assessmentPath = await form.create({ organisation: ORG_A, product: `${PRODUCT} (SL-200)`, title: TITLE, productVersion: '2.1.0', phases: [planningLabel] });

    const detail = new AssessmentPage(page);
    await detail.waitForItems();
    expect(await textOf(detail.heading)).toBe(TITLE);
    expect(await detail.statusText()).toBe(t.assessments.statuses.draft);
    const numbers = await detail.itemNumbers();
    expect(numbers.length).toBeGreaterThanOrEqual(ANSWERS.length);
    expect(numbers.length).toBeLessThan(all);
    expect(numbers.every((n) => n.startsWith('P-'))).toBe(true);
  });

  it('answers ten items; 対象外 needs its reason; a file is attached and an item flagged', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const page = pages.assessor;
    const detail = new AssessmentPage(page);
    const numbers = (await detail.itemNumbers()).slice(0, ANSWERS.length);

    // 対象外 without a reason: the server refuses and names the comment field.
    const first = numbers[4] ?? '';
    await detail.answer(first, { verdict: 'not-applicable', evidence: '' });
    await detail.fieldError(first).waitFor();
    expect(await detail.savedNotice(first).count()).toBe(0);

    for (const [index, no] of numbers.entries()) {
      const answer = ANSWERS[index];
      if (!answer) continue;
      await detail.answer(no, { verdict: answer.verdict, evidence: answer.evidence, comment: 'comment' in answer ? answer.comment : '' });
      expect(await detail.savedNotice(no).count(), no).toBe(1);
    }

    const attachedNo = numbers[0] ?? '';
    await detail.attach(attachedNo, EVIDENCE_FILE);
    await detail.attachmentLink(attachedNo, EVIDENCE_FILE.name).waitFor();
    const href = (await detail.attachmentLink(attachedNo, EVIDENCE_FILE.name).getAttribute('href')) ?? '';
    const download = await page.request.get(platform.url(href));
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('役割分担表を確認した');

    flaggedNo = numbers[2] ?? '';
    await detail.flag(flaggedNo, 'unclear', '「境界ごとの分担」の確認範囲が曖昧で、委託先の再委託まで含むか判断できない。');
    expect(await textOf(detail.defectBadge(flaggedNo))).toBe(t.assessments.defectShown(t.assessments.defectKinds.unclear));

    // The workbook goes out and comes back: a bad 判定 cell is named by row and column and nothing is stored.
    const workbook = await page.request.get(platform.url((await detail.workbookLink('ja').getAttribute('href')) ?? ''));
    expect(workbook.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(toArrayBuffer(await workbook.body()));
    const sheet = book.getWorksheet('チェックシート');
    if (!sheet) throw new Error('the workbook has no チェックシート sheet');
    const good = Buffer.from(await book.xlsx.writeBuffer());
    sheet.getCell('G2').value = '合格';
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const refusal = await detail.importWorkbook({ name: 'bad.xlsx', buffer: bad });
    expect(refusal).toContain('G2');
    // Said in Japanese from the problem's code and params: the bad value and the verdicts to use.
    expect(refusal).toContain(t.fieldErrorDetails['not-a-verdict']({ value: '合格', allowed: VERDICTS.map((v) => VERDICT_LABELS[v].ja) }));
    expect(refusal).not.toContain('is not a verdict');
    expect(await detail.importWorkbook({ name: 'good.xlsx', buffer: good })).toMatch(/\d+/);

    // Everything is stored: a fresh load shows the same answers, and the first answer started the work.
    await detail.open(platform.server.url, assessmentPath);
    await detail.waitForItems();
    expect(await detail.verdictValue(numbers[0] ?? '')).toBe('pass');
    expect(await detail.verdictValue(numbers[4] ?? '')).toBe('not-applicable');
    expect(await detail.verdictValue(numbers[9] ?? '')).toBe('needs-review');
    expect(await detail.statusText()).toBe(t.assessments.statuses['in-progress']);
  });

  it('goes to review; is final only once no item is left unassessed; then read-only with its content hash', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const detail = new AssessmentPage(pages.assessor);
    await detail.moveTo('in-review', t.assessments.moveTo['in-review'] ?? '');

    // The items beyond the ten are still 未評価: the server refuses and names them.
    const numbers = await detail.itemNumbers();
    const rest = numbers.slice(ANSWERS.length);
    if (rest.length > 0) {
      const refusal = await detail.finaliseRefused(t.assessments.moveTo.final ?? '');
      for (const no of rest) expect(refusal).toContain(no);
      for (const no of rest) await detail.answer(no, { verdict: 'pass', evidence: '確認済み' });
    }

    await detail.moveTo('final', t.assessments.moveTo.final ?? '');
    await detail.readOnlyFinal.waitFor();
    expect(await detail.answerFields.count()).toBe(0);
    expect(await textOf(detail.contentHash())).toMatch(/^[0-9a-f]{64}$/);
    // The server agrees: a final assessment takes no more answers.
    const requirementId = await firstRequirementId(platform, pages.assessor);
    const put = await platform.call(pages.assessor, 'PUT', `/api${assessmentPath}/answers/${encodeURIComponent(requirementId)}`, {
      verdict: 'fail',
      evidence: '',
      comment: '',
      version: 0,
    });
    expect(put.status).toBe(409);
  });

  it('shows the results (scores, readiness) and builds a checksheet without an assessment', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const page = pages.assessor;
    const main = page.getByRole('main');
    await main.getByRole('link', { name: t.assessments.results, exact: true }).click();
    await main.getByRole('heading', { level: 1, name: t.results.title(TITLE) }).waitFor();
    for (const name of [t.results.byLayer, t.results.byPhase, t.results.byThreatCategory]) {
      await main.getByRole('region', { name }).getByRole('img').waitFor();
    }
    await main.getByRole('heading', { level: 2, name: t.results.readiness }).waitFor();
    expect(await main.locator('.overall-score').textContent()).toMatch(/\d+%/);

    await page.goto(platform.url('/checksheets'));
    await main.getByRole('heading', { level: 1, name: t.checksheets.title }).waitFor();
    await main.getByRole('group', { name: t.checksheets.phases }).getByLabel(planningLabel, { exact: true }).check();
    const count = await new NewAssessmentPage(page).previewCount();
    const saved = page.waitForEvent('download');
    await main.getByRole('button', { name: t.checksheets.download('JSON'), exact: true }).click();
    const download = await saved;
    const path = await download.path();
    const sheet = JSON.parse(readFileSync(path, 'utf8')) as { items: { no: string }[] };
    expect(sheet.items.length).toBe(count);
    expect(sheet.items.every((i) => i.no.startsWith('P-'))).toBe(true);
  });

  it('an editor finds the flag in the proposal queue, with the item it concerns', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const page = await platform.loginAs(PEOPLE.editor);
    pages.editor = page;
    const queue = new ProposalsPage(page);
    await queue.open(platform.server.url);
    const titles = await queue.titles();
    const flagged = titles.find((title) => title.includes(flaggedNo));
    expect(flagged, titles.join(' | ')).toBeDefined();
    expect(flagged).toContain(t.assessments.defectKinds.unclear);
    expect(await page.getByRole('main').locator('.origin-badge').count()).toBe(1);
    // The proposal names the item and links to it; the assessment itself is not the editors' to open.
    const main = page.getByRole('main');
    await main
      .getByRole('table')
      .getByRole('link', { name: `[${t.assessments.defectKinds.unclear}] ${flaggedNo}` })
      .click();
    await page.waitForURL((url) => /^\/proposals\/[^/]+$/.test(url.pathname));
    const itemLink = main.getByRole('link', { name: t.proposalOrigin.item(flaggedNo), exact: true });
    await itemLink.waitFor();
    expect(await itemLink.getAttribute('href')).toMatch(/^\/requirements\//);
    expect(await main.getByRole('link', { name: t.proposalOrigin.assessment, exact: true }).count()).toBe(0);
    // Editors do not see assessments: no menu entry.
    expect(await page.getByRole('navigation', { name: t.mainNavigation }).getByText(t.assessments.navList).count()).toBe(0);
  });

  it("A's member reads the assessment and its report but cannot change it", async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const { page, list } = await assessmentsFromNav(platform, 'memberA');
    expect(await list.titles()).toEqual([TITLE]);
    await list.newButton.waitFor({ state: 'detached' });
    await list.openAssessment(TITLE);

    const detail = new AssessmentPage(page);
    await detail.waitForItems();
    await detail.readOnlyMember.waitFor();
    expect(await detail.controls.count()).toBe(0);
    const numbers = await detail.itemNumbers();
    expect(
      await textOf(
        detail
          .item(numbers[0] ?? '')
          .locator('.verdict')
          .first(),
      ),
    ).toBe(t.assessments.verdicts.pass);

    // The API agrees: the page's own session may not write.
    const put = await platform.call(page, 'PUT', `/api${assessmentPath}/answers/${encodeURIComponent(await firstRequirementId(platform, page))}`, {
      verdict: 'fail',
      evidence: '',
      comment: '',
      version: 0,
    });
    expect(put.status).toBe(403);

    const reportHref = (await detail.reportLink('html', 'ja').getAttribute('href')) ?? '';
    const report = await page.context().newPage();
    await report.goto(platform.url(reportHref));
    expect(await report.locator('body').textContent()).toContain(PRODUCT);
    await report.close();
  });

  it("B's member cannot find it: not listed, not found by URL or search, files answer 404", async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const page = await platform.loginAs(PEOPLE.memberB);
    const list = new AssessmentsPage(page);
    await list.open(platform.server.url);
    expect(await list.titles()).toEqual([]);

    const detail = new AssessmentPage(page);
    await detail.open(platform.server.url, assessmentPath);
    await detail.notFound.waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);

    const search = new SearchResultsPage(page);
    await search.search(TITLE);
    expect((await search.shown()).map((r) => r.title).join(' ')).not.toContain(TITLE);

    for (const path of [`${assessmentPath}/report?format=html&lang=ja`, `${assessmentPath}/workbook?lang=ja`, `${assessmentPath}/results`, assessmentPath]) {
      const response = await page.request.get(platform.url(`/api${path}`));
      expect(response.status(), path).toBe(404);
    }
    expect(platform.problems).toEqual([]);
  });
});

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The requirement id of the assessment's first item, read as the member may. */
async function firstRequirementId(platform: Platform, page: Page): Promise<string> {
  const path = new URL(page.url()).pathname;
  const view = await platform.call(page, 'GET', `/api${path}`);
  return ((view.body as { items: { requirementId: string }[] }).items[0] ?? { requirementId: '' }).requirementId;
}
