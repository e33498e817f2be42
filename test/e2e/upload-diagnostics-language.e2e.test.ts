import ExcelJS from 'exceljs';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICTS } from '../../src/core/assessment/verdicts.js';
import type { FieldError } from '../../src/core/errors.js';
import { VERDICT_LABELS } from '../../src/core/vocabulary-labels.js';
import { attachedTextMessages } from '../../web/src/i18n/messages-attached-text.js';
import { messages } from '../../web/src/i18n/messages.js';
import { sbomMessagesJa } from '../../web/src/i18n/messages-sbom.js';
import { cyclonedxJson } from '../helpers/sbom-fixtures.js';
import { itemRows, sheet } from '../workbook/workbook-helpers.js';
import { ASSESSOR } from './cast.js';
import type { Platform } from './flows.js';
import { expectNoEnglish } from './english-watch.js';
import { closeJourney, startPlatform } from './journey.js';
import { AssessmentPage } from './pages/assessment.page.js';

/**
 * Issue 13, "the Japanese UI shows no English server text", for uploaded
 * documents: in the Japanese UI a bad checksheet workbook, a bad SBOM and a
 * publisher's catalog whose ids disagree with the standard are each listed
 * with the place and a Japanese sentence holding the bad value or the ids,
 * made from the problem's code and params; none of the English sentences the
 * server sent (each problem's `message`, the `detail`, a warning's `message`)
 * is on the page.
 */
const t = messages.ja;
const SPEC = { layers: ['device'], phases: ['disposal'], profile: null };

type Listed = Pick<FieldError, 'path' | 'message' | 'code' | 'params' | 'at'>;
interface Answer {
  title?: string;
  detail?: string;
  errors?: Listed[];
  warnings?: Listed[];
}

/** The answer of the upload `act` starts (the first response whose URL ends so), parsed. */
async function uploadAnswer(page: Page, urlEnd: string, act: () => Promise<unknown>): Promise<Answer> {
  const [response] = await Promise.all([page.waitForResponse((r: Response) => r.request().method() === 'POST' && r.url().endsWith(urlEnd)), act()]);
  return (await response.json()) as Answer;
}

/** Every English sentence of the server's answer. */
function englishOf(answer: Answer): string[] {
  const texts = [answer.detail, ...(answer.errors ?? []).map((e) => e.message), ...(answer.warnings ?? []).map((w) => w.message)];
  return texts.filter((s): s is string => typeof s === 'string' && s.length > 3);
}

/** The Japanese page's visible text holds none of the server's English sentences (and there were some to look for). */
async function expectNoEnglishOf(page: Page, answer: Answer): Promise<void> {
  const english = englishOf(answer);
  expect(english.length).toBeGreaterThan(0);
  await expectNoEnglish(page, { texts: new Set(english), seen: [] });
}

