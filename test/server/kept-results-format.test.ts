import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { keepUnkeptResults } from '../../src/services/assessment-results.service.js';
import { KEPT_RESULTS_FORMAT } from '../../src/store/assessment-results.repository.js';
import type { Store } from '../../src/store/database.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { jsonOf } from '../helpers/response-json.js';
import { type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';

const GZIP = { headers: { 'accept-encoding': 'gzip, deflate, br' } };

/** The format the results kept for an assessment are in, if any are kept. */
async function keptFormat(store: Store, id: string): Promise<number | undefined> {
  const row = await store.db.selectFrom('assessment_results').select('format').where('assessment_id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : Number(row.format);
}

/** Every key path of a JSON value, arrays' elements merged under `[]`: what the kept format promises (its hash is written down below). */
function shapeOf(value: unknown, path = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const element of value) shapeOf(element, `${path}[]`, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(`${path}.${key}`);
      shapeOf(inner, `${path}.${key}`, into);
    }
  }
  return into;
}

/**
 * The shape of the results kept at format KEPT_RESULTS_FORMAT. When a change
 * to AssessmentResults makes this test fail, raise KEPT_RESULTS_FORMAT
 * (store/assessment-results.repository.ts) and write the new shape here: rows
 * kept in the old shape are then never served, and the keeper keeps them anew.
 */
const SHAPE_OF_FORMAT = { format: 1, sha256OfKeys: 'ed27f1b05b0ed0c3' };

describeEachDatabase('the format of kept results', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  const results = () => w.client('as1').request('GET', `/api/assessments/${a.id}/results`, undefined, GZIP);

  beforeAll(async () => {
    a = await w.create({ title: '保持形式の診断' });
    const [first, second] = a.items;
    if (!first || !second) throw new Error('items');
    for (const [item, verdict] of [
      [first, 'fail'],
      [second, 'pass'],
    ] as const) {
      const r = await w
        .client('as1')
        .request('PUT', `/api/assessments/${a.id}/answers/${item.requirementId}`, { verdict, evidence: '確認済み', comment: '', version: 0 });
      expect(r.statusCode, r.body).toBe(200);
    }
  });

  it('keeps results in the current format, whose shape is the one written down for it', async () => {
    expect(await keptFormat(get().store, a.id)).toBe(KEPT_RESULTS_FORMAT);
    const keys = [...shapeOf(jsonOf(await results()))].sort();
    const sha256OfKeys = createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
    expect({ format: KEPT_RESULTS_FORMAT, sha256OfKeys }, `the kept results changed shape (keys now: ${keys.join(' ')}): raise KEPT_RESULTS_FORMAT`).toEqual(
      SHAPE_OF_FORMAT,
    );
  });

  it('never serves results kept in another format: the read computes them, and keeps them in the current one', async () => {
    const before = jsonOf(await results());
    const db = get().store.db;
    // As left by an older version whose results had another shape, at a version this process has not read.
    const { version } = await db.selectFrom('assessments').select('version').where('id', '=', a.id).executeTakeFirstOrThrow();
    const next = Number(version) + 1;
    const marked = { ...before, marker: 'kept in an older format' };
    await db.updateTable('assessments').set({ version: next }).where('id', '=', a.id).execute();
    await db
      .updateTable('assessment_results')
      .set({ version: next, format: 0, body: gzipSync(JSON.stringify(marked)) })
      .where('assessment_id', '=', a.id)
      .execute();
    const after = jsonOf(await results());
    expect(after).toEqual(before);
    expect(await keptFormat(get().store, a.id)).toBe(KEPT_RESULTS_FORMAT);
  });

  it('keeps anew, in the background, results kept in another format', async () => {
    const store = get().store;
    await store.db.updateTable('assessment_results').set({ format: 0 }).where('assessment_id', '=', a.id).execute();
    expect(await keepUnkeptResults({ store }).done).toBeGreaterThanOrEqual(1);
    expect(await keptFormat(store, a.id)).toBe(KEPT_RESULTS_FORMAT);
  });
});
