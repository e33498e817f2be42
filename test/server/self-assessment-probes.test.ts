import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { registerFirmwareJob } from '../../src/services/firmware-jobs.js';
import type { CheckLink } from '../../src/core/evidence/finding.types.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { gccTwinImage } from '../helpers/firmware-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';
import { linksFor, scopeText, withEvidence } from './probe-runs.fixture.js';

/**
 * Issue 21 point 1: a member runs the probes and the firmware analysis on its
 * own organisation's self-assessment and takes the suggested verdicts, as an
 * assessor does on an assessment; the assessor, who reviews and does not
 * answer for the member, may not; another organisation gets 404.
 */
const fixtures = tempDir('tebiki-self-fw-');
let image: Buffer;
beforeAll(() => {
  image = readFileSync(gccTwinImage(fixtures.path, 'bad'));
});
afterAll(() => fixtures.remove());

describeEachDatabase('probe runs on a self-assessment', (get) => {
  const data = tempDir('tebiki-self-fw-data-');
  afterAll(() => data.remove());
  const w = useAssessmentWorld(get, { dataDir: data.path, firmwareMaxBytes: 1024 * 1024 });
  let evidence: Awaited<ReturnType<typeof withEvidence>>;
  let links: CheckLink[] = [];
  let id = '';
  let items: string[] = [];

  beforeAll(async () => {
    evidence = await withEvidence(w.ctx, get().db, () => links);
    // Firmware analyses run on the same queue as the probes, as in a started platform.
    registerFirmwareJob(w.ctx);
    const admin = w.client('admin');
    expect((await admin.request('PUT', `/api/organisations/${w.orgs.a}/self-assessment`, { allowed: true })).statusCode).toBe(200);
    const created = await w.client('a1').request('POST', `/api/products/${w.products.a}/self-assessments`, {
      title: '自己診断 プローブ',
      productVersion: '1.2.0',
      editionId: w.editionId,
      spec: { layers: ['device'], phases: [], profile: null },
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().assessmentId as string;
    const view = (await w.client('a1').request('GET', `/api/assessments/${id}`)).json() as AssessmentJson;
    items = view.items.slice(0, 3).map((i) => i.requirementId);
    links = linksFor(items);
  });
  afterAll(async () => {
    await evidence?.close();
  });

  it('the member starts a run, sees it complete and accepts a suggested verdict into its own answers', async () => {
    const runs = `/api/assessments/${id}/probe-runs`;
    expect((await w.client('as1').request('POST', runs, { scope: scopeText('bad web'), fileName: 'x.yaml' })).statusCode).toBe(403);
    expect((await w.client('b1').request('POST', runs, { scope: scopeText('bad web'), fileName: 'x.yaml' })).statusCode).toBe(404);
    const started = await w.client('a1').request('POST', runs, { scope: scopeText('bad web'), fileName: 'x.yaml' });
    expect(started.statusCode, started.body).toBe(202);
    const runId = started.json().id as string;
    await vi.waitFor(async () => expect((await w.client('a1').request('GET', `${runs}/${runId}`)).json().state).toBe('completed'), {
      timeout: 30_000,
      interval: 50,
    });
    const accepted = await w.client('a1').request('POST', `/api/assessments/${id}/suggestions/accept`, { requirementIds: [items[0]] });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const view = (await w.client('a1').request('GET', `/api/assessments/${id}`)).json() as AssessmentJson;
    expect(view.answers.find((a) => a.requirementId === items[0])?.verdict).toBe('fail');
    expect((await w.client('b1').request('GET', `${runs}/${runId}`)).statusCode).toBe(404);
  });

  it('the member analyses a firmware image of its product; the assessor and another organisation may not', async () => {
    const upload = (who: 'as1' | 'a1' | 'b1') =>
      w.client(who).request('POST', `/api/assessments/${id}/firmware`, image, {
        headers: { 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent('sl-200.tar.gz') },
      });
    expect((await upload('as1')).statusCode).toBe(403);
    expect((await upload('b1')).statusCode).toBe(404);
    const r = await upload('a1');
    expect(r.statusCode, r.body).toBe(202);
    const analysisId = r.json().id as string;
    let view: { state: string; error: string | null; findings: { check: string; verdict: string }[] } = { state: '', error: null, findings: [] };
    await vi.waitFor(
      async () => {
        view = (await w.client('a1').request('GET', `/api/assessments/${id}/firmware/${analysisId}`)).json();
        expect(view.state).toBe('completed');
      },
      { timeout: 120_000, interval: 100 },
    );
    expect(view.error).toBeNull();
    expect(view.findings.some((f) => f.check === 'fw.accounts' && f.verdict === 'fail')).toBe(true);
    expect((await w.client('b1').request('GET', `/api/assessments/${id}/firmware/${analysisId}`)).statusCode).toBe(404);
  });
});