describe('problems of uploaded documents in the Japanese UI: Japanese sentences with the bad values, no English', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let productId = '';

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform({ email: 'admin@example.jp', displayName: '管理者' }));
    if (!platform) return;
    await platform.createUser(ASSESSOR, null);
    productId = await platform.createProduct(await platform.createOrganisation('診断言語株式会社'), { name: 'ゲートウェイ G-1' });
    await platform.adminApi('POST', `/api/products/${productId}/versions`, { version: '1.0' });
  });
  afterAll(() => closeJourney(platform, browser));

  /** A page of this person with the UI language set to Japanese before the app starts. */
  async function japanese(page: Page): Promise<Page> {
    await page.addInitScript("window.localStorage.setItem('tebiki.lang', 'ja')");
    return page;
  }

  it('a workbook with a bad verdict and an unknown requirement id; then a good one from another assessment, warned about', async (ctx) => {
    if (!platform) return ctx.skip('no browser');
    const page = await japanese(await platform.loginAs(ASSESSOR));
    const editionId = (await platform.adminApi<{ current: string }>('GET', '/api/editions')).current;
    const created = await platform.call(page, 'POST', '/api/assessments', { productId, title: '言語の確認', productVersion: '1.0', editionId, spec: SPEC });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id } = created.body as { id: string };
    const detail = new AssessmentPage(page);
    await detail.open(platform.server.url, `/assessments/${id}`);
    await detail.waitForItems();

    const exported = await page.request.get(platform.url(`/api/assessments/${id}/workbook?lang=ja`));
    expect(exported.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const items = sheet(book, 'チェックシート');
    const [first, second] = itemRows(items);
    if (first === undefined || second === undefined) throw new Error('the checksheet has fewer than two items');
    items.getCell(`G${first}`).value = '合格';
    const keptId = items.getCell(`K${second}`).value;
    items.getCell(`K${second}`).value = 'no-such-requirement';
    const bad = Buffer.from(await book.xlsx.writeBuffer());

    const refused = await uploadAnswer(page, `/api/assessments/${id}/workbook`, () => detail.importWorkbook({ name: 'bad.xlsx', buffer: bad }));
    expect(refused.errors?.map((e) => e.code)).toEqual(['not-a-verdict', 'unknown-requirement-id']);
    const panel = page.locator('.workbook-panel');
    const verdicts = VERDICTS.map((v) => VERDICT_LABELS[v].ja);
    await panel
      .locator('li', { hasText: `チェックシート!G${first}` })
      .filter({ hasText: t.fieldErrorDetails['not-a-verdict']({ value: '合格', allowed: verdicts }) })
      .waitFor();
    await panel
      .locator('li', { hasText: `チェックシート!K${second}` })
      .filter({ hasText: t.fieldErrorDetails['unknown-requirement-id']({ id: 'no-such-requirement' }) })
      .waitFor();
    expect(await panel.locator('[lang="en"], details').count()).toBe(0);
    await expectNoEnglishOf(page, refused);

    // The same workbook put right, but marked as another assessment's: imported, with the warning in Japanese.
    items.getCell(`G${first}`).value = '適合';
    items.getCell(`K${second}`).value = keptId;
    sheet(book, '_tebiki').eachRow((row) => {
      if (row.getCell(1).value === 'assessmentId') row.getCell(2).value = 'another-assessment';
    });
    const other = Buffer.from(await book.xlsx.writeBuffer());
    const imported = await uploadAnswer(page, `/api/assessments/${id}/workbook`, () => detail.importWorkbook({ name: 'other.xlsx', buffer: other }));
    expect(imported.warnings?.map((w) => w.code)).toEqual(['other-assessment']);
    await panel.getByText(t.fieldErrorDetails['other-assessment']({ found: 'another-assessment', expected: id })).waitFor();
    await expectNoEnglishOf(page, imported);
  });

  it('an SBOM whose component type is not one the schema allows: the allowed types listed in a Japanese sentence', async (ctx) => {
    if (!platform) return ctx.skip('no browser');
    const page = await japanese(platform.admin);
    await page.goto(platform.url(`/products/${productId}/versions/1.0`));
    const bom = cyclonedxJson('1.6');
    (bom.components as Record<string, unknown>[])[0] = { type: 'librari', name: 'x' };
    await page.getByLabel(sbomMessagesJa.file).setInputFiles({ name: 'bad.cdx.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bom)) });
    const refused = await uploadAnswer(page, '/sboms', () => page.getByRole('button', { name: sbomMessagesJa.upload }).click());
    const notAllowed = refused.errors?.find((e) => e.path === '/components/0/type' && e.code === 'not-allowed');
    const allowed = notAllowed?.params?.allowed;
    if (!Array.isArray(allowed)) throw new Error(`no allowed types in ${JSON.stringify(refused.errors)}`);
    expect(allowed).toContain('library');
    await page
      .locator('.sbom-problems li', { has: page.locator('code', { hasText: /^\/components\/0\/type$/ }) })
      .filter({ hasText: t.fieldErrorDetails['not-allowed']({ allowed }) })
      .first()
      .waitFor();
    expect(await page.locator('.sbom-problems [lang="en"], .sbom-problems details').count()).toBe(0);
    await expectNoEnglishOf(page, refused);
  });

  it('an SBOM cut short: its line and column said in Japanese, from the place the server sends as data', async (ctx) => {
    if (!platform) return ctx.skip('no browser');
    const page = await japanese(platform.admin);
    await page.goto(platform.url(`/products/${productId}/versions/1.0`));
    const text = JSON.stringify(cyclonedxJson('1.6'), null, 2);
    const cut = text.slice(0, Math.floor(text.length / 2));
    await page.getByLabel(sbomMessagesJa.file).setInputFiles({ name: 'cut.cdx.json', mimeType: 'application/json', buffer: Buffer.from(cut) });
    const refused = await uploadAnswer(page, '/sboms', () => page.getByRole('button', { name: sbomMessagesJa.upload }).click());
    const problem = refused.errors?.[0];
    if (problem?.at?.kind !== 'line' || problem.at.column === undefined) throw new Error(`no line and column in ${JSON.stringify(refused.errors)}`);
    expect(problem.path).toBe(`line ${problem.at.line}, column ${problem.at.column}`);
    await page
      .locator('.sbom-problems li code', { hasText: t.problemPlaces.lineColumn(String(problem.at.line), String(problem.at.column)) })
      .first()
      .waitFor();
    expect(await page.locator('.sbom-problems li code', { hasText: /line|column/ }).count()).toBe(0);
    await expectNoEnglishOf(page, refused);
  });

  it('a publisher’s catalog whose ids disagree with the standard: each id in a Japanese sentence saying which way', async (ctx) => {
    if (!platform) return ctx.skip('no browser');
    const m = attachedTextMessages.ja;
    const page = await japanese(platform.admin);
    await page.goto(platform.url('/admin/standards/attach?standard=nist-sp-800-171r3'));
    const form = page.getByRole('form', { name: m.attachTitle });
    await form.getByRole('option', { name: /nist-sp-800-171r3/ }).waitFor({ state: 'attached' });
    await form.getByLabel(t.standard, { exact: true }).selectOption('nist-sp-800-171r3');
    const catalog = {
      catalog: { uuid: 'u-1', metadata: { title: 'Another catalog' }, controls: [{ id: 'x', title: 'X', props: [{ name: 'label', value: '99.99.99' }] }] },
    };
    await form.getByLabel(m.attachFile).setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(catalog)) });
    const refused = await uploadAnswer(page, '/attached-text', () => form.getByRole('button', { name: m.attachSubmit }).click());
    expect(refused.errors?.[0]).toMatchObject({ code: 'not-in-standard', params: { id: '99.99.99', standard: 'nist-sp-800-171r3' } });
    const listed = (id: string) =>
      form.locator('.attach-problems li').filter({ has: page.locator('code', { hasText: new RegExp(`^${id.replaceAll('.', '\\.')}$`) }) });
    await listed('99.99.99')
      .filter({ hasText: t.fieldErrorDetails['not-in-standard']({ id: '99.99.99', standard: 'nist-sp-800-171r3' }) })
      .waitFor();
    await listed('03.01.01')
      .filter({ hasText: t.fieldErrorDetails['not-in-catalog']({ id: '03.01.01', standard: 'nist-sp-800-171r3' }) })
      .waitFor();
    expect(await form.locator('.attach-problems [lang="en"], .attach-problems details').count()).toBe(0);
    await expectNoEnglishOf(page, refused);
    expect(platform.problems).toEqual([]);
  });
});
