import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { EvidenceOptions } from '../../src/server/start-platform.js';
import { type Person, Platform } from './flows.js';
import { AssessmentRunsPage } from './pages/assessment-runs.page.js';

/** The people of the probe run journeys: an assessor, and a member of an organisation that is not the product's. */
export const PROBE_PEOPLE = {
  assessor: { email: 'assessor@example.jp', displayName: '診断 一郎', role: 'assessor' },
  memberB: { email: 'b@example.jp', displayName: '会員 B 次郎', role: 'member' },
} satisfies Record<string, Person>;

export const ASSESSMENT_TITLE = 'X100 出荷前診断';

/** A server, organisation A's product, an assessment of it (S/W design items) and the assessor logged in. */
export async function probeRunWorld(browser: Browser, evidence?: EvidenceOptions): Promise<{ platform: Platform; assessor: Page; assessmentId: string }> {
  const platform = await Platform.start(browser, { email: 'admin@example.jp', displayName: '手引 管理者' }, evidence);
  const orgA = await platform.createOrganisation('株式会社エー電機');
  const orgB = await platform.createOrganisation('ビー工業合同会社');
  const productId = await platform.createProduct(orgA, { name: 'カメラ X100', model: 'X100' });
  await platform.createUser(PROBE_PEOPLE.assessor, null);
  await platform.createUser(PROBE_PEOPLE.memberB, orgB);
  const assessor = await platform.loginAs(PROBE_PEOPLE.assessor);
  const { current } = await platform.adminApi<{ current: string }>('GET', '/api/editions');
  const created = await platform.call(assessor, 'POST', '/api/assessments', {
    productId,
    title: ASSESSMENT_TITLE,
    editionId: current,
    spec: { layers: [], phases: ['design.software'], profile: null },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { platform, assessor, assessmentId: (created.body as { id: string }).id };
}

/** Another organisation's member: the runs, suggestions and report answer 404 and the page shows no run. */
export async function expectHiddenFromOtherOrganisation(platform: Platform, assessmentId: string): Promise<void> {
  const other = await platform.loginAs(PROBE_PEOPLE.memberB);
  for (const path of ['probe-runs', 'suggestions', 'report?format=json']) {
    expect((await platform.call(other, 'GET', `/api/assessments/${assessmentId}/${path}`)).status, path).toBe(404);
  }
  await other.goto(platform.url(`/assessments/${assessmentId}/runs`));
  await other.getByRole('alert').or(other.locator('.status-error, .error')).first().waitFor();
  expect(await new AssessmentRunsPage(other).runRows.count()).toBe(0);
  expect(platform.problems).toEqual([]);
}

/** The assessment's Japanese PDF report as the assessor downloads it, as text without white space (pdftotext breaks lines anywhere). */
export async function pdfReportText(platform: Platform, page: Page, assessmentId: string, dir: string): Promise<string> {
  // A PDF is rendered by a browser on the server: on a loaded machine it takes longer than one page step.
  const response = await page.request.get(platform.url(`/api/assessments/${assessmentId}/report?format=pdf&lang=ja`), { timeout: 180_000 });
  expect(response.status()).toBe(200);
  const file = join(dir, 'report.pdf');
  writeFileSync(file, await response.body());
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** What a probe run journey holds once set up; `platform` is null without a browser (the tests then skip). */
export interface ProbeRunJourney {
  platform: Platform | null;
  assessor: Page;
  assessmentId: string;
  /** Where the PDF report is written. */
  dir: string;
}

/**
 * The closing tests every probe run journey shares: the PDF report carries the
 * run (each of `reportTexts`), and another organisation's member sees nothing of it.
 */
export function itReportsTheRunsAndHidesThem(journey: () => ProbeRunJourney, reportTexts: string[]): void {
  it('the PDF report carries the run and its evidence', async (ctx) => {
    const { platform, assessor, assessmentId, dir } = journey();
    if (!platform || !existsSync('/usr/bin/pdftotext')) return ctx.skip('no browser or pdftotext');
    const text = await pdfReportText(platform, assessor, assessmentId, dir);
    for (const s of reportTexts) expect(text, s).toContain(s);
  });

  it('a member of another organisation cannot see the runs', async (ctx) => {
    const { platform, assessmentId } = journey();
    if (!platform) return ctx.skip('no browser');
    await expectHiddenFromOtherOrganisation(platform, assessmentId);
  });
}
