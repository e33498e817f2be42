import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckLink } from '../../src/core/evidence/finding.types.js';
import { probeRunMessages } from '../../web/src/i18n/messages-probe-runs.js';
import { launchBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/temp-dir.js';
import { FixedProbeRunner, scopeText } from '../server/probe-runs.fixture.js';
import type { Platform } from './flows.js';
import { closeJourney } from './journey.js';
import { textOf } from './pages/locator-text.js';
import { AssessmentRunsPage } from './pages/assessment-runs.page.js';
import { ASSESSMENT_TITLE, itReportsTheRunsAndHidesThem, probeRunWorld } from './probe-runs.flow.js';

/**
 * An assessor runs the probes from an assessment, watches the runs, cancels
 * one, reads the evidence, accepts the suggested 不適合 and finds the evidence
 * in the PDF report; another organisation's member cannot see the runs.
 * The probe engine here is the fixed test double of the runner port (the
 * network engine against the real twins is tested in test/probes).
 */

const m = probeRunMessages.ja;
const HTTPS_FORMS = 'design-comm-https-input-forms';
const PROTOCOLS = 'design-comm-protocol-protection';
const LINKS: CheckLink[] = [
  { check: 'web.hsts', requirement: HTTPS_FORMS, coverage: 'full' },
  { check: 'web.login-over-https', requirement: HTTPS_FORMS, coverage: 'partial' },
  { check: 'service.inventory', requirement: PROTOCOLS, coverage: 'partial' },
];

describe('probe runs from an assessment', () => {
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let assessor: Page;
  let assessmentId = '';
  const dir = tempDir('tebiki-probe-e2e-');

  beforeAll(async () => {
    browser = await launchBrowser();
    if (!browser) return;
    ({ platform, assessor, assessmentId } = await probeRunWorld(browser, { probeRunner: new FixedProbeRunner(), checkLinks: { links: async () => LINKS } }));
  });

  afterAll(async () => {
    await closeJourney(platform, browser);
    dir.remove();
  });

  it('runs the scope uploaded on the runs page, shows the failed checks with their evidence', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const page = new AssessmentRunsPage(assessor);
    await page.open(platform.server.url, assessmentId);
    expect(await textOf(page.heading)).toBe(m.title(ASSESSMENT_TITLE));
    await page.runScope('x100.yaml', scopeText('bad web'));
    await page.waitForState('bad web', 'completed');
    await page.showFindings('bad web');
    const hsts = page.finding('web.hsts');
    expect(await textOf(hsts.locator('.finding-verdict'))).toBe(m.findings.verdicts.fail);
    await hsts.getByText(m.findings.evidence).click();
    expect(await textOf(hsts.locator('pre.evidence'))).toContain('strict-transport-security');
  });

  it('shows a running run’s progress live and cancels it', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const page = new AssessmentRunsPage(assessor);
    await page.runScope('hang.yaml', scopeText('hangs'));
    await page.run('hangs').getByText('tls.certificate 127.0.0.1:8443').waitFor();
    await page.cancel('hangs');
    await page.waitForState('hangs', 'cancelled');
  });

  it('suggests 不適合 with the findings behind it; accepting answers the item; the run survives a reload', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const page = new AssessmentRunsPage(assessor);
    await assessor.reload();
    await page.waitForState('bad web', 'completed');
    const item = page.suggestion(HTTPS_FORMS);
    expect(await textOf(item.locator('.suggested'))).toBe(m.suggestions.verdicts.fail);
    expect(await textOf(page.suggestion(PROTOCOLS).locator('.suggested'))).toBe(m.suggestions.verdicts['needs-review']);
    const no = (await textOf(item.locator('h3 a'))).split(' ')[0] ?? '';
    await page.accept([no]);
    await item.locator('.verdict-fail').waitFor();
    expect(await textOf(item)).toContain(m.suggestions.fromSuggestion);
  });

  itReportsTheRunsAndHidesThem(
    () => ({ platform, assessor, assessmentId, dir: dir.path }),
    ['機器プローブの結果', 'badweb', 'web.hsts', 'strict-transport-security', '[probe'],
  );
});
