import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cyclonedxValidator } from '../../src/sbom/json-schema-validator.js';
import { importOsvSetIntoDataDir } from '../helpers/osv-fixtures.js';
import { cyclonedxJson } from '../helpers/sbom-fixtures.js';
import { messages } from '../../web/src/i18n/messages.js';
import { sbomMessagesJa as m } from '../../web/src/i18n/messages-sbom.js';
import type { Person, Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';

/**
 * A member uploads an SBOM for a product version, sees its matches, sets one
 * not_affected with a justification and exports OpenVEX; a member of another
 * organisation sees none of it. OSV records are seeded as `import osv` would.
 */
const memberA: Person = { email: 'a@example.jp', displayName: '会員 A', role: 'member' };
const memberB: Person = { email: 'b@example.jp', displayName: '会員 B', role: 'member' };

describe('SBOM, vulnerabilities and VEX in the browser', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let path = '';
  let pageA: Page;

  beforeAll(async () => {
    ({ browser, platform } = await startPlatform({ email: 'admin@example.jp', displayName: '管理者' }));
    if (!platform) return;
    const orgA = await platform.createOrganisation('エー電機株式会社');
    const orgB = await platform.createOrganisation('ビー工業合同会社');
    const product = await platform.createProduct(orgA, { name: 'ゲートウェイ' });
    await platform.adminApi('POST', `/api/products/${product}/versions`, { version: '2.1.0' });
    await platform.createUser(memberA, orgA);
    await platform.createUser(memberB, orgB);
    await importOsvSetIntoDataDir(platform.server.dataDir);
    path = `/products/${product}/versions/2.1.0`;
  });
  afterAll(() => closeJourney(platform, browser));

  it('a member uploads an SBOM (a broken one is refused naming the place), searches, filters and sorts its components, sees matches, triages one and exports OpenVEX and CycloneDX VEX', async (ctx) => {
    if (!platform) return ctx.skip();
    pageA = await platform.loginAs(memberA);
    await pageA.goto(platform.url(path));
    const file = pageA.getByLabel(m.file);
    await file.setInputFiles({
      name: 'broken.cdx.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"bomFormat": "CycloneDX", "specVersion": "1.6", "compo'),
    });
    await pageA.getByRole('button', { name: m.upload }).click();
    // The place the parser names and what is wrong, in Japanese from the problem's code and params; nothing of the parser's English.
    const broken = pageA.locator('.sbom-problems li', { hasText: /1行 \d+列/ });
    const column = Number(/(\d+)列/.exec((await broken.locator('code').textContent()) ?? '')?.[1]);
    await broken.filter({ hasText: messages.ja.fieldErrorDetails['json-truncated']({ line: 1, column }) }).waitFor();
    expect(await broken.locator('[lang="en"]').count()).toBe(0);
    expect(await broken.textContent()).not.toContain('the JSON ends too early');

    await file.setInputFiles({ name: 'gateway.cdx.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cyclonedxJson('1.6'))) });
    await pageA.getByRole('button', { name: m.upload }).click();
    await pageA.getByText(m.uploaded(4, 2)).waitFor();
    await pageA.getByRole('listitem', { name: 'GHSA-35jh-r3h4-6jhm' }).waitFor();
    await pageA.getByRole('listitem', { name: 'DSA-0000-1' }).waitFor();
    await pageA.getByRole('cell', { name: 'SoC X100 (ハードウェア)' }).waitFor();

    // The component table: search, the software/hardware filter and sorting.
    const table = pageA.getByRole('region', { name: m.components });
    const names = async () => (await table.locator('tbody tr td:first-child').allTextContents()).map((t) => t.trim());
    await table.getByRole('heading', { name: `${m.components} (4/4)` }).waitFor();
    expect(await names()).toEqual(['inner-part', 'lodash', 'openssl', 'SoC X100 (ハードウェア)']);
    await table.getByLabel(m.sortBy).selectOption('version');
    await table.locator('tbody tr').first().filter({ hasText: 'inner-part' }).waitFor();
    expect(await names()).toEqual(['inner-part', 'openssl', 'lodash', 'SoC X100 (ハードウェア)']);
    await table.getByLabel(m.filter).selectOption('hardware');
    await table.getByRole('heading', { name: `${m.components} (1/4)` }).waitFor();
    expect(await names()).toEqual(['SoC X100 (ハードウェア)']);
    await table.getByLabel(m.filter).selectOption('all');
    await table.getByLabel(m.search).fill('openjs');
    await table.getByRole('heading', { name: `${m.components} (1/4)` }).waitFor();
    expect(await names()).toEqual(['lodash']);
    await table.getByLabel(m.search).fill('');
    await table.getByRole('heading', { name: `${m.components} (4/4)` }).waitFor();

    const form = pageA.getByRole('form', { name: `${m.saveTriage} GHSA-35jh-r3h4-6jhm` });
    await form.getByLabel(m.status).selectOption('not_affected');
    await form.getByLabel(m.justification).selectOption('vulnerable_code_not_in_execute_path');
    await form.getByRole('button', { name: m.saveTriage }).click();
    await pageA
      .getByRole('listitem', { name: 'GHSA-35jh-r3h4-6jhm' })
      .locator('.vulnerability-status', { hasText: m.statuses.not_affected ?? '' })
      .waitFor();

    const [download] = await Promise.all([pageA.waitForEvent('download'), pageA.getByRole('link', { name: m.exportOpenVex }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const openvex = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    expect(openvex.statements[0]).toMatchObject({
      vulnerability: { name: 'GHSA-35jh-r3h4-6jhm' },
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
    });

    const [cdxDownload] = await Promise.all([pageA.waitForEvent('download'), pageA.getByRole('link', { name: m.exportCycloneDx }).click()]);
    const cdxChunks: Buffer[] = [];
    for await (const chunk of await cdxDownload.createReadStream()) cdxChunks.push(chunk as Buffer);
    const cdx = JSON.parse(Buffer.concat(cdxChunks).toString('utf8'));
    const validateCdx = cyclonedxValidator('1.6');
    expect(validateCdx(cdx), JSON.stringify(validateCdx.errors)).toBe(true);
    expect(cdx.vulnerabilities.find((v: { id: string }) => v.id === 'GHSA-35jh-r3h4-6jhm')).toMatchObject({
      analysis: { state: 'not_affected', justification: 'code_not_reachable' },
    });
    expect(platform.problems).toEqual([]);
  });

  it('a member of another organisation sees none of it', async (ctx) => {
    if (!platform) return ctx.skip();
    const pageB = await platform.loginAs(memberB);
    await pageB.goto(platform.url(path));
    await pageB.getByRole('alert').first().waitFor();
    expect(await pageB.getByText('GHSA-35jh-r3h4-6jhm').count()).toBe(0);
    expect((await platform.call(pageB, 'GET', `/api/${path.slice(1)}/vulnerabilities`)).status).toBe(404);
  });
});
