import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firmwareMessages } from '../../web/src/i18n/messages-firmware.js';
import { gccTwinImage } from '../helpers/firmware-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { ADMIN, PEOPLE } from './cast.js';
import type { Platform } from './flows.js';
import { closeJourney, startPlatform } from './journey.js';
import { AssessmentPage } from './pages/assessment.page.js';
import { FirmwarePanel } from './pages/firmware-panel.page.js';
import { textOf } from './pages/locator-text.js';

/**
 * Firmware analysis in the browser: the assessor uploads an image to an
 * assessment, follows the analysis until it completes, browses the findings
 * and the binary table, downloads the SBOM and accepts a suggestion; the
 * product's member reads the results; another organisation sees nothing.
 */
const m = firmwareMessages.ja;

describe('firmware analysis of an assessment in the browser', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let assessor: Page;
  let path = '';
  const dir = tempDir('tebiki-fw-e2e-');
  let image: Buffer;

  beforeAll(async () => {
    image = readFileSync(gccTwinImage(dir.path, 'bad'));
    ({ browser, platform } = await startPlatform(ADMIN));
    if (!platform) return;
    const orgA = await platform.createOrganisation('株式会社エー電機');
    const orgB = await platform.createOrganisation('ビー工業合同会社');
    const productId = await platform.createProduct(orgA, { name: 'ゲートウェイ GW-100', model: 'GW-100' });
    await platform.createUser(PEOPLE.assessor, null);
    await platform.createUser(PEOPLE.memberA, orgA);
    await platform.createUser(PEOPLE.memberB, orgB);
    const { current } = await platform.adminApi<{ current: string }>('GET', '/api/editions');
    assessor = await platform.loginAs(PEOPLE.assessor);
    const created = await platform.call(assessor, 'POST', '/api/assessments', {
      productId,
      title: 'GW-100 ファームウェア診断',
      productVersion: '1.0.0',
      editionId: current,
      spec: { layers: ['device'], phases: [], profile: null },
    });
    expect(created.status).toBe(201);
    path = `/assessments/${(created.body as { id: string }).id}`;
  });

  afterAll(async () => {
    await closeJourney(platform, browser);
    dir.remove();
  });

  it('the assessor uploads an image, follows it to completion, browses findings and binaries, downloads the SBOM, accepts a suggestion', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const detail = new AssessmentPage(assessor);
    await detail.open(platform.server.url, path);
    const panel = new FirmwarePanel(assessor);
    await panel.upload({ name: 'gw-100-v1.0.tar.gz', mimeType: 'application/gzip', buffer: image });
    await panel.waitForState('gw-100-v1.0.tar.gz', 'completed');
    await panel.show('gw-100-v1.0.tar.gz');

    const accounts = panel.row(panel.findings, 'fw.accounts');
    expect(await textOf(accounts.getByRole('cell').nth(2))).toBe(m.verdicts.fail);
    const binary = panel.row(panel.binaries, '/usr/bin/app-x86-64');
    expect(await textOf(binary.getByRole('cell').nth(1))).toBe('x86-64');
    expect(await textOf(binary.getByRole('cell').nth(2))).toBe(m.no);

    const href = (await panel.sbomLink.getAttribute('href')) ?? '';
    const sbom = await assessor.request.get(platform.url(href));
    expect(sbom.status()).toBe(200);
    expect(await sbom.json()).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });

    await panel.accept('V-1.5');
    const view = await platform.call(assessor, 'GET', `/api${path}`);
    const answer = (view.body as { answers: { requirementId: string; verdict: string }[] }).answers.find((a) => a.requirementId === 'dev-compiler-hardening');
    expect(answer?.verdict).toBe('fail');
    expect(platform.problems).toEqual([]);
  });

  it('the product’s member reads the results without controls to change them; another organisation sees nothing', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const member = await platform.loginAs(PEOPLE.memberA);
    await new AssessmentPage(member).open(platform.server.url, path);
    const panel = new FirmwarePanel(member);
    await panel.waitForState('gw-100-v1.0.tar.gz', 'completed');
    expect(await panel.region.getByLabel(m.upload).count()).toBe(0);
    await panel.show('gw-100-v1.0.tar.gz');
    // The suggestions table loads after the findings: wait on what the page shows.
    await panel.row(panel.suggestions, 'V-1.5').getByText(m.accepted).waitFor();
    expect(await panel.suggestions.getByRole('button', { name: m.accept }).count()).toBe(0);

    const outsider = await platform.loginAs(PEOPLE.memberB);
    const page = new AssessmentPage(outsider);
    await page.open(platform.server.url, path);
    expect(await page.notFound.count()).toBe(1);
    expect(await new FirmwarePanel(outsider).region.count()).toBe(0);
  });
});
