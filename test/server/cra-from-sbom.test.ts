/**
 * Where the SBOM work meets CRA reporting: a member marks a matched vulnerability
 * actively exploited (a case with its 24 h clock, the owner told), KEV-listed
 * matches are proposed once, a version's triage leaves as CSAF passing the
 * validator, and SBOM and CRA findings reach the assessment's suggestions.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCheckLinks } from '../../src/content/load-check-links.js';
import { csafMandatoryProblems } from '../../src/reports/csaf-validate.js';
import { closePdfBrowser } from '../../src/reports/pdf-browser.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { rematchAllSboms } from '../../src/services/sbom-rematch.service.js';
import { assessmentSuggestions } from '../../src/services/suggestions.service.js';
import { importKevCatalog } from '../../src/services/vulnerability-data.service.js';
import type { ApiClient } from '../helpers/api-client.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { importOsvSet } from '../helpers/osv-fixtures.js';
import { cyclonedxJson } from '../helpers/sbom-fixtures.js';
import { craPlatform } from './cra.fixture.js';

const HOUR = 3_600_000;

describeEachDatabase('CRA cases and CSAF from SBOM matches; SBOM and CRA findings in suggestions', (get) => {
  let p: Awaited<ReturnType<typeof craPlatform>>;
  let base = '';
  beforeAll(async () => {
    p = await craPlatform(get().store);
    await importOsvSet(p.ctx);
    base = `/api/products/${p.product}/versions/1.0.0`;
    const up = await p.reporter.client.request('POST', `${base}/sboms`, Buffer.from(JSON.stringify(cyclonedxJson('1.6'))), {
      headers: { 'content-type': 'application/json', 'x-filename': 'gateway.cdx.json' },
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ newMatches: 2, proposedCases: [] });
  });
  afterAll(async () => {
    await p.close();
    await closePdfBrowser();
  });

  const exploited = (client: ApiClient, vulnerability: string, body: Record<string, unknown> = {}, path = base) =>
    client.request('POST', `${path}/vulnerabilities/${vulnerability}/cra-case`, { memberStates: ['DE'], decision: { checked: [], note: 'PoC seen' }, ...body });

  it('marking a matched vulnerability actively exploited opens a case on that version: 24 h clock, origin matched, owner told', async () => {
    const r = await exploited(p.reporter.client, 'DSA-0000-1', { title: 'OpenSSL flaw exploited' });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({ title: 'OpenSSL flaw exploited', vulnerabilityId: 'DSA-0000-1', aliases: ['CVE-2023-5678'], origin: 'matched', status: 'open' });
    expect(c.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);
    const early = c.clocks.find((k: { stage: string }) => k.stage === 'early-warning');
    expect(Date.parse(early.dueAt) - Date.parse(c.awareAt)).toBe(24 * HOUR);
    const inbox = (await p.owner.client.request('GET', '/api/notifications')).json();
    expect(inbox.notifications.map((n: { title: { en: string } }) => n.title.en).join('\n')).toContain('OpenSSL flaw exploited');
  });

  it('refuses a vulnerability not matched for the version, bad input naming the field, and another organisation', async () => {
    expect((await exploited(p.reporter.client, 'GHSA-unrelated')).statusCode).toBe(404);
    const bad = await exploited(p.reporter.client, 'DSA-0000-1', { memberStates: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('body.memberStates');
    expect((await exploited(p.outsider.client, 'DSA-0000-1')).statusCode).toBe(404);
  });

  it('a KEV-listed match is proposed as a case once, after the KEV import and the re-match', async () => {
    await importKevCatalog(
      p.ctx,
      { kind: 'anonymous' },
      {
        catalogVersion: '2026.12.01',
        dateReleased: '2026-12-01T00:00:00.000Z',
        count: 1,
        vulnerabilities: [
          {
            cveID: 'CVE-2021-23337',
            vendorProject: 'lodash',
            product: 'lodash',
            vulnerabilityName: 'Command injection',
            dateAdded: '2026-11-30',
            dueDate: '2026-12-21',
          },
        ],
      },
      'kev.json',
    );
    expect(await rematchAllSboms(p.ctx)).toMatchObject({ versions: 1, proposedCases: 1 });
    expect(await rematchAllSboms(p.ctx)).toMatchObject({ versions: 1, proposedCases: 0 });
    const cases = (await p.owner.client.request('GET', '/api/cra/cases')).json();
    const proposed = (cases.cases as { status: string; vulnerabilityId: string; origin: string }[]).filter((c) => c.status === 'proposed');
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({ vulnerabilityId: 'GHSA-35jh-r3h4-6jhm', origin: 'kev' });
  });

  it("the version's triage as csaf_vex and csaf_security_advisory passes the validator's mandatory tests; another organisation gets 404", async () => {
    const triaged = await p.reporter.client.request('PUT', `${base}/vulnerabilities/GHSA-35jh-r3h4-6jhm/triage`, {
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    for (const profile of ['csaf_vex', 'csaf_security_advisory']) {
      const r = await p.reporter.client.request('GET', `${base}/csaf?profile=${profile}`);
      expect(r.statusCode, r.body).toBe(200);
      const doc = JSON.parse(r.body);
      expect(doc.document.category).toBe(profile);
      expect(await csafMandatoryProblems(doc)).toEqual([]);
      const statuses = Object.fromEntries(
        (doc.vulnerabilities as { cve?: string; ids?: { text: string }[]; product_status: Record<string, string[]> }[]).map((v) => [
          v.ids?.[0]?.text ?? v.cve,
          Object.keys(v.product_status),
        ]),
      );
      expect(Object.values(statuses)).toContainEqual(['known_not_affected']);
    }
    expect((await p.outsider.client.request('GET', `${base}/csaf`)).statusCode).toBe(404);
  });

  it('an assessment of the version gets SBOM and CRA suggestions through the one rule; an overdue case turns cra.reporting to fail', async () => {
    const assessorInvite = await p.invite(p.admin, { email: 'assessor@c.test', role: 'assessor', organisationId: null }, 'assessor');
    await importBundledEdition(p.ctx);
    const editionId = (await p.admin.request('GET', '/api/editions')).json().current as string;
    const created = await assessorInvite.client.request('POST', '/api/assessments', {
      productId: p.product,
      title: 'HG-1 1.0.0',
      productVersion: '1.0.0',
      editionId,
      spec: { layers: [], phases: [], profile: null },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const assessor = { kind: 'user' as const, userId: assessorInvite.id, role: 'assessor' as const, organisationId: null };
    const withLinks = (ctx: ServiceContext): ServiceContext => ({
      ...ctx,
      evidence: { jobs: undefined as never, probeRunner: null, checkLinks: { links: async () => loadCheckLinks(ctx.config.contentDir).links } },
    });
    const verdictOf = async (ctx: ServiceContext, requirementId: string) => {
      const s = (await assessmentSuggestions(withLinks(ctx), assessor, id)).suggestions.find((x) => x.requirementId === requirementId);
      return s ? { verdict: s.verdict, sources: [...new Set(s.basis.map((b) => b.source))].sort() } : null;
    };
    // Known vulnerabilities: DSA-0000-1 is open (severity unknown meets the threshold): the linked item fails, with the SBOM as its basis.
    const sbomLinked = loadCheckLinks(p.ctx.config.contentDir).links.find((l) => l.check === 'sbom.known-vulnerabilities')?.requirement ?? '';
    expect(await verdictOf(p.ctx, sbomLinked)).toMatchObject({ verdict: 'fail', sources: expect.arrayContaining(['sbom']) });
    // The open case is within its clocks: cra.reporting passes, partly linked, so its items are 要確認 — until a deadline is missed.
    expect(await verdictOf(p.ctx, 'ops-vuln-authority-reporting')).toEqual({ verdict: 'needs-review', sources: ['cra'] });
    const twoDaysOn = p.at(new Date(Date.now() + 50 * HOUR).toISOString());
    expect(await verdictOf(twoDaysOn, 'ops-vuln-authority-reporting')).toEqual({ verdict: 'fail', sources: ['cra'] });
  });
});
