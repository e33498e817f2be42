import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { keepUnkeptResults } from '../../src/services/assessment-results.service.js';
import type { Store } from '../../src/store/database.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { jsonOf } from '../helpers/response-json.js';
import { type AssessmentJson, answerVersions, useAssessmentWorld } from './assessments.fixture.js';

const GZIP = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
const PLAIN = { headers: { 'accept-encoding': 'identity' } };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);

/** The version the results kept for an assessment were computed at, if any. */
async function keptVersion(store: Store, id: string): Promise<number | undefined> {
  const row = await store.db.selectFrom('assessment_results').select('version').where('assessment_id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : Number(row.version);
}

describeEachDatabase('results kept with the assessment', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  const version = async () => ((await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson).version;
  const results = (options = GZIP) => w.client('as1').request('GET', `/api/assessments/${a.id}/results`, undefined, options);
  const answer = (requirementId: string, verdict: string, v: number) =>
    w.client('as1').request('PUT', `/api/assessments/${a.id}/answers/${requirementId}`, { verdict, evidence: '確認済み', comment: '', version: v });

  beforeAll(async () => {
    a = await w.create({ title: '結果を保持する診断' });
  });

  it('writes the results in the transaction of an answer and serves them as kept, compressed or not', async () => {
    expect(await keptVersion(get().store, a.id)).toBeUndefined();
    const [first] = a.items;
    if (!first) throw new Error('items');
    const r = await answer(first.requirementId, 'fail', 0);
    expect(r.statusCode, r.body).toBe(200);
    expect(await keptVersion(get().store, a.id)).toBe(await version());
    // Kept results go out compressed at the first ask, and decompressed to a client that does not take gzip.
    const kept = await results();
    expect(kept.statusCode).toBe(200);
    expect(kept.headers['content-encoding']).toBe('gzip');
    expect(kept.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(kept.headers['cache-control']).toBe('no-store');
    const plain = await results(PLAIN);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(jsonOf(kept));
    expect(plain.json().scores.overall.counts.fail).toBe(1);
    // Another organisation's member is refused as before, kept or not.
    expect((await w.client('b1').request('GET', `/api/assessments/${a.id}/results`, undefined, GZIP)).statusCode).toBe(404);
  });

  it('moves the kept results with a version that moved without answers (an attachment, a title), then an answer replaces them', async () => {
    const before = jsonOf(await results());
    const [first, , third] = a.items;
    if (!first || !third) throw new Error('items');
    const upload = await w.client('as1').request('POST', `/api/assessments/${a.id}/answers/${first.requirementId}/attachments`, PNG, {
      headers: { 'content-type': 'image/png', 'x-filename': 'screen.png' },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(await keptVersion(get().store, a.id)).toBe(await version());
    const renamed = await w.client('as1').request('PATCH', `/api/assessments/${a.id}`, { title: '結果を保持する診断（改）', version: await version() });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await keptVersion(get().store, a.id)).toBe(await version());
    const carried = await results();
    expect(carried.headers['content-encoding']).toBe('gzip');
    expect(jsonOf(carried)).toEqual(before);
    // An answer in the same transaction as its version's move: its own results replace the carried ones.
    const versions = await answerVersions(w, a.id);
    const r = await answer(third.requirementId, 'fail', versions.get(third.requirementId) ?? 0);
    expect(r.statusCode, r.body).toBe(200);
    expect(await keptVersion(get().store, a.id)).toBe(await version());
    expect(jsonOf(await results()).scores.overall.counts.fail).toBe(before.scores.overall.counts.fail + 1);
  });

  it('computes the results at the first read when none are kept at the version, and keeps them then', async () => {
    const before = jsonOf(await results());
    // As after an upgrade: the assessment's version moved on where nothing kept its results.
    await get()
      .store.db.updateTable('assessments')
      .set({ version: (await version()) + 1 })
      .where('id', '=', a.id)
      .execute();
    const now = await version();
    expect(await keptVersion(get().store, a.id)).toBe(now - 1);
    const computed = await results();
    // Computed now and kept: answered with the bytes just kept, compressed once.
    expect(computed.headers['content-encoding']).toBe('gzip');
    expect(jsonOf(computed)).toEqual(before);
    expect(await keptVersion(get().store, a.id)).toBe(now);
  });

  it('keeps in the background the results of every assessment that has none at its version', async () => {
    const other = await w.create({ title: '結果のない診断' });
    const store = get().store;
    await store.db.deleteFrom('assessment_results').where('assessment_id', 'in', [a.id, other.id]).execute();
    const keeper = keepUnkeptResults({ store });
    expect(await keeper.done).toBeGreaterThanOrEqual(2);
    expect(await keptVersion(store, a.id)).toBe(await version());
    expect(await keptVersion(store, other.id)).toBe(other.version);
    // Nothing left to keep: a second run keeps none.
    expect(await keepUnkeptResults({ store }).done).toBe(0);
  });

  it('keeps nothing from a write that was refused: the kept results stay those of the stored answers', async () => {
    const [first, second] = a.items;
    if (!first || !second) throw new Error('items');
    const kept = await keptVersion(get().store, a.id);
    // The second item's write goes through first; the first item's is stale, so the lot is rolled back.
    const stale = await w.client('as1').request('POST', `/api/assessments/${a.id}/answers`, {
      items: [
        { requirementId: second.requirementId, version: 0 },
        { requirementId: first.requirementId, version: 0 },
      ],
      verdict: 'pass',
      comment: '',
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(await keptVersion(get().store, a.id)).toBe(kept);
    const after = jsonOf(await results());
    expect(after.scores.overall.counts.fail).toBe(2);
    expect(after.scores.overall.counts.pass).toBe(0);
    const versions = await answerVersions(w, a.id);
    expect(versions.get(second.requirementId)).toBe(0);
  });

  it('serves what another process keeps at a newer version, not the copy read before', async () => {
    const before = jsonOf(await results());
    expect(before.scores).toBeDefined();
    // What another server process does on an answer: move the version on and keep that version's results.
    const db = get().store.db;
    const next = (await version()) + 1;
    const marked = { ...before, marker: 'kept by another process' };
    await db.updateTable('assessments').set({ version: next }).where('id', '=', a.id).execute();
    await db
      .updateTable('assessment_results')
      .set({ version: next, body: gzipSync(JSON.stringify(marked)) })
      .where('assessment_id', '=', a.id)
      .execute();
    const after = await results();
    expect(after.headers['content-encoding']).toBe('gzip');
    expect(jsonOf(after)).toEqual(marked);
    expect(jsonOf(await results(PLAIN))).toEqual(marked);
  });
});
