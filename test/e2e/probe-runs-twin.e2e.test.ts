import type { Browser, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeRunMessages } from '../../web/src/i18n/messages-probe-runs.js';
import { launchBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/temp-dir.js';
import { makeCerts } from '../probes/twins/certs.js';
import { type NginxTwins, startNginx } from '../probes/twins/nginx.twin.js';
import { openWindow } from '../probes/twins/run-probes.js';
import { startWebApp, type WebApp } from '../probes/twins/web-app.js';
import type { Platform } from './flows.js';
import { closeJourney } from './journey.js';
import { textOf } from './pages/locator-text.js';
import { AssessmentRunsPage } from './pages/assessment-runs.page.js';
import { WorkspacePage } from './pages/assessment-workspace.page.js';
import { itReportsTheRunsAndHidesThem, probeRunWorld } from './probe-runs.flow.js';

/**
 * The journey with the real engine: an assessor runs the probes from an
 * assessment against the bad web twin (Debian's nginx in front of a plain-HTTP
 * login page with a GET form, a flagless cookie, a reflected parameter and an
 * open /admin), sees the linked items suggested 不適合 with evidence, accepts
 * them, and finds the evidence in the PDF report; a member of another
 * organisation cannot see the run. Links come from content/checks.
 */

const m = probeRunMessages.ja;
const HTTPS_FORMS = 'design-comm-https-input-forms';
const OUTPUT_ESCAPING = 'design-io-output-escaping';

describe('probe runs against the bad web twin', () => {
  const dir = tempDir('tebiki-probe-twin-e2e-');
  let browser: Browser | null = null;
  let platform: Platform | null = null;
  let nginx: NginxTwins | undefined;
  let badApp: WebApp | undefined;
  let goodApp: WebApp | undefined;
  let assessor: Page;
  let assessmentId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    if (!browser) return;
    const certs = makeCerts(dir.path);
    badApp = await startWebApp('bad');
    goodApp = await startWebApp('good');
    nginx = await startNginx(dir.path, certs, badApp.port, goodApp.port);
    ({ platform, assessor, assessmentId } = await probeRunWorld(browser));
  });

  afterAll(async () => {
    await closeJourney(platform, browser);
    await nginx?.server.stop();
    await badApp?.close();
    await goodApp?.close();
    dir.remove();
  });

  it('runs the uploaded scope and shows the failed web checks with what was sent and received', async (ctx) => {
    if (!browser || !platform || !nginx) return ctx.skip('no browser');
    const scope = stringify({
      name: 'X100 bad web twin',
      authorisedBy: '山田 太郎 (Example Corp)',
      window: openWindow(),
      limits: { connectionsPerTarget: 2, requestsPerSecond: 50, maxLoginAttempts: 3 },
      targets: [
        {
          host: '127.0.0.1',
          services: [{ port: nginx.badHttp, kind: 'http' }],
          web: { paths: ['/'], protectedPaths: ['/admin'], defaultCredentials: [{ user: 'admin', password: 'admin' }] },
        },
      ],
    });
    const page = new AssessmentRunsPage(assessor);
    await page.open(platform.server.url, assessmentId);
    await page.runScope('x100.yaml', scope);
    await assessor.locator('.run-state-completed').waitFor({ timeout: 60_000 });
    await page.showFindings('X100 bad web twin');
    const login = page.finding('web.login-over-https');
    expect(await textOf(login.locator('.finding-verdict'))).toBe(m.findings.verdicts.fail);
    await login.getByText(m.findings.evidence).click();
    expect(await textOf(login.locator('pre.evidence'))).toContain('"scheme": "http"');
    expect(await textOf(page.finding('web.reflected-input').locator('.finding-verdict'))).toBe(m.findings.verdicts.fail);
  });

  it('the assessment workspace marks the items waiting with a suggestion and shows it, with its findings, in the item pane', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const view = await platform.call(assessor, 'GET', `/api/assessments/${assessmentId}`);
    const no = (view.body as { items: { requirementId: string; no: string }[] }).items.find((i) => i.requirementId === HTTPS_FORMS)?.no ?? '';
    const ws = new WorkspacePage(assessor);
    await assessor.goto(`${platform.server.url}/assessments/${assessmentId}?state=suggested`);
    await ws.rows.first().waitFor();
    const row = ws.rows.nth((await ws.shownNumbers()).indexOf(no));
    await row.locator('button.item-open').click();
    await ws.pane.locator('h2 .item-number', { hasText: new RegExp(`^${no.replace(/[.]/g, '\\.')}$`) }).waitFor();
    const section = ws.pane.getByRole('region', { name: ws.w.suggestion });
    await section.getByText(ws.w.suggestionVerdict(ws.t.assessments.verdicts.fail)).waitFor();
    const shown = await textOf(section);
    expect(shown).toContain('web.login-over-https');
    expect(shown).toContain(m.suggestions.reasons['linked-check-failed']);
    // Suggested is not answered: the item is still unassessed until the assessor accepts.
    const answer = (view.body as { answers: { requirementId: string; verdict: string }[] }).answers.find((a) => a.requirementId === HTTPS_FORMS);
    expect(answer?.verdict).toBe('unassessed');
  });

  it('suggests 不適合 for the linked items, with the findings behind them; the assessor accepts them', async (ctx) => {
    if (!browser || !platform) return ctx.skip('no browser');
    const page = new AssessmentRunsPage(assessor);
    await page.open(platform.server.url, assessmentId);
    const nos: string[] = [];
    for (const requirementId of [HTTPS_FORMS, OUTPUT_ESCAPING]) {
      const item = page.suggestion(requirementId);
      expect(await textOf(item.locator('.suggested')), requirementId).toBe(m.suggestions.verdicts.fail);
      nos.push((await textOf(item.locator('h3 a'))).split(' ')[0] ?? '');
    }
    await page.accept(nos);
    for (const requirementId of [HTTPS_FORMS, OUTPUT_ESCAPING]) await page.suggestion(requirementId).locator('.verdict-fail').waitFor();
    const view = await platform.call(assessor, 'GET', `/api/assessments/${assessmentId}`);
    const answer = (
      view.body as { answers: { requirementId: string; verdict: string; evidence: string; source?: { findings: { check: string }[] } }[] }
    ).answers.find((a) => a.requirementId === HTTPS_FORMS);
    expect(answer?.verdict).toBe('fail');
    expect(answer?.source?.findings.map((f) => f.check)).toContain('web.login-over-https');
  });

  itReportsTheRunsAndHidesThem(
    () => ({ platform, assessor, assessmentId, dir: dir.path }),
    ['機器プローブの結果', 'X100badwebtwin', 'web.login-over-https', '"scheme":"http"', '山田太郎(ExampleCorp)'],
  );
});
