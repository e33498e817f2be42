import { afterAll, beforeAll, expect } from 'vitest';
import type { Verdict } from '../../src/core/assessment/verdicts.js';
import { importEdition } from '../../src/services/editions.service.js';
import type { Store } from '../../src/store/database.js';
import { PACK_EDITION } from '../helpers/pack-edition.js';
import { bytes, cyclonedxJson } from '../helpers/sbom-fixtures.js';
import { type AssessmentJson, type AssessmentWorld, answerVersions, assessmentWorld } from './assessments.fixture.js';

/** The evidence file attached to item a. */
export const DESIGN_DOC = Buffer.from('%PDF-1.4\n設計書: パスワードは機器ごとに異なる\n%%EOF\n');

/** The hand-worked verdicts of test/helpers/pack-edition.ts; "complete" passes item c too. */
export const DRAFT_VERDICTS: Record<string, Verdict> = { a: 'pass', b: 'not-applicable', c: 'fail', d: 'pass', e: 'pass' };
export const COMPLETE_VERDICTS: Record<string, Verdict> = { ...DRAFT_VERDICTS, c: 'pass' };

export interface PackWorld {
  w: AssessmentWorld;
  /** Final, item c failing. */
  draft: AssessmentJson;
  /** Final, everything met or not applicable. */
  complete: AssessmentJson;
  /** Still in progress. */
  open: AssessmentJson;
  sbomSha256: string;
}

/** An assessment of org A's product on the pack edition, item a with DESIGN_DOC attached, answered with `verdicts`; final when `finalise`. */
export async function answered(
  w: AssessmentWorld,
  title: string,
  verdicts: Record<string, Verdict>,
  finalise: boolean,
  productVersion = '1.0',
): Promise<AssessmentJson> {
  const a = await w.create({ title, editionId: PACK_EDITION.meta.id, productVersion, spec: { layers: [], phases: [], profile: null } });
  const up = await w.client('as1').request('POST', `/api/assessments/${a.id}/answers/a/attachments`, DESIGN_DOC, {
    headers: { 'content-type': 'application/pdf', 'x-filename': encodeURIComponent('設計書.pdf') },
  });
  expect(up.statusCode, up.body).toBe(201);
  const versions = await answerVersions(w, a.id);
  for (const item of a.items) {
    const verdict = verdicts[item.requirementId] ?? 'unassessed';
    const r = await w.client('as1').request('PUT', `/api/assessments/${a.id}/answers/${item.requirementId}`, {
      verdict,
      evidence: item.requirementId === 'a' ? '設計書で確認した' : `${item.no} を確認`,
      comment: verdict === 'not-applicable' ? '初期パスワードを持たない' : '',
      version: versions.get(item.requirementId) ?? 0,
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  if (!finalise) return a;
  const status = async (to: string) => {
    const v = ((await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson).version;
    const r = await w.client('as1').request('POST', `/api/assessments/${a.id}/status`, { to, version: v });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as AssessmentJson;
  };
  await status('in-review');
  return status('final');
}

/** The pack world of a suite on `get()`'s store, built before its tests and closed after them (filled in by that first hook). */
export function usePackWorld(get: () => { store: Store }): PackWorld {
  const world = {} as PackWorld;
  beforeAll(async () => {
    Object.assign(world, await packWorld(get().store));
  }, 180_000);
  afterAll(async () => world.w?.app.close());
  return world;
}

/**
 * Org A's product with version 1.0 (released 2026-04-01, supported to 2031-03-31)
 * and its SBOM, the pack edition, and three assessments of it.
 */
export async function packWorld(store: Store): Promise<PackWorld> {
  const w = await assessmentWorld(store);
  await importEdition(w.ctx, { kind: 'anonymous' }, PACK_EDITION);
  const v = await w
    .client('a1')
    .request('POST', `/api/products/${w.products.a}/versions`, { version: '1.0', releaseDate: '2026-04-01', supportEnd: '2031-03-31' });
  expect(v.statusCode, v.body).toBe(201);
  const sbom = await w.client('a1').request('POST', `/api/products/${w.products.a}/versions/1.0/sboms`, Buffer.from(bytes(cyclonedxJson('1.6'))), {
    headers: { 'content-type': 'application/json', 'x-filename': encodeURIComponent('firmware.cdx.json') },
  });
  expect(sbom.statusCode, sbom.body).toBe(201);
  return {
    w,
    draft: await answered(w, 'パック（不足あり）', DRAFT_VERDICTS, true),
    complete: await answered(w, 'パック（完成）', COMPLETE_VERDICTS, true),
    open: await answered(w, '診断中', COMPLETE_VERDICTS, false),
    sbomSha256: (sbom.json() as { sha256: string }).sha256,
  };
}
