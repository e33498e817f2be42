import { describe, expect, it } from 'vitest';
import { coverageOf, itemsBackedByNoStandard } from '../../src/core/coverage/coverage.js';
import { coverageChange } from '../../src/core/coverage/coverage-diff.js';
import { crossStandard } from '../../src/core/coverage/cross-standard.js';
import type { CoverageReport } from '../../src/core/coverage/coverage.types.js';
import { edition, item, node, standard } from '../helpers/mini-edition.js';

/**
 * A hand-made standard and three guidebook items; every expected value below
 * was worked out by hand from GUIDE §1's rules.
 *
 *   G1: R1, R2 (SL 1-4; RE(1) from SL 2), R3 (delegated: EDR 3, HDR 3), R4 withdrawn,
 *       R5 mandatory if condition 1, R6 recommended, R7 (declared out of scope),
 *       R8 (unconfirmed; pending), R9
 *   A (device × S/W design): R1 superset-of, R2 subset-of, EDR 3 equivalent-to
 *   B (service × operation): R2 intersects-with, R5 equivalent-to, R6 no-relationship
 *   C (device × operation): no mapping — backed by no standard
 */
const std = standard('std-a', [
  node('G1', 'group', {
    children: [
      node('R1', 'requirement'),
      node('R2', 'requirement', { levels: ['1', '2', '3', '4'], children: [node('R2 RE(1)', 'enhancement', { levels: ['2', '3', '4'] })] }),
      node('R3', 'requirement', {
        children: [node('EDR 3', 'variant', { appliesTo: ['edr'] }), node('HDR 3', 'variant', { appliesTo: ['hdr'], confidence: 'recall' })],
      }),
      node('R4', 'requirement', { status: 'withdrawn' }),
      node('R5', 'provision', { status: 'mandatory', conditions: ['1'] }),
      node('R6', 'provision', { status: 'recommended' }),
      node('R7', 'requirement'),
      node('R8', 'requirement', { unconfirmed: true }),
      node('R9', 'requirement'),
    ],
  }),
]);
const ed = edition({
  standards: [std],
  requirements: [
    item('a', 'A-1', {
      maps: [
        ['std-a', 'R1', 'superset-of'],
        ['std-a', 'R2', 'subset-of'],
        ['std-a', 'EDR 3', 'equivalent-to'],
      ],
    }),
    item('b', 'B-1', {
      layers: ['service'],
      phases: ['operation'],
      maps: [
        ['std-a', 'R2', 'intersects-with'],
        ['std-a', 'R5', 'equivalent-to'],
        ['std-a', 'R6', 'no-relationship'],
      ],
    }),
    item('c', 'C-1', { phases: ['operation'] }),
  ],
  outOfScope: [
    {
      standard: 'std-a',
      declarations: [
        { requirement: 'R7', reason: { ja: '組織統制', en: 'organisational control' } },
        { requirement: 'R8', reason: { ja: '未確認', en: 'unconfirmed' }, unconfirmedTarget: true },
      ],
    },
  ],
});

const statusOf = (report: CoverageReport) => Object.fromEntries(report.requirements.map((r) => [r.id, r.coverage]));

describe('coverage engine', () => {
  it('classifies every requirement and names the items behind it', () => {
    const report = coverageOf(ed, 'std-a');
    expect(statusOf(report)).toEqual({
      R1: 'covered',
      R2: 'partial',
      R3: 'gap',
      'EDR 3': 'covered',
      'HDR 3': 'gap',
      R4: 'not-applicable',
      R5: 'covered',
      R6: 'gap',
      R7: 'out-of-scope',
      R8: 'pending',
      R9: 'gap',
    });
    expect(report.summary).toEqual({ total: 10, covered: 3, partial: 1, 'out-of-scope': 1, pending: 1, gap: 4, 'not-applicable': 1 });
    const r2 = report.requirements.find((r) => r.id === 'R2');
    expect(r2?.links.map((l) => [l.requirementId, l.relationship])).toEqual([
      ['a', 'subset-of'],
      ['b', 'intersects-with'],
    ]);
    expect(r2?.enhancements.map((e) => [e.id, e.coverage])).toEqual([['R2 RE(1)', 'gap']]);
    expect(report.requirements.find((r) => r.id === 'R7')?.reason?.en).toBe('organisational control');
    expect(report.requirements.find((r) => r.id === 'EDR 3')?.parentId).toBe('R3');
    expect(report.groups).toEqual([{ id: 'G1', title: std.requirements[0]?.title, counts: report.summary }]);
  });

  it('counts coverage per layer × phase from the items in each cell', () => {
    const cells = coverageOf(ed, 'std-a').cells;
    const cell = (layer: string, phase: string) => cells.find((c) => c.layer === layer && c.phase === phase);
    expect(cell('device', 'design.software')).toMatchObject({ covered: 2, partial: 1 });
    expect(cell('service', 'operation')).toMatchObject({ covered: 1, partial: 1 });
    expect(cell('device', 'operation')).toMatchObject({ covered: 0, partial: 0 });
    expect(cells).toHaveLength(40);
  });

  it('a component type replaces delegated requirements by their variant of that type', () => {
    const report = coverageOf(ed, 'std-a', { componentType: 'edr' });
    expect(statusOf(report)).toMatchObject({ R3: 'not-applicable', 'EDR 3': 'covered', 'HDR 3': 'not-applicable' });
    expect(report.requirements.find((r) => r.id === 'R3')?.reason?.en).toBe('device-type specific: see EDR 3');
    expect(report.summary).toMatchObject({ total: 8, covered: 3, gap: 2, 'not-applicable': 3 });
    expect(statusOf(coverageOf(ed, 'std-a', { componentType: 'sar' }))).toMatchObject({ R3: 'not-applicable', 'EDR 3': 'not-applicable' });
  });

  it('a security level counts the enhancements that apply at it, and says where level data is unverified', () => {
    const sl1 = coverageOf(ed, 'std-a', { securityLevel: 1 });
    expect(sl1.summary).toMatchObject({ total: 10, gap: 4, 'not-applicable': 2 });
    const sl2 = coverageOf(ed, 'std-a', { securityLevel: 2 });
    expect(sl2.summary).toMatchObject({ total: 11, gap: 5, 'not-applicable': 1 });
    expect(sl2.unverifiedLevels).toEqual(['HDR 3']);
    expect(coverageOf(ed, 'std-a').unverifiedLevels).toEqual([]);
  });

  it('status and condition filters follow mandatory/recommended and conditional provisions', () => {
    expect(statusOf(coverageOf(ed, 'std-a', { statuses: ['mandatory'] }))).toMatchObject({ R5: 'covered', R6: 'not-applicable', R1: 'covered' });
    expect(statusOf(coverageOf(ed, 'std-a', { conditionsHeld: [] }))).toMatchObject({ R5: 'not-applicable' });
    expect(statusOf(coverageOf(ed, 'std-a', { conditionsHeld: ['1'] }))).toMatchObject({ R5: 'covered' });
  });

  it('lists guidebook items backed by no standard', () => {
    expect(itemsBackedByNoStandard(ed).map((r) => r.id)).toEqual(['c']);
  });

  it('refuses an unknown standard with not-found', () => {
    expect(() => coverageOf(ed, 'nope')).toThrow(/not in edition/);
  });
});

