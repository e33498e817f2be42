import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { diffEditions } from '../../src/core/edition-diff.js';
import type { Edition } from '../../src/core/model/edition.schema.js';
import { ANONYMOUS } from '../../src/core/authorization.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { importEdition } from '../../src/services/editions.service.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AssessmentJson, answerAll, useAssessmentWorld } from './assessments.fixture.js';

/**
 * Edition 2026.2 is published over 2026.1: a deployment that holds 2026.1
 * and final assessments on it starts with the bundled 2026.2, and moving such
 * an assessment keeps every answer whose checked text did not change. The
 * fixture is edition 2026.1 exactly as published on 2026-11-25 (content/ at
 * commit 8d90f69, loaded into today's model), gzipped JSON.
 */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'editions', '2026.1.json.gz');
const previous = JSON.parse(gunzipSync(readFileSync(FIXTURE)).toString('utf8')) as Edition;

interface MovedJson extends AssessmentJson {
  carryOver: { fromEdition: string; toEdition: string; unchanged: string[]; changed: string[]; added: string[]; removed: { requirementId: string }[] };
}

describeEachDatabase('moving final 2026.1 assessments to the bundled 2026.2', (get) => {
  const w = useAssessmentWorld(get);
  let old: AssessmentJson;
  let moved: MovedJson;
  let bundled: Edition;

  beforeAll(async () => {
    expect(previous.meta.id).toBe('2026.1');
    expect(w.editionId).toBe('2026.2');
    await importEdition(w.ctx, ANONYMOUS, previous);
    const loaded = loadContent(defaultContentDir());
    if (!loaded.ok) throw new Error('bundled content is invalid');
    bundled = loaded.edition;
    old = await w.create({ title: '2026.1 で完了した診断', editionId: '2026.1', spec: { layers: [], phases: [], profile: null } });
    await answerAll(w, old);
    for (const to of ['in-progress', 'in-review', 'final']) {
      const current = (await w.client('as1').request('GET', `/api/assessments/${old.id}`)).json() as AssessmentJson;
      if (current.status === to) continue;
      const version = current.version;
      const r = await w.client('as1').request('POST', `/api/assessments/${old.id}/status`, { to, version });
      expect(r.statusCode, r.body).toBe(200);
    }
    const r = await w.client('as1').request('POST', `/api/assessments/${old.id}/move`, { editionId: w.editionId });
    expect(r.statusCode, r.body).toBe(201);
    moved = r.json() as MovedJson;
  }, 300_000);

  it('carries every item: the items the edition diff names as added, removed or with changed checked text, and the rest kept', () => {
    const diff = diffEditions(previous, bundled);
    expect(old.items).toHaveLength(previous.requirements.length);
    expect(moved.carryOver).toMatchObject({ fromEdition: '2026.1', toEdition: '2026.2' });
    expect(moved.carryOver.added.sort()).toEqual(diff.requirements.added.map((r) => r.id).sort());
    expect(moved.carryOver.removed.map((r) => r.requirementId).sort()).toEqual(diff.requirements.removed.map((r) => r.id).sort());
    const touched = new Set(diff.requirements.changed.map((r) => r.id));
    for (const id of moved.carryOver.changed) expect(touched.has(id), id).toBe(true);
    const total = moved.carryOver.unchanged.length + moved.carryOver.changed.length + moved.carryOver.added.length;
    expect(total).toBe(bundled.requirements.length);
  });

  it('unchanged items keep the final verdict and evidence; changed items await review with the old verdict', () => {
    const answers = new Map(moved.answers.map((a) => [a.requirementId, a] as const));
    for (const id of moved.carryOver.unchanged) expect(answers.get(id)).toMatchObject({ verdict: 'pass', evidence: '確認済み' });
    for (const id of moved.carryOver.changed) expect(answers.get(id)).toMatchObject({ verdict: 'needs-review', review: 'changed' });
    expect(moved.status).not.toBe('final');
    expect(moved.carriedFrom).toBe(old.id);
  });

  it('the moved assessment speaks to what 2026.2 maps and 2026.1 did not: NIST SP 800-171 rev2 and EN 18031 at requirement level', async () => {
    const view = async (id: string, standard: string) =>
      (await w.client('as1').request('GET', `/api/assessments/${id}/results?standard=${standard}`)).json().derived as {
        summary: Record<string, number>;
        requirements: { id: string }[];
      };
    const rev2Before = await view(old.id, 'nist-sp-800-171r2');
    const rev2After = await view(moved.id, 'nist-sp-800-171r2');
    expect(rev2Before.summary['no-items']).toBe(rev2Before.summary.total);
    expect(rev2After.summary['no-items']).toBeLessThan(rev2After.summary.total ?? 0);
    const en18031 = await view(moved.id, 'en-18031');
    expect(en18031.requirements.map((r) => r.id)).toContain('18031-1 ACM-1');
  });
});
