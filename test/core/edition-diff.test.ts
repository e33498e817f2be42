import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/core/edition-diff.js';
import type { Edition, GlossaryTerm, Requirement } from '../../src/core/model/edition.schema.js';
import { item } from '../helpers/mini-edition.js';

/** Tiny editions built by hand; every expected change below is worked out by reading them. */
const t = (s: string) => ({ ja: `${s}（ja）`, en: s });

/** The mini-edition's item: device layer, software design phase, one of each text. */
const req = item;

const term = (id: string, extra: Partial<GlossaryTerm> = {}): GlossaryTerm => ({
  id,
  term: t(id),
  definition: t(`${id} means`),
  related: [],
  industryUsage: [],
  ...extra,
});

const map = (standard: string, requirement: string, relationship: Requirement['mappings'][number]['relationship'], why = 'why') => ({
  standard,
  requirement,
  relationship,
  rationale: t(why),
});

function edition(id: string, parts: Partial<Edition>): Edition {
  return {
    meta: { id, title: t(`Edition ${id}`), status: 'published', date: '2026-01-01', changelog: [] },
    taxonomy: { layers: [], stages: [], phases: [], threatCategories: [{ id: 'cat', label: t('cat') }], applicability: [] },
    requirements: [],
    glossary: [],
    standards: [],
    outOfScope: [],
    ...parts,
  };
}

const before = edition('2026.1', {
  requirements: [
    req('a', 'D-1.1', { mappings: [map('std', 'R1', 'subset-of'), map('std', 'R2', 'intersects-with')] }),
    req('b', 'D-1.2', { mappings: [map('std', 'R3', 'equivalent-to')] }),
    req('c', 'D-1.3'),
  ],
  glossary: [term('x'), term('y')],
});