describe('cross-standard view', () => {
  const stdB = standard('std-b', [node('B1', 'requirement'), node('B2', 'requirement'), node('B3', 'requirement')]);
  const stdC = standard('std-c', [node('C1', 'requirement')]);
  // x links A:R1 to B:B2 and B:B1; y links A:R1 to C:C1 only; z links C:C1 to B:B3 (a second hop that must not be followed).
  const ed2 = edition({
    standards: [std, stdB, stdC],
    requirements: [
      item('x', 'X-1', {
        maps: [
          ['std-a', 'R1', 'subset-of'],
          ['std-b', 'B2', 'equivalent-to'],
          ['std-b', 'B1', 'intersects-with'],
        ],
      }),
      item('y', 'Y-1', {
        maps: [
          ['std-a', 'R1', 'superset-of'],
          ['std-c', 'C1', 'subset-of'],
        ],
      }),
      item('z', 'Z-1', {
        maps: [
          ['std-c', 'C1', 'equivalent-to'],
          ['std-b', 'B3', 'equivalent-to'],
        ],
      }),
    ],
  });

  it('lists the requirements of B that share guidebook items with a requirement of A, both relationships shown', () => {
    const view = crossStandard(ed2, 'std-a', 'R1', 'std-b');
    expect(view.targets.map((t) => t.id)).toEqual(['B1', 'B2']);
    expect(view.targets[1]?.via).toEqual([
      { requirementId: 'x', number: 'X-1', title: expect.anything(), fromRelationship: 'subset-of', toRelationship: 'equivalent-to' },
    ]);
  });

  it('never chains through a second standard', () => {
    expect(crossStandard(ed2, 'std-a', 'R1', 'std-b').targets.map((t) => t.id)).not.toContain('B3');
    expect(crossStandard(ed2, 'std-a', 'R1', 'std-c').targets.map((t) => [t.id, t.via.map((v) => v.requirementId)])).toEqual([['C1', ['y']]]);
  });

  it('names an unknown requirement', () => {
    expect(() => crossStandard(ed2, 'std-a', 'R99', 'std-b')).toThrow(/R99 is not a requirement of std-a/);
  });
});

describe('coverage change between editions', () => {
  it('names the standard requirements whose status changed and both summaries', () => {
    // After: item a loses its R1 link (covered → gap) and b's R2 link becomes equivalent (partial → covered).
    const after = edition({
      ...ed,
      requirements: [
        item('a', 'A-1', {
          maps: [
            ['std-a', 'R2', 'subset-of'],
            ['std-a', 'EDR 3', 'equivalent-to'],
          ],
        }),
        item('b', 'B-1', {
          layers: ['service'],
          phases: ['operation'],
          maps: [
            ['std-a', 'R2', 'equivalent-to'],
            ['std-a', 'R5', 'equivalent-to'],
          ],
        }),
      ],
    });
    const [change] = coverageChange(ed, after);
    expect(change?.changed).toEqual([
      { id: 'R1', from: 'covered', to: 'gap' },
      { id: 'R2', from: 'partial', to: 'covered' },
    ]);
    expect(change?.before).toMatchObject({ covered: 3, partial: 1, gap: 4 });
    expect(change?.after).toMatchObject({ covered: 3, partial: 0, gap: 5 });
    expect(coverageChange(ed, ed)[0]?.changed).toEqual([]);
  });
});
