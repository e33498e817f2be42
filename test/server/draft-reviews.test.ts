import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { importEdition } from '../../src/services/editions.service.js';
import type { ApiClient } from '../helpers/api-client.js';
import { appWithAdmin } from '../helpers/app-with-admin.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';

/**
 * Review state per mapping in the draft editor: the list filtered by state
 * and standard (the review queue), setting reviewed / disputed / unreviewed,
 * refusals that store nothing, and the state reaching the published edition.
 */

interface Row {
  item: string;
  standard: string;
  requirement: string;
  relationship: string;
  review: { state: string; by?: string; date?: string; note?: string };
}

describeEachDatabase('reviewing mappings in a draft', (get) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  const day = new Date('2026-12-05T09:00:00Z');
  const queue = async (query: string) => {
    const r = await admin.request('GET', `/api/drafts/2026.9/reviews${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { rows: Row[] }).rows;
  };

  beforeAll(async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => day };
    // The bundled edition has every mapping reviewed; here the records of OWASP ISVS and IEC 62443-4-2 are left out, so that there is a queue to work through.
    const loaded = loadContent(defaultContentDir());
    if (!loaded.ok) throw new Error('bundled content must be valid');
    const edition = { ...loaded.edition, reviews: (loaded.edition.reviews ?? []).filter((f) => f.standard !== 'owasp-isvs' && f.standard !== 'iec-62443-4-2') };
    await importEdition(ctx, { kind: 'anonymous' }, edition);
    ({ app, admin } = await appWithAdmin(ctx, '査読 太郎'));
    expect((await admin.request('POST', '/api/drafts', { id: '2026.9', title: { ja: 'レビュー版', en: 'Review edition' } })).statusCode).toBe(201);
  });
  afterAll(async () => app?.close());

  it('lists the mappings by state and standard; the queue is the unreviewed ones', async () => {
    const all = await queue('');
    const unreviewed = await queue('?state=unreviewed');
    const reviewed = await queue('?state=reviewed');
    const disputed = await queue('?state=disputed');
    expect(unreviewed.length + reviewed.length + disputed.length).toBe(all.length);
    expect(unreviewed.every((r) => r.review.state === 'unreviewed')).toBe(true);
    expect(reviewed.every((r) => r.review.by && r.review.date)).toBe(true);
    const isvs = await queue('?state=unreviewed&standard=owasp-isvs');
    expect(isvs.length).toBeGreaterThan(0);
    expect(isvs.every((r) => r.standard === 'owasp-isvs')).toBe(true);
    expect((await admin.request('GET', '/api/drafts/2026.9/reviews?state=maybe')).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/drafts/2026.9/reviews?standard=iso-9999')).statusCode).toBe(400);
  });

  it('working through the queue: reviewed, disputed with a note, and back to unreviewed', async () => {
    const [first, second] = await queue('?state=unreviewed&standard=owasp-isvs');
    if (!first || !second) throw new Error('two unreviewed ISVS mappings expected');
    const key = (r: Row) => ({ item: r.item, standard: r.standard, requirement: r.requirement });
    const done = await admin.request('PUT', '/api/drafts/2026.9/reviews', { ...key(first), state: 'reviewed' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().review).toEqual({ item: first.item, requirement: first.requirement, state: 'reviewed', by: '査読 太郎', date: '2026-12-05' });
    const next = await queue('?state=unreviewed&standard=owasp-isvs');
    expect(next[0]).toEqual(second);

    const noNote = await admin.request('PUT', '/api/drafts/2026.9/reviews', { ...key(second), state: 'disputed' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors).toEqual([{ path: 'note', message: 'a disputed mapping needs a note', code: 'note-required' }]);
    const disputed = await admin.request('PUT', '/api/drafts/2026.9/reviews', { ...key(second), state: 'disputed', note: 'section only; check the ISVS text' });
    expect(disputed.statusCode).toBe(200);
    expect((await queue('?state=disputed')).map(key)).toContainEqual(key(second));

    const back = await admin.request('PUT', '/api/drafts/2026.9/reviews', { ...key(first), state: 'unreviewed' });
    expect(back.json().review).toEqual({ item: first.item, requirement: first.requirement, state: 'unreviewed' });
    expect((await queue('?state=unreviewed&standard=owasp-isvs'))[0]).toEqual(first);
  });

  it('a mapping that does not exist is refused and nothing is stored', async () => {
    const before = await queue('');
    const r = await admin.request('PUT', '/api/drafts/2026.9/reviews', {
      item: 'no-such-item',
      standard: 'owasp-isvs',
      requirement: '1.1.1',
      state: 'reviewed',
    });
    expect(r.statusCode).toBe(404);
    expect(await queue('')).toEqual(before);
    expect(
      (await admin.request('PUT', '/api/drafts/2026.9/reviews', { item: 'x', standard: 'y', requirement: 'z', state: 'reviewed', extra: 1 })).statusCode,
    ).toBe(400);
  });

  it('the review state is part of the edition: the diff names it and the published item shows it', async () => {
    const [row] = await queue('?state=unreviewed&standard=iec-62443-4-2');
    if (!row) throw new Error('an unreviewed IEC 62443-4-2 mapping expected');
    await admin.request('PUT', '/api/drafts/2026.9/reviews', { item: row.item, standard: row.standard, requirement: row.requirement, state: 'reviewed' });
    const diff = (await admin.request('GET', '/api/drafts/2026.9/diff')).json() as { other: string[]; revision: number };
    expect(diff.other).toContain('reviews');
    const published = await admin.request('POST', '/api/drafts/2026.9/publish', { changelog: { ja: 'レビュー', en: 'Reviews' }, revision: diff.revision });
    expect(published.statusCode, published.body).toBe(200);
    const item = (await admin.request('GET', `/api/editions/2026.9/requirements/${row.item}`)).json() as {
      mappings: { standard: string; requirement: string }[];
      mappingReviews: { state: string; by?: string }[];
    };
    const i = item.mappings.findIndex((m) => m.standard === row.standard && m.requirement === row.requirement);
    expect(item.mappingReviews[i]).toMatchObject({ state: 'reviewed', by: '査読 太郎' });
  });
});