describe('edition diff', () => {
  it('an edition compared with itself has no changes', () => {
    const d = diffEditions(before, structuredClone(before));
    expect(d.summary.unchanged).toBe(true);
    expect(d.requirements).toEqual({ added: [], removed: [], changed: [] });
    expect(d.mappings).toEqual([]);
    expect(d.meta).toEqual([]);
  });

  it('finds added, removed and changed requirements, field by field', () => {
    const after = edition('2026.2', {
      requirements: [
        // a: English title and layers changed; mappings unchanged.
        req('a', 'D-1.1', { title: { ja: t('a').ja, en: 'A, renamed' }, layers: ['device', 'network'], mappings: before.requirements[0]?.mappings ?? [] }),
        // b: unchanged apart from order in the list.
        req('b', 'D-1.2', { mappings: [map('std', 'R3', 'equivalent-to')] }),
        // c removed; d added.
        req('d', 'D-1.4', { criteria: [t('new criterion')] }),
      ],
      glossary: [term('x'), term('y')],
    });
    after.requirements.reverse();
    const d = diffEditions(before, after);
    expect(d.requirements.added.map((r) => r.id)).toEqual(['d']);
    expect(d.requirements.removed).toEqual([{ id: 'c', number: 'D-1.3', title: t('c') }]);
    expect(d.requirements.changed).toEqual([
      {
        id: 'a',
        number: 'D-1.1',
        title: { ja: 'a（ja）', en: 'A, renamed' },
        fields: [
          { field: 'title', before: t('a'), after: { ja: 'a（ja）', en: 'A, renamed' } },
          { field: 'layers', before: ['device'], after: ['device', 'network'] },
        ],
      },
    ]);
    expect(d.summary).toMatchObject({
      requirementsAdded: 1,
      requirementsRemoved: 1,
      requirementsChanged: 1,
      mappingsAdded: 0,
      mappingsRemoved: 0,
      unchanged: false,
    });
  });

  it('reports every other requirement field that changes', () => {
    const changed = req('c', 'D-9.9', {
      phases: ['operation'],
      threatCategory: 'other',
      criteria: [t('c2')],
      interpretation: [{ attack: t('a2'), countermeasures: [t('m2')] }],
      verification: { methods: ['interview'], steps: [t('s2')] },
      applicability: ['has-web-ui'],
      references: [{ type: 'cwe', id: 'CWE-79' }],
      terms: ['x'],
    });
    const after = edition('2026.2', {
      requirements: [before.requirements[0] as Requirement, before.requirements[1] as Requirement, changed],
      glossary: before.glossary,
    });
    const fields = diffEditions(before, after).requirements.changed[0]?.fields.map((f) => f.field);
    expect(fields).toEqual(['number', 'phases', 'threatCategory', 'criteria', 'interpretation', 'verification', 'applicability', 'references', 'terms']);
  });

  it('lists mapping links added, removed and changed per standard and requirement', () => {
    const [a, b, c] = before.requirements as [Requirement, Requirement, Requirement];
    const after = edition('2026.2', {
      requirements: [
        // a: R1 relationship subset-of → equivalent-to; R2 removed; R9 added.
        { ...a, mappings: [map('std', 'R1', 'equivalent-to'), map('std', 'R9', 'superset-of')] },
        // b: R3 rationale reworded only.
        { ...b, mappings: [map('std', 'R3', 'equivalent-to', 'because')] },
        c,
      ],
      glossary: before.glossary,
    });
    const d = diffEditions(before, after);
    expect(d.mappings).toEqual([
      {
        kind: 'changed',
        requirementId: 'a',
        number: 'D-1.1',
        standard: 'std',
        target: 'R1',
        before: { relationship: 'subset-of', rationale: t('why') },
        after: { relationship: 'equivalent-to', rationale: t('why') },
        fields: ['relationship'],
      },
      {
        kind: 'added',
        requirementId: 'a',
        number: 'D-1.1',
        standard: 'std',
        target: 'R9',
        after: { relationship: 'superset-of', rationale: t('why') },
        fields: [],
      },
      {
        kind: 'changed',
        requirementId: 'b',
        number: 'D-1.2',
        standard: 'std',
        target: 'R3',
        before: { relationship: 'equivalent-to', rationale: t('why') },
        after: { relationship: 'equivalent-to', rationale: t('because') },
        fields: ['rationale'],
      },
      {
        kind: 'removed',
        requirementId: 'a',
        number: 'D-1.1',
        standard: 'std',
        target: 'R2',
        before: { relationship: 'intersects-with', rationale: t('why') },
        fields: [],
      },
    ]);
    // Mappings are not repeated as a requirement field change.
    expect(d.requirements.changed).toEqual([]);
    expect(d.summary).toMatchObject({ mappingsAdded: 1, mappingsRemoved: 1, mappingsChanged: 2 });
  });

  it("a removed requirement's mappings are removed links, an added one's are added links", () => {
    const [a, , c] = before.requirements as [Requirement, Requirement, Requirement];
    const after = edition('2026.2', { requirements: [a, c, req('e', 'D-2.1', { mappings: [map('other', 'X-1', 'intersects-with')] })] });
    const d = diffEditions(before, after);
    expect(d.mappings.map((m) => `${m.kind} ${m.requirementId} ${m.standard} ${m.target}`)).toEqual(['added e other X-1', 'removed b std R3']);
  });

  it('finds glossary terms added, removed and changed, and meta changes', () => {
    const after = edition('2026.2', {
      requirements: before.requirements,
      glossary: [term('x', { definition: t('x now means'), related: ['z'] }), term('z', { reading: 'ぜっと' })],
    });
    after.meta = { ...after.meta, title: t('Edition 2026.1'), changelog: [{ date: '2026-02-01', text: t('second') }] };
    const d = diffEditions(before, after);
    expect(d.glossary.added).toEqual([{ id: 'z', title: t('z') }]);
    expect(d.glossary.removed).toEqual([{ id: 'y', title: t('y') }]);
    expect(d.glossary.changed).toEqual([
      {
        id: 'x',
        title: t('x'),
        fields: [
          { field: 'definition', before: t('x means'), after: t('x now means') },
          { field: 'related', before: [], after: ['z'] },
        ],
      },
    ]);
    // Same title; only the changelog differs (id and status are not meta changes).
    expect(d.meta).toEqual([{ field: 'changelog', before: [], after: [{ date: '2026-02-01', text: t('second') }] }]);
    expect(d.from.id).toBe('2026.1');
    expect(d.to.id).toBe('2026.2');
  });

  it('names whole sections that differ but are not compared field by field', () => {
    const after = {
      ...structuredClone(before),
      standards: [{ id: 's', title: t('s'), version: '1', publisher: 'p', licence: t('l'), source: 'x', confidence: 'verified' as const, requirements: [] }],
    };
    const d = diffEditions(before, after);
    expect(d.other).toEqual(['standards']);
    expect(d.summary.unchanged).toBe(false);
  });
});
