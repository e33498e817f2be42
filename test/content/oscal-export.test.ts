import { describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { exportOscalCatalog } from '../../src/content/oscal/export-catalog.js';
import { exportOscalMapping } from '../../src/content/oscal/export-mapping.js';
import { toToken } from '../../src/content/oscal/oscal-ids.js';
import { oscalValidator } from '../helpers/oscal-schema.js';
import { sharedAvailable } from '../helpers/shared-reference.js';

const loaded = loadContent(defaultContentDir());
if (!loaded.ok) throw new Error('bundled content must be valid');
const edition = loaded.edition;

describe.skipIf(!sharedAvailable())('OSCAL export of the bundled edition', () => {
  it('the catalog validates against the OSCAL 1.2.1 catalog schema', () => {
    const doc = exportOscalCatalog(edition);
    const result = oscalValidator('catalog')(doc);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('groups by phase and carries every requirement with its props and bilingual parts', () => {
    const { catalog } = exportOscalCatalog(edition) as {
      catalog: {
        groups: { id: string; controls: { id: string; props: { name: string; value: string }[]; parts: { name: string; class: string; prose: string }[] }[] }[];
      };
    };
    const controls = catalog.groups.flatMap((g) => g.controls);
    expect(controls).toHaveLength(edition.requirements.length);
    expect(catalog.groups.map((g) => g.id)).toEqual(
      edition.taxonomy.phases.map((p) => p.id).filter((p) => controls.some((c) => c.props.some((x) => x.name === 'phase' && x.value === p))),
    );
    const r = edition.requirements[0];
    const c = controls.find((x) => x.id === r?.id);
    expect(c?.props).toEqual(expect.arrayContaining([{ name: 'label', value: r?.number }]));
    expect(c?.props.filter((p) => p.name === 'layer').map((p) => p.value)).toEqual(r?.layers);
    expect(c?.parts.map((p) => `${p.name}/${p.class}`)).toEqual([
      'criteria/ja',
      'interpretation/ja',
      'verification/ja',
      'criteria/en',
      'interpretation/en',
      'verification/en',
    ]);
    expect(c?.parts[0]?.prose).toContain(r?.criteria[0]?.ja);
  });

  it('the mapping collection validates against the OSCAL 1.2.1 mapping schema and carries every link', () => {
    const doc = exportOscalMapping(edition);
    const result = oscalValidator('mapping')(doc);
    expect(result.errors).toEqual([]);
    const maps = (doc['mapping-collection'].mappings as { maps: { relationship: string; targets: { props: { value: string }[] }[] }[] }[]).flatMap(
      (m) => m.maps,
    );
    expect(maps).toHaveLength(edition.requirements.reduce((n, r) => n + r.mappings.length, 0));
    expect(maps.some((m) => m.targets[0]?.props[0]?.value === 'CR 1.1')).toBe(true);
  });

  it('exports a supportive link as no set relationship with a supportive-relationship prop, and every review state as a prop', () => {
    type Map = { relationship: string; sources: { 'id-ref': string }[]; props?: { name: string; value: string }[]; targets: { props: { value: string }[] }[] };
    const maps = (exportOscalMapping(edition)['mapping-collection'].mappings as { maps: Map[] }[]).flatMap((m) => m.maps);
    const prop = (m: Map | undefined, name: string) => m?.props?.find((p) => p.name === name)?.value;
    const supportive = maps.filter((m) => prop(m, 'supportive-relationship') === 'supports');
    const expected = edition.requirements.reduce((n, r) => n + r.mappings.filter((m) => m.relationship === 'supports').length, 0);
    expect(expected).toBeGreaterThan(0);
    expect(supportive).toHaveLength(expected);
    expect(supportive.every((m) => m.relationship === 'no-relationship')).toBe(true);
    expect(maps.every((m) => ['unreviewed', 'reviewed', 'disputed'].includes(prop(m, 'review-state') ?? ''))).toBe(true);
    const review = edition.reviews?.flatMap((f) => f.reviews.map((r) => ({ ...r, standard: f.standard }))).find((r) => r.state === 'reviewed');
    const reviewed = maps.find((m) => m.sources[0]?.['id-ref'] === review?.item && m.targets[0]?.props[0]?.value === review?.requirement);
    expect([prop(reviewed, 'review-state'), prop(reviewed, 'reviewed-by'), prop(reviewed, 'review-date')]).toEqual(['reviewed', review?.by, review?.date]);
  });

  it('is deterministic: the same edition exports the same documents', () => {
    expect(JSON.stringify(exportOscalCatalog(edition))).toBe(JSON.stringify(exportOscalCatalog(edition)));
    expect(JSON.stringify(exportOscalMapping(edition))).toBe(JSON.stringify(exportOscalMapping(edition)));
  });
});

describe('OSCAL tokens', () => {
  it('turns standard ids into OSCAL tokens', () => {
    expect(toToken('CR 1.1 RE(1)')).toBe('CR_1.1_RE_1');
    expect(toToken('03.01.01')).toBe('_03.01.01');
    expect(toToken('I.2(a)')).toBe('I.2_a');
    expect(toToken('SM-1')).toBe('SM-1');
  });
});
