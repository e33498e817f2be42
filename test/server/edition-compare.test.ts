import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import type { Edition } from '../../src/core/model/edition.schema.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition, importEdition } from '../../src/services/editions.service.js';
import type { ApiClient } from '../helpers/api-client.js';
import { appWithAdmin } from '../helpers/app-with-admin.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';

/**
 * Any two published editions compared through the API (what `tebiki diff`
 * shows), coverage counted over reviewed mappings only, and the review state
 * of each mapping on the item.
 */

const loaded = loadContent(defaultContentDir());
if (!loaded.ok) throw new Error('the bundled content must load');
const content: Edition = loaded.edition;

interface Compare {
  from: { id: string };
  to: { id: string };
  mappings: { kind: string; requirementId: string; standard: string; target: string; fields: string[] }[];
  requirements: { removed: { id: string }[] };
  other: string[];
  coverage: {
    standard: string;
    before: Record<string, number> | null;
    after: Record<string, number> | null;
    changed: { id: string; from: string | null; to: string | null }[];
  }[];
}

describeEachDatabase('comparing editions and review state through the API', (get) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  let bundled = '';
  const ctx = (): ServiceContext => ({ store: get().store, config: testConfig(), now: () => new Date() });
  const json = async <T>(url: string): Promise<T> => {
    const r = await admin.request('GET', url);
    expect(r.statusCode, `GET ${url}: ${r.body}`).toBe(200);
    return r.json() as T;
  };

  // A later edition: one link weakened to supportive (CR 2.12 RE(1) loses its only answer), one item dropped, every review removed.
  const target = content.requirements.find((r) => r.mappings.some((m) => m.standard === 'iec-62443-4-2' && m.requirement === 'CR 2.12 RE(1)'));
  const dropped = content.requirements.find((r) => r.id !== target?.id && r.mappings.every((m) => m.standard !== 'iec-62443-4-2'));
  const later: Edition = {
    ...content,
    meta: { ...content.meta, id: '2099.9', date: '2099-01-01' },
    requirements: content.requirements
      .filter((r) => r.id !== dropped?.id)
      .map((r) =>
        r.id === target?.id
          ? { ...r, mappings: r.mappings.map((m) => (m.requirement === 'CR 2.12 RE(1)' ? { ...m, relationship: 'supports' as const } : m)) }
          : r,
      ),
    reviews: [],
  };

  beforeAll(async () => {
    bundled = (await importBundledEdition(ctx())).id;
    await importEdition(ctx(), { kind: 'anonymous' }, later);
    ({ app, admin } = await appWithAdmin(ctx()));
  });
  afterAll(async () => app?.close());

  it('compares any two editions: requirements, mappings, other sections and coverage change per standard', async () => {
    expect(target && dropped).toBeTruthy();
    const diff = await json<Compare>(`/api/editions/${bundled}/compare/2099.9`);
    expect([diff.from.id, diff.to.id]).toEqual([bundled, '2099.9']);
    expect(diff.requirements.removed.map((r) => r.id)).toEqual([dropped?.id]);
    expect(diff.mappings).toContainEqual(
      expect.objectContaining({ kind: 'changed', requirementId: target?.id, standard: 'iec-62443-4-2', target: 'CR 2.12 RE(1)', fields: ['relationship'] }),
    );
    expect(diff.other).toContain('reviews');
    const iec = diff.coverage.find((c) => c.standard === 'iec-62443-4-2');
    // A supportive link never answers: the enhancement becomes a gap.
    expect(iec?.changed.find((c) => c.id === 'CR 2.12 RE(1)')?.to).toBe('gap');
    // And back the other way.
    const back = await json<Compare>(`/api/editions/2099.9/compare/${bundled}`);
    expect(back.requirements.removed).toEqual([]);
  });

  it('an unknown edition answers 404, on either side', async () => {
    expect((await admin.request('GET', `/api/editions/${bundled}/compare/1999.1`)).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/editions/1999.1/compare/${bundled}`)).statusCode).toBe(404);
  });

  it('coverage can count reviewed mappings only', async () => {
    type Overview = { reviewedOnly: boolean; standards: { id: string; summary: Record<string, number> }[] };
    // The bundled edition has every link reviewed: both counts agree there. The later edition has no review recorded.
    const bundledAll = await json<Overview>(`/api/editions/${bundled}/coverage`);
    const bundledReviewed = await json<Overview>(`/api/editions/${bundled}/coverage?reviewed=only`);
    expect(bundledReviewed.standards.map((s) => s.summary)).toEqual(bundledAll.standards.map((s) => s.summary));
    const all = await json<Overview>(`/api/editions/2099.9/coverage`);
    const reviewed = await json<Overview>(`/api/editions/2099.9/coverage?reviewed=only`);
    expect(reviewed.reviewedOnly).toBe(true);
    const answered = (o: Overview, id: string) => {
      const s = o.standards.find((x) => x.id === id)?.summary;
      return (s?.covered ?? 0) + (s?.partial ?? 0);
    };
    // Fewer links count, so fewer requirements are answered; none more.
    for (const s of all.standards) expect(answered(reviewed, s.id), s.id).toBeLessThanOrEqual(answered(all, s.id));
    expect(answered(reviewed, 'iec-62443-4-1')).toBeLessThan(answered(all, 'iec-62443-4-1'));
    const one = await json<{ summary: Record<string, number> }>(`/api/editions/2099.9/coverage/iec-62443-4-1?reviewed=only`);
    expect(one.summary).toEqual(reviewed.standards.find((s) => s.id === 'iec-62443-4-1')?.summary);
    expect((await admin.request('GET', `/api/editions/${bundled}/coverage?reviewed=yes`)).statusCode).toBe(400);
  });

  it('the item carries the review state of each of its mappings', async () => {
    const file = content.reviews?.find((f) => f.standard === 'iec-62443-4-1');
    const review = file?.reviews.find((r) => r.state === 'reviewed');
    if (!review) throw new Error('the bundled content has a reviewed iec-62443-4-1 mapping');
    const item = await json<{ mappings: { standard: string; requirement: string }[]; mappingReviews: { state: string; by?: string; date?: string }[] }>(
      `/api/editions/${bundled}/requirements/${review.item}`,
    );
    expect(item.mappingReviews).toHaveLength(item.mappings.length);
    const i = item.mappings.findIndex((m) => m.standard === 'iec-62443-4-1' && m.requirement === review.requirement);
    expect(item.mappingReviews[i]).toEqual({ state: 'reviewed', by: review.by, date: review.date });
    const later2099 = await json<{ mappingReviews: { state: string }[] }>(`/api/editions/2099.9/requirements/${review.item}`);
    expect(later2099.mappingReviews.every((r) => r.state === 'unreviewed')).toBe(true);
  });
});
