import { expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import type { Edition } from '../../src/core/model/edition.schema.js';
import { importEdition } from '../../src/services/editions.service.js';
import { ApiClient } from '../helpers/api-client.js';
import { useBundledApp } from '../helpers/app-with-admin.js';
import { describeEachDatabase } from '../helpers/each-database.js';

/**
 * The coverage API on the bundled edition. Expected facts are read from the
 * content files themselves, so the test follows the content instead of
 * copying numbers out of it.
 */

interface Localized {
  ja: string;
  en: string;
}
type Counts = Record<'total' | 'covered' | 'partial' | 'out-of-scope' | 'pending' | 'gap' | 'not-applicable', number>;
interface Row {
  id: string;
  kind: string;
  parentId: string | null;
  status: string | null;
  conditions: string[];
  levels: string[];
  appliesTo: string[];
  coverage: string;
  reason: Localized | null;
  links: { requirementId: string; relationship: string }[];
  enhancements: Row[];
}
interface Report {
  standard: { id: string };
  summary: Counts;
  answered: number;
  requirements: Row[];
  groups: { id: string; counts: Counts }[];
  cells: { layer: string; phase: string; covered: number; partial: number }[];
  unverifiedLevels: string[];
  filterOptions: { securityLevels: number[]; componentTypes: string[]; statuses: string[]; conditions: { id: string }[] };
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

const loaded = loadContent(defaultContentDir());
if (!loaded.ok) throw new Error('the bundled content must load');
const content: Edition = loaded.edition;

/** Requirements and their enhancements, flattened. */
const flat = (rows: Row[]): Row[] => rows.flatMap((r) => [r, ...r.enhancements]);
const applicable = (rows: Row[]) => flat(rows).filter((r) => r.coverage !== 'not-applicable');

describeEachDatabase('coverage of the standards through the API', (get) => {
  const api = useBundledApp(get);
  const base = () => `/api/editions/${encodeURIComponent(api.editionId)}`;
  const json = async <T>(url: string, client = api.admin): Promise<T> => {
    const r = await client.request('GET', url);
    expect(r.statusCode, `GET ${url}: ${r.body}`).toBe(200);
    return r.json() as T;
  };
  const report = (standard: string, query = '') => json<Report>(`${base()}/coverage/${encodeURIComponent(standard)}${query}`);
  /** The field paths a refused request names. */
  const refused = async (url: string): Promise<string[]> => {
    const r = await api.admin.request('GET', url);
    expect(r.statusCode, `GET ${url}: ${r.body}`).toBe(400);
    const problem = r.json() as Problem;
    expect(problem.code).toBe('validation-failed');
    return (problem.errors ?? []).map((e) => e.path);
  };

  it('the overview lists every standard of the edition with consistent counts, and the number of 独自項目', async () => {
    const overview = await json<{ standards: { id: string; summary: Counts; answered: number }[]; unbacked: number }>(`${base()}/coverage`);
    expect(overview.standards.map((s) => s.id)).toEqual(content.standards.map((s) => s.id));
    for (const s of overview.standards) {
      const { total, covered, partial, pending, gap } = s.summary;
      expect(covered + partial + s.summary['out-of-scope'] + pending + gap, s.id).toBe(total);
      expect(s.answered, s.id).toBeCloseTo(total === 0 ? 0 : (covered + partial + s.summary['out-of-scope']) / total, 10);
      // The overview is the unfiltered report of each standard.
      expect((await report(s.id)).summary, s.id).toEqual(s.summary);
    }
    const unbacked = await json<{ items: { id: string; number: string; title: Localized; layers: string[]; phases: string[] }[] }>(`${base()}/unbacked`);
    expect(unbacked.items).toHaveLength(overview.unbacked);
    // Supportive links never count as coverage: an item with only those (or only no-relationship ones) is backed by no standard.
    const expected = content.requirements
      .filter((r) => r.mappings.every((m) => m.relationship === 'no-relationship' || m.relationship === 'supports'))
      .map((r) => r.id);
    expect(unbacked.items.map((i) => i.id)).toEqual(expected);
  });

  it('an item with no mapping, or only no-relationship ones, is listed as 独自項目 and counted in the overview', async () => {
    // A second published edition: the bundled one plus two items no standard backs.
    const base0 = content.requirements[0];
    if (!base0) throw new Error('the bundled edition has no items');
    const extra: Edition = {
      ...content,
      meta: { ...content.meta, id: 'test-unbacked' },
      requirements: [
        ...content.requirements,
        { ...base0, id: 'own-a', number: 'X-1', mappings: [] },
        { ...base0, id: 'own-b', number: 'X-2', mappings: base0.mappings[0] ? [{ ...base0.mappings[0], relationship: 'no-relationship' as const }] : [] },
      ],
    };
    await importEdition(api.ctx, { kind: 'anonymous' }, extra);
    const unbacked = await json<{ items: { id: string; number: string; title: Localized; layers: string[]; phases: string[] }[] }>(
      '/api/editions/test-unbacked/unbacked',
    );
    const expected = (await json<{ items: { id: string }[] }>(`${base()}/unbacked`)).items.map((i) => i.id);
    expect(unbacked.items.map((i) => i.id)).toEqual([...expected, 'own-a', 'own-b']);
    expect(unbacked.items.at(-1)).toEqual({ id: 'own-b', number: 'X-2', title: base0.title, layers: base0.layers, phases: base0.phases });
    expect((await json<{ unbacked: number }>('/api/editions/test-unbacked/coverage')).unbacked).toBe(expected.length + 2);
  });

  it('IEC 62443-4-2 at SL 2 counts fewer applicable requirements than without a level, more than at SL 1, and says why', async () => {
    const all = await report('iec-62443-4-2');
    const sl1 = await report('iec-62443-4-2', '?sl=1');
    const sl2 = await report('iec-62443-4-2', '?sl=2');
    const sl4 = await report('iec-62443-4-2', '?sl=4');
    expect(all.filterOptions.securityLevels).toEqual([1, 2, 3, 4]);
    expect(applicable(sl2.requirements).length).toBeLessThan(applicable(all.requirements).length);
    expect(sl1.summary.total).toBeLessThan(sl2.summary.total);
    expect(sl2.summary.total).toBeLessThan(sl4.summary.total);
    const fromSl3 = flat(sl2.requirements).find((r) => r.levels[0] === '3');
    expect(fromSl3).toMatchObject({ coverage: 'not-applicable', reason: { en: 'applies from SL 3' } });
    // Every requirement the filter keeps lists level 2; unverified level data is named, not hidden.
    for (const r of applicable(sl2.requirements)) if (r.levels.length > 0) expect(r.levels, r.id).toContain('2');
    expect(Array.isArray(sl2.unverifiedLevels)).toBe(true);
    expect(all.unverifiedLevels).toEqual([]);
  });

  it('componentType=edr makes delegated CRs and other device types not applicable, and keeps the EDR variants', async () => {
    const edr = await report('iec-62443-4-2', '?componentType=edr');
    const rows = flat(edr.requirements);
    const variants = rows.filter((r) => r.kind === 'variant');
    const delegated = rows.filter((r) => r.kind !== 'variant' && variants.some((v) => v.parentId === r.id));
    expect(delegated.length).toBeGreaterThan(0);
    for (const r of delegated) expect(r, r.id).toMatchObject({ coverage: 'not-applicable', reason: { en: expect.stringMatching(/^device-type specific/) } });
    const ownVariants = variants.filter((v) => v.appliesTo.includes('edr'));
    expect(ownVariants.length).toBeGreaterThan(0);
    for (const v of ownVariants) expect(v.coverage, v.id).not.toBe('not-applicable');
    for (const v of variants.filter((x) => !x.appliesTo.includes('edr'))) expect(v.coverage, v.id).toBe('not-applicable');
    expect(edr.summary.total).toBeLessThan((await report('iec-62443-4-2')).summary.total);
  });

  it('ETSI EN 303 645 filters by status and by the conditions that hold', async () => {
    const all = await report('etsi-en-303-645');
    expect(all.filterOptions.statuses).toEqual(['mandatory', 'recommended']);
    expect(all.filterOptions.conditions.map((c) => c.id)).toEqual(expect.arrayContaining(['1', '8']));
    const mandatory = await report('etsi-en-303-645', '?status=mandatory&conditions=1,8');
    for (const r of mandatory.requirements) {
      const keeps = r.status === 'mandatory' && r.conditions.every((c) => c === '1' || c === '8');
      expect(r.coverage === 'not-applicable', r.id).toBe(!keeps);
    }
    const none = await report('etsi-en-303-645', '?conditions=');
    for (const r of none.requirements) expect(r.coverage === 'not-applicable', r.id).toBe(r.conditions.length > 0);
    expect(none.summary.total).toBeLessThan(all.summary.total);
  });

  it('JC-STAR ★1 requirements whose content is unconfirmed are pending verification, never out of scope', async () => {
    const jc = await report('jc-star-1');
    const pending = jc.requirements.filter((r) => r.coverage === 'pending');
    expect(pending.map((r) => r.id)).toEqual(expect.arrayContaining(['S1.1-09', 'S1.1-14']));
    for (const r of pending) expect(r.reason?.ja.length, r.id).toBeGreaterThan(0);
    expect(jc.summary['out-of-scope']).toBe(0);
    expect(jc.summary.pending).toBe(pending.length);
  });

  it('bad filter values are refused with 400 naming the query field', async () => {
    const c42 = `${base()}/coverage/iec-62443-4-2`;
    const etsi = `${base()}/coverage/etsi-en-303-645`;
    expect(await refused(`${c42}?sl=5`)).toEqual(['query.sl']);
    expect(await refused(`${c42}?sl=0`)).toEqual(['query.sl']);
    expect(await refused(`${c42}?sl=two`)).toEqual(['query.sl']);
    expect(await refused(`${c42}?sl=2.5`)).toEqual(['query.sl']);
    expect(await refused(`${c42}?sl=1&sl=2`)).toEqual(['query.sl']);
    expect(await refused(`${c42}?componentType=plc`)).toEqual(['query.componentType']);
    expect(await refused(`${etsi}?status=optional`)).toEqual(['query.status']);
    expect(await refused(`${etsi}?conditions=1,99`)).toEqual(['query.conditions']);
    expect(await refused(`${etsi}?conditions=${'x'.repeat(600)}`)).toEqual(['query.conditions']);
    expect(await refused(`${etsi}?conditions=%3Cscript%3E`)).toEqual(['query.conditions']);
    // Filters the standard has no data for are refused too, not silently ignored.
    expect(await refused(`${etsi}?sl=2`)).toEqual(['query.sl']);
    expect(await refused(`${etsi}?componentType=edr`)).toEqual(['query.componentType']);
    expect(await refused(`${c42}?conditions=1`)).toEqual(['query.conditions']);
    expect(await refused(`${c42}?status=recommended`)).toEqual(['query.status']);
    expect(await refused(`${c42}?level=2`)).toEqual(['query']);
  });

  it('unknown editions and standards answer 404', async () => {
    expect((await api.admin.request('GET', `${base()}/coverage/no-such-standard`)).statusCode).toBe(404);
    expect((await api.admin.request('GET', '/api/editions/no-such-edition/coverage')).statusCode).toBe(404);
    expect((await api.admin.request('GET', '/api/editions/no-such-edition/unbacked')).statusCode).toBe(404);
  });

  it('the cross-standard view lists target requirements with the relationships on both sides, one hop only', async () => {
    // A requirement of 62443-4-2 that some item maps to, and that item's ETSI mappings.
    const item = content.requirements.find(
      (r) =>
        r.mappings.some((m) => m.standard === 'iec-62443-4-2' && m.relationship !== 'no-relationship') &&
        r.mappings.some((m) => m.standard === 'etsi-en-303-645'),
    );
    const from = item?.mappings.find((m) => m.standard === 'iec-62443-4-2' && m.relationship !== 'no-relationship');
    if (!item || !from) throw new Error('the bundled content maps no item to both standards');
    const query = new URLSearchParams({ from: 'iec-62443-4-2', requirement: from.requirement, to: 'etsi-en-303-645' });
    const view = await json<{
      from: { standard: string; requirement: string };
      targets: { id: string; via: { requirementId: string; fromRelationship: string; toRelationship: string }[] }[];
    }>(`${base()}/cross?${query}`);
    expect(view.from).toMatchObject({ standard: 'iec-62443-4-2', requirement: from.requirement });
    expect(view.targets.length).toBeGreaterThan(0);
    for (const target of view.targets) {
      for (const via of target.via) {
        const through = content.requirements.find((r) => r.id === via.requirementId);
        expect(through?.mappings).toContainEqual(
          expect.objectContaining({ standard: 'iec-62443-4-2', requirement: from.requirement, relationship: via.fromRelationship }),
        );
        expect(through?.mappings).toContainEqual(
          expect.objectContaining({ standard: 'etsi-en-303-645', requirement: target.id, relationship: via.toRelationship }),
        );
      }
    }
    const viaItem = view.targets.flatMap((t) => t.via).some((v) => v.requirementId === item.id);
    expect(viaItem).toBe(true);
  });

  it('bad cross-standard queries are refused naming the field', async () => {
    const cross = (q: Record<string, string>) => `${base()}/cross?${new URLSearchParams(q)}`;
    expect(await refused(cross({ requirement: 'CR 1.1', to: 'etsi-en-303-645' }))).toEqual(['query.from']);
    expect(await refused(cross({ from: 'iec-62443-4-2', requirement: 'CR 99.9', to: 'etsi-en-303-645' }))).toEqual(['query.requirement']);
    expect(await refused(cross({ from: 'iec-62443-4-2', requirement: 'CR 1.1', to: 'iso-27001' }))).toEqual(['query.to']);
    expect(await refused(cross({ from: 'nope', requirement: 'CR 1.1', to: 'nope' }))).toEqual(['query.from', 'query.to']);
  });

  it('anonymous visitors get 401 while anonymous reading is off, and the same answers once it is on', async () => {
    const anon = new ApiClient(api.app);
    const cross = new URLSearchParams({ from: 'iec-62443-4-2', requirement: 'CR 1.1', to: 'etsi-en-303-645' });
    const urls = [`${base()}/coverage`, `${base()}/coverage/jc-star-1`, `${base()}/unbacked`, `${base()}/cross?${cross}`];
    for (const url of urls) expect((await anon.request('GET', url)).statusCode, url).toBe(401);
    // A filter the standard cannot take answers 401 first: nothing about the standard's data leaks.
    expect((await anon.request('GET', `${base()}/coverage/iec-62443-4-2?conditions=1`)).statusCode).toBe(401);
    expect((await api.admin.request('PUT', '/api/admin/settings', { anonymousRead: true })).statusCode).toBe(200);
    try {
      for (const url of urls) expect((await anon.request('GET', url)).body, url).toBe((await api.admin.request('GET', url)).body);
    } finally {
      await api.admin.request('PUT', '/api/admin/settings', { anonymousRead: false });
    }
  });
});
