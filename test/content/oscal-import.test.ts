import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOscalCatalog } from '../../src/content/oscal/import-catalog.js';
import type { StandardNode } from '../../src/core/model/edition.schema.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared-reference.js';

const nist = (name: string) => readFileSync(join(SHARED_DIR, 'data', 'nist', name), 'utf8');
const flat = (nodes: readonly StandardNode[]): StandardNode[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);

describe.skipIf(!sharedAvailable())('OSCAL catalog import of the NIST files', () => {
  it('imports SP 800-171 rev3 from the official XML: 17 families, 97 active, 33 withdrawn kept and marked', () => {
    const r = importOscalCatalog(nist('NIST_SP800-171_rev3_catalog.xml'), 'rev3.xml', { id: 'nist-171r3-imported' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.catalog.counts).toEqual({ groups: 17, requirements: 97, withdrawn: 33 });
    const nodes = flat(r.catalog.standard.requirements);
    expect(nodes.find((n) => n.id === '03.01.01')).toMatchObject({ kind: 'requirement', title: { en: 'Account Management' } });
    expect(nodes.find((n) => n.id === '03.01.13')).toMatchObject({ status: 'withdrawn', title: { en: 'Withdrawn: see 03.13.08' } });
    // the nested statement controls are part of their requirement, not requirements of their own
    expect(nodes.some((n) => n.id.startsWith('SP_800_171_SR'))).toBe(false);
    expect(r.catalog.standard.id).toBe('nist-171r3-imported');
  });

  it('imports SP 800-171 rev2 from the community JSON although its group ids are not tokens: 14 families, 110', () => {
    const r = importOscalCatalog(nist('community_FATHOM5_NIST_SP-800-171_rev2_catalog.json'), 'rev2.json');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.catalog.counts).toEqual({ groups: 14, requirements: 110, withdrawn: 0 });
    expect(r.catalog.standard.requirements.map((g) => g.id).slice(0, 2)).toEqual(['3.1', '3.2']);
  });

  it('rejects a truncated JSON file naming line and column, and returns nothing', () => {
    const text = nist('community_FATHOM5_NIST_SP-800-171_rev2_catalog.json');
    const cut = text.slice(0, Math.floor(text.length / 2));
    const r = importOscalCatalog(cut, 'rev2-cut.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.where).toMatch(/^rev2-cut\.json:\d+:\d+$/);
    expect(r.problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('rejects an XML file with a broken element naming its line', () => {
    const lines = nist('NIST_SP800-171_rev3_catalog.xml').split('\n');
    lines[69] = lines[69]?.replace('<control ', '<control broken="') ?? '';
    const r = importOscalCatalog(lines.join('\n'), 'rev3-broken.xml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.where).toMatch(/^rev3-broken\.xml:7\d:\d+$/);
  });
});

describe('OSCAL import of bad structures', () => {
  it('names the JSON pointer of a control without id', () => {
    const doc = { catalog: { metadata: { title: 'T' }, groups: [{ id: 'g', title: 'G', controls: [{ title: 'no id' }] }] } };
    const r = importOscalCatalog(JSON.stringify(doc), 'x.json');
    expect(r).toEqual({
      ok: false,
      problems: [{ where: '/catalog/groups/0/controls/0/id', message: 'missing: a control needs an id', code: 'required', params: { field: 'id' } }],
    });
  });

  it('says when the document is not a catalog', () => {
    const r = importOscalCatalog('{"profile": {}}', 'p.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ where: '/catalog' });
  });

  it('does not expand hostile XML entities', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><catalog><metadata><title>&b;</title></metadata><control id="c1"><title>x</title></control></catalog>';
    const r = importOscalCatalog(xml, 'evil.xml');
    if (r.ok) expect(r.catalog.standard.title.en.length).toBeLessThan(200);
  });
});

describe('OSCAL import of an SP 800-53-shaped catalog', () => {
  // The shape of NIST SP 800-53 rev5 and its resolved baselines: families as
  // groups, controls labelled AC-2, enhancements nested as child controls
  // AC-2(1), withdrawn controls kept with a status prop.
  const catalog = {
    catalog: {
      uuid: '74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724',
      metadata: { title: 'Security and Privacy Controls (shape test)', version: '5.1.1', 'oscal-version': '1.1.2' },
      groups: [
        {
          id: 'ac',
          class: 'family',
          title: 'Access Control',
          controls: [
            {
              id: 'ac-2',
              class: 'SP800-53',
              title: 'Account Management',
              props: [
                { name: 'label', value: 'AC-2' },
                { name: 'sort-id', value: 'ac-02' },
              ],
              controls: [
                { id: 'ac-2.1', class: 'SP800-53-enhancement', title: 'Automated System Account Management', props: [{ name: 'label', value: 'AC-2(1)' }] },
                {
                  id: 'ac-2.10',
                  class: 'SP800-53-enhancement',
                  title: 'Shared and Group Account Credential Change',
                  props: [{ name: 'status', value: 'withdrawn' }],
                },
              ],
            },
            { id: 'ac-3', class: 'SP800-53', title: 'Access Enforcement', props: [{ name: 'label', value: 'AC-3' }] },
          ],
        },
      ],
    },
  };

  it('keeps enhancements under their control and counts base controls', () => {
    const r = importOscalCatalog(JSON.stringify(catalog), '800-53.json', { id: 'sp-800-53-shape' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.catalog.counts).toEqual({ groups: 1, requirements: 2, withdrawn: 1 });
    const ac2 = r.catalog.standard.requirements[0]?.children?.[0];
    expect(ac2).toMatchObject({ id: 'AC-2', kind: 'requirement', title: { en: 'Account Management' } });
    expect(ac2?.children?.map((c) => [c.id, c.kind, c.status ?? null])).toEqual([
      ['AC-2(1)', 'enhancement', null],
      ['ac-2.10', 'enhancement', 'withdrawn'],
    ]);
  });
});
