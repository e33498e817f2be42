import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { CheckLink } from '../../src/core/evidence/finding.types.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AssessmentJson, type AssessmentWorld, assessmentWorld } from './assessments.fixture.js';
import { linksFor, scopeText, withEvidence } from './probe-runs.fixture.js';

/**
 * Issue 21 point 1: a member runs the probes on its own organisation's
 * self-assessment and takes the suggested verdicts, as an assessor does on an
 * assessment; the assessor, who reviews and does not answer for the member,
 * may not; another organisation gets 404.
 */

describeEachDatabase('probe runs on a self-assessment', (get) => {
  let w: AssessmentWorld;
  let evidence: Awaited<ReturnType<typeof withEvidence>>;
  let links: CheckLink[] = [];
  let id = '';
  let items: string[] = [];

  beforeAll(async () => {
    w = await assessmentWorld(get().store);
    evidence = await withEvidence(w.ctx, get().db, () => links);
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
    await w?.app.close();
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
});
