import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../src/server/json-once.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { jsonOf } from '../helpers/response-json.js';
import { answerAll, useAssessmentWorld } from './assessments.fixture.js';

describe('acceptsGzip', () => {
  it('takes gzip or * unless its q is zero', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0.0, br')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip('x-gzip')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describeEachDatabase('assessment results: serialised once, compressed when asked again', (get) => {
  const w = useAssessmentWorld(get);

  it('answers the same JSON plain and gzip-compressed, and new answers give new results', async () => {
    const a = await w.create({ title: '圧縮の診断' });
    const gzip = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
    // The view kept with the assessment goes out as kept, compressed, from the first answer on.
    const kept = await w.client('as1').request('GET', `/api/assessments/${a.id}/results`, undefined, gzip);
    expect(kept.headers['content-encoding']).toBe('gzip');
    const standard = (jsonOf(kept).standards as { id: string }[])[0]?.id ?? '';
    // A view computed on every version (one standard's derived results): serialised once, compressed when asked again.
    const path = `/api/assessments/${a.id}/results?standard=${standard}`;
    const first = await w.client('as1').request('GET', path, undefined, gzip);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers.vary).toContain('accept-encoding');
    expect(first.headers['cache-control']).toBe('no-store');
    const second = await w.client('as1').request('GET', path, undefined, gzip);
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(second.rawPayload).toString('utf8'))).toEqual(first.json());
    const refused = await w.client('as1').request('GET', path, undefined, { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.json()).toEqual(first.json());
    // The member of the product's organisation sees the same results; another organisation does not.
    expect((await w.client('a1').request('GET', path)).json()).toEqual(first.json());
    expect((await w.client('b1').request('GET', path, undefined, gzip)).statusCode).toBe(404);

    await answerAll(w, a);
    const after = await w.client('as1').request('GET', path, undefined, gzip);
    const scores = jsonOf(after).scores as { overall: { counts: { pass: number; total: number } } };
    expect(scores.overall.counts.pass).toBe(scores.overall.counts.total);
    expect(first.json().scores.overall.counts.pass).toBe(0);
  });
});
