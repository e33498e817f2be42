import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAssessmentReportHtml } from '../../src/reports/assessment/assessment-html.js';
import { assessmentResultsOscal } from '../../src/reports/assessment/assessment-oscal.js';
import type { ReportProbeRun } from '../../src/reports/assessment/probe-runs-section.js';
import type { AssessmentReportData } from '../../src/reports/assessment/report-data.js';
import { renderGuidebookPdf } from '../../src/reports/guidebook/guidebook-pdf.js';
import { CHROMIUM_PATH } from '../helpers/browser.js';
import { oscalValidator } from '../helpers/oscal-schema.js';
import { tempDir } from '../helpers/temp-dir.js';
import { reportData } from './assessment-fixtures.js';

const RUN: ReportProbeRun = {
  id: 'run-1',
  state: 'completed',
  error: null,
  scope: { name: 'camera X1 lab <test>', authorisedBy: '山田 太郎 (Example Corp)', sha256: 'ab'.repeat(32) },
  startedAt: '2026-03-02T08:00:00.000Z',
  finishedAt: '2026-03-02T08:00:09.000Z',
  findings: [
    {
      check: 'web.hsts',
      checkVersion: 1,
      target: '127.0.0.1:18443',
      verdict: 'fail',
      summary: { ja: 'HSTS ヘッダーがない', en: 'No HSTS header' },
      evidence: { request: 'GET / HTTP/1.1', response: { status: 200, headers: { server: '<script>alert(1)</script>' } } },
      at: '2026-03-02T08:00:03.000Z',
      requirements: [{ id: 'secure-update', coverage: 'full' }],
    },
    {
      check: 'service.inventory',
      checkVersion: 1,
      target: '127.0.0.1:18443',
      verdict: 'pass',
      summary: { ja: '宣言したポートが応答', en: 'Declared ports answer' },
      evidence: { open: [18443], filler: 'x'.repeat(2000) },
      at: '2026-03-02T08:00:01.000Z',
      requirements: [],
    },
  ],
};

const data = (): AssessmentReportData => ({ ...reportData(), probeRuns: [RUN] });

describe('probe runs in the assessment reports', () => {
  const dir = tempDir('tebiki-probe-report-');
  afterAll(() => dir.remove());

  it('HTML: a section per run with scope, authorisation, findings, escaped and trimmed evidence and linked items', () => {
    const page = renderAssessmentReportHtml(data(), 'en');
    const section = page.slice(page.indexOf('id="probe-runs"'));
    expect(section).toContain('Device probe runs');
    expect(section).toContain('camera X1 lab &lt;test&gt;');
    expect(section).toContain('山田 太郎 (Example Corp)');
    expect(section).toContain('web.hsts');
    expect(section).toContain('secure-update');
    expect(section).not.toContain('<script>');
    expect(section).toContain('&lt;script&gt;');
    expect(section).toContain('…');
    expect(renderAssessmentReportHtml(reportData(), 'ja')).not.toContain('id="probe-runs"');
  });

  it('OSCAL: each finding is an observation (type finding, method TEST, own time) linked from the item’s finding; valid against NIST 1.2.1', () => {
    const doc = assessmentResultsOscal(data());
    const validation = oscalValidator('assessment-results')(doc);
    expect(validation.errors).toEqual([]);
    const result = (doc['assessment-results'].results as Record<string, unknown>[])[0] as {
      observations: { uuid: string; types: string[]; methods: string[]; collected: string; props: { name: string; value: string }[] }[];
      findings: { target: { 'target-id': string }; 'related-observations': { 'observation-uuid': string }[] }[];
    };
    const probe = result.observations.filter((o) => o.types.includes('finding'));
    expect(probe).toHaveLength(2);
    const hsts = probe.find((o) => o.props.some((p) => p.name === 'check' && p.value === 'web.hsts'));
    expect(hsts).toMatchObject({ methods: ['TEST'], collected: '2026-03-02T08:00:03.000Z' });
    expect(hsts?.props).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'probe-run-id', value: 'run-1' }),
        expect.objectContaining({ name: 'finding-verdict', value: 'fail' }),
      ]),
    );
    const itemFinding = result.findings.find((f) => f.target['target-id'] === 'secure-update');
    expect(itemFinding?.['related-observations'].map((r) => r['observation-uuid'])).toContain(hsts?.uuid);
    expect(JSON.stringify(assessmentResultsOscal(data()))).toBe(JSON.stringify(doc));
  });

  it('PDF: the run and its evidence are in the printed report', { timeout: 120_000 }, async (ctx) => {
    if (!existsSync(CHROMIUM_PATH) || !existsSync('/usr/bin/pdftotext')) return ctx.skip('no chromium or pdftotext');
    const out = join(dir.path, 'report.pdf');
    writeFileSync(out, await renderGuidebookPdf(renderAssessmentReportHtml(data(), 'ja')));
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['機器プローブの結果', 'web.hsts', '127.0.0.1:18443', '山田太郎(ExampleCorp)', '{"status":200']) expect(text, s).toContain(s);
  });
});
