import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS } from '../../src/core/assessment/attachment-rules.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { importOsvSet } from '../helpers/osv-fixtures.js';
import { cyclonedxJson } from '../helpers/sbom-fixtures.js';
import { testConfig } from '../helpers/test-config.js';
import { useAssessmentWorld } from './assessments.fixture.js';

describeEachDatabase('SBOMs, vulnerabilities and VEX through the API', (get) => {
  const w = useAssessmentWorld(get);
  let base = '';
  beforeAll(async () => {
    await importOsvSet({ store: get().store, config: testConfig(), now: () => new Date() });
    const v = await w.client('a1').request('POST', `/api/products/${w.products.a}/versions`, { version: '2.1.0' });
    expect(v.statusCode, v.body).toBe(201);
    base = `/api/products/${w.products.a}/versions/2.1.0`;
  });

  const upload = (body: string, who: 'a1' | 'b1' = 'a1') =>
    w.client(who).request('POST', `${base}/sboms`, Buffer.from(body), {
      headers: { 'content-type': 'application/json', 'x-filename': encodeURIComponent('ファーム.cdx.json') },
    });

  it('refuses a truncated SBOM with a problem naming the place; stores nothing', async () => {
    const r = await upload('{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ path: expect.stringMatching(/^line 1, column/), message: expect.stringContaining('ends too early') });
    // Its code and params, for the UI's own sentence (issue 13).
    expect(r.json().errors[0]).toMatchObject({ code: 'json-truncated', params: { line: 1, column: expect.any(Number) } });
    expect((await w.client('a1').request('GET', `${base}/sboms`)).json().sboms).toEqual([]);
  });

  it('refuses a schema violation with the code of every form and the allowed values as params', async () => {
    const bom = cyclonedxJson('1.6');
    (bom.components as Record<string, unknown>[])[0] = { type: 'librari', name: 'x' };
    const r = await upload(JSON.stringify(bom));
    expect(r.statusCode).toBe(400);
    const errors = r.json().errors as { path: string; code: string; params?: { allowed?: string[] } }[];
    const type = errors.find((e) => e.path === '/components/0/type' && e.code === 'not-allowed');
    expect(type?.params?.allowed).toEqual(expect.arrayContaining(['library', 'firmware']));
  });

  it('a member uploads, sees matches, triages not_affected with a justification and exports OpenVEX', async () => {
    const r = await upload(JSON.stringify(cyclonedxJson('1.6')));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ components: 4, newMatches: 2 });
    const vulns = (await w.client('a1').request('GET', `${base}/vulnerabilities`)).json();
    expect(vulns.vulnerabilities.map((v: { id: string }) => v.id)).toEqual(['GHSA-35jh-r3h4-6jhm', 'DSA-0000-1']);
    const bad = await w.client('a1').request('PUT', `${base}/vulnerabilities/GHSA-35jh-r3h4-6jhm/triage`, { status: 'not_affected', justification: 'because' });
    expect(bad.statusCode).toBe(400);
    const ok = await w
      .client('a1')
      .request('PUT', `${base}/vulnerabilities/GHSA-35jh-r3h4-6jhm/triage`, { status: 'not_affected', justification: 'component_not_present' });
    expect(ok.statusCode, ok.body).toBe(200);
    const vex = await w.client('a1').request('GET', `${base}/vex?format=openvex`);
    expect(vex.statusCode).toBe(200);
    expect(vex.headers['content-disposition']).toContain('vex-2.1.0.openvex.json');
    expect(JSON.parse(vex.body).statements[0]).toMatchObject({ status: 'not_affected', justification: 'component_not_present' });
  });

  it('SBOM findings suggest verdicts for the linked guidebook items by the one rule', async () => {
    const r = (await w.client('as1').request('GET', `${base}/sbom-suggestions`)).json() as { suggestions: { requirement: string; verdict: string }[] };
    expect(Object.fromEntries(r.suggestions.map((s) => [s.requirement, s.verdict]))).toEqual({
      'dev-dependency-vulnerability-management': 'fail',
      'dev-sbom-per-build': 'fail',
      'ops-vuln-component-monitoring': 'fail',
      'ops-vuln-intake-triage': 'fail',
    });
  });

  it('an SBOM over the 10 MiB evidence limit is accepted and stored once, by its SHA-256', async () => {
    const v = await w.client('a1').request('POST', `/api/products/${w.products.a}/versions`, { version: '2.2.0' });
    expect(v.statusCode, v.body).toBe(201);
    const text = JSON.stringify(cyclonedxJson('1.6'), null, 2);
    const big = Buffer.from(text.replace(/\n}$/, `${' '.repeat(ATTACHMENT_LIMITS.maxBytes + 1024)}\n}`));
    expect(big.byteLength).toBeGreaterThan(ATTACHMENT_LIMITS.maxBytes);
    const path = `/api/products/${w.products.a}/versions/2.2.0/sboms`;
    const post = () => w.client('a1').request('POST', path, big, { headers: { 'content-type': 'application/json', 'x-filename': 'big.cdx.json' } });
    const first = await post();
    expect(first.statusCode, first.body.slice(0, 500)).toBe(201);
    const sha256 = createHash('sha256').update(big).digest('hex');
    expect(first.json()).toMatchObject({ sha256, components: 4 });
    expect((await post()).statusCode).toBe(201);
    const blobs = await get().store.db.selectFrom('sbom_blobs').select(['sha256', 'size']).where('sha256', '=', sha256).execute();
    expect(blobs).toEqual([{ sha256, size: big.byteLength }]);
    const listed = (await w.client('a1').request('GET', path)).json().sboms as { sha256: string }[];
    expect(listed.map((l) => l.sha256)).toEqual([sha256, sha256]);
  });

  it('a member of another organisation sees none of it (404)', async () => {
    for (const path of ['sboms', 'vulnerabilities', 'vex', 'sbom-suggestions'])
      expect((await w.client('b1').request('GET', `${base}/${path}`)).statusCode).toBe(404);
    expect((await upload(JSON.stringify(cyclonedxJson('1.6')), 'b1')).statusCode).toBe(404);
    expect((await w.client('b1').request('PUT', `${base}/vulnerabilities/DSA-0000-1/triage`, { status: 'fixed' })).statusCode).toBe(404);
  });
});
