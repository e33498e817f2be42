import { describe, expect, it } from 'vitest';
import { blankAnswers, type Answer } from '../../src/core/assessment/assessment.types.js';
import { generateChecksheet } from '../../src/core/assessment/checksheet.js';
import type { ChecksheetItem, ChecksheetSpec } from '../../src/core/assessment/checksheet.types.js';
import { derivedView } from '../../src/core/assessment/derived-view.js';
import { readinessFor } from '../../src/core/assessment/readiness.js';
import type { DerivedRequirement } from '../../src/core/assessment/results.types.js';
import type { Verdict } from '../../src/core/assessment/verdicts.js';
import { coverageOf } from '../../src/core/coverage/coverage.js';
import { AppError } from '../../src/core/errors.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { edition, item, node, standard } from '../helpers/mini-edition.js';

/** Answers for the items, every one unassessed except those named. */
function answer(items: readonly ChecksheetItem[], verdicts: Readonly<Record<string, Verdict>>): Answer[] {
  return blankAnswers({ items: [...items] }).map((a) => {
    const verdict = verdicts[a.requirementId] ?? 'unassessed';
    return { ...a, verdict, comment: verdict === 'not-applicable' ? 'no such interface' : '' };
  });
}

const allOf = (target: ChecksheetSpec['target'], profile: string[] | null = null): ChecksheetSpec => ({ layers: [], phases: [], profile, target });

/**
 * A hand-made JC-STAR ★1 with eight requirements and nine guidebook items.
 * The checksheet targets jc-star-1 with an empty profile, so item g (needs
 * has-web-ui) is excluded and item i (no JC-STAR link) is not in it.
 *
 *   item  no   links into jc-star-1                 verdict
 *   a     A-1  S1.1-01 equal-to                     pass
 *   b     A-2  S1.1-01 superset-of, -03 superset-of fail
 *   c     A-3  S1.1-02 superset-of                  partial
 *   d     A-4  S1.1-02 intersects-with, -06 subset  pass
 *   e     A-5  S1.1-06 intersects-with              fail
 *   f     A-6  S1.1-04 equal-to                     not-applicable
 *   g     A-7  S1.1-05 superset-of (profile-excluded; verdict null)
 *   h     A-8  S1.1-03 superset-of, -05 equivalent  needs-review
 *   i     A-9  (none)
 *
 * Expected, by the rules (carrying = equal/equivalent/superset; partial = subset/intersects):
 *
 *   req      carried (verdicts)        partial evidence   result            conflict  readiness
 *   S1.1-01  A-1 pass, A-2 fail        -                  met (a pass wins) yes       met
 *   S1.1-02  A-3 partial               A-4 pass           partially-met     no        not-met
 *   S1.1-03  A-2 fail, A-8 needs-rev.  -                  not-met           no        not-met
 *   S1.1-04  A-6 not-applicable        -                  not-applicable    no        met
 *   S1.1-05  A-7 null, A-8 needs-rev.  -                  unknown           no        unknown
 *   S1.1-06  -                         A-4 pass, A-5 fail partial-evidence  no        unknown
 *   S1.1-07  -                         -                  no-items (gap)    no        unknown
 *   S1.1-08  -                         -                  no-items (pending: declared, unconfirmed) unknown
 *
 * Readiness: met 2 (01, 04), not-met 2 (02, 03), unknown 4 → scheme not-met.
 */
const jc = standard(
  'jc-star-1',
  ['01', '02', '03', '04', '05', '06', '07', '08'].map((n) => node(`S1.1-${n}`, 'requirement')),
);
const ed = edition({
  standards: [jc],
  requirements: [
    item('a', 'A-1', { maps: [['jc-star-1', 'S1.1-01', 'equal-to']] }),
    item('b', 'A-2', {
      maps: [
        ['jc-star-1', 'S1.1-01', 'superset-of'],
        ['jc-star-1', 'S1.1-03', 'superset-of'],
      ],
    }),
    item('c', 'A-3', { maps: [['jc-star-1', 'S1.1-02', 'superset-of']] }),
    item('d', 'A-4', {
      maps: [
        ['jc-star-1', 'S1.1-02', 'intersects-with'],
        ['jc-star-1', 'S1.1-06', 'subset-of'],
      ],
    }),
    item('e', 'A-5', { maps: [['jc-star-1', 'S1.1-06', 'intersects-with']] }),
    item('f', 'A-6', { maps: [['jc-star-1', 'S1.1-04', 'equal-to']] }),
    item('g', 'A-7', { applicability: ['has-web-ui'], maps: [['jc-star-1', 'S1.1-05', 'superset-of']] }),
    item('h', 'A-8', {
      maps: [
        ['jc-star-1', 'S1.1-03', 'superset-of'],
        ['jc-star-1', 'S1.1-05', 'equivalent-to'],
      ],
    }),
    item('i', 'A-9'),
  ],
  outOfScope: [{ standard: 'jc-star-1', declarations: [{ requirement: 'S1.1-08', reason: { ja: '未確認', en: 'unconfirmed' }, unconfirmedTarget: true }] }],
});
const sheet = generateChecksheet(ed, allOf({ standard: 'jc-star-1' }, []));
const given: Record<string, Verdict> = { a: 'pass', b: 'fail', c: 'partial', d: 'pass', e: 'fail', f: 'not-applicable', h: 'needs-review' };
const answers = answer(sheet.items, given);

/** A requirement reduced to what the table above states. */
const row = (r: DerivedRequirement) => ({
  result: r.result,
  conflict: r.conflict,
  carried: r.carried.map((l) => `${l.no} ${l.relationship} ${l.verdict}`),
  partialEvidence: r.partialEvidence.map((l) => `${l.no} ${l.relationship} ${l.verdict}`),
});

describe('derived view of a hand-made JC-STAR ★1', () => {
  it('the checksheet holds the linked items the profile allows', () => {
    expect(sheet.items.map((i) => i.no)).toEqual(['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-8']);
    expect(sheet.excluded.map((x) => x.no)).toEqual(['A-7']);
  });

  it('gives every requirement the result worked out by hand', () => {
    const view = derivedView(ed, sheet.items, answers, 'jc-star-1');
    expect(Object.fromEntries(view.requirements.map((r) => [r.id, row(r)]))).toEqual({
      'S1.1-01': { result: 'met', conflict: true, carried: ['A-1 equal-to pass', 'A-2 superset-of fail'], partialEvidence: [] },
      'S1.1-02': { result: 'partially-met', conflict: false, carried: ['A-3 superset-of partial'], partialEvidence: ['A-4 intersects-with pass'] },
      'S1.1-03': { result: 'not-met', conflict: false, carried: ['A-2 superset-of fail', 'A-8 superset-of needs-review'], partialEvidence: [] },
      'S1.1-04': { result: 'not-applicable', conflict: false, carried: ['A-6 equal-to not-applicable'], partialEvidence: [] },
      'S1.1-05': { result: 'unknown', conflict: false, carried: ['A-7 superset-of null', 'A-8 equivalent-to needs-review'], partialEvidence: [] },
      'S1.1-06': { result: 'partial-evidence', conflict: false, carried: [], partialEvidence: ['A-4 subset-of pass', 'A-5 intersects-with fail'] },
      'S1.1-07': { result: 'no-items', conflict: false, carried: [], partialEvidence: [] },
      'S1.1-08': { result: 'no-items', conflict: false, carried: [], partialEvidence: [] },
    });
    expect(view.requirements.filter((r) => r.result === 'no-items').map((r) => [r.id, r.coverage])).toEqual([
      ['S1.1-07', 'gap'],
      ['S1.1-08', 'pending'],
    ]);
    expect(view.summary).toEqual({
      met: 1,
      'partially-met': 1,
      'not-met': 1,
      'not-applicable': 1,
      'partial-evidence': 1,
      unknown: 1,
      'no-items': 2,
      total: 8,
    });
    expect(view.standard).toMatchObject({ id: 'jc-star-1', version: '1' });
  });

  it('readiness for JC-STAR ★1 is not met: two requirements fall short', () => {
    const readiness = readinessFor(ed, sheet.items, answers, 'jc-star-1');
    expect(readiness?.label).toEqual({ ja: 'JC-STAR ★1', en: 'JC-STAR ★1' });
    expect(readiness?.standardId).toBe('jc-star-1');
    expect(readiness?.state).toBe('not-met');
    expect(readiness?.counts).toEqual({ met: 2, 'not-met': 2, unknown: 4 });
    expect(readiness?.requirements.map((r) => [r.id, r.state])).toEqual([
      ['S1.1-01', 'met'],
      ['S1.1-02', 'not-met'],
      ['S1.1-03', 'not-met'],
      ['S1.1-04', 'met'],
      ['S1.1-05', 'unknown'],
      ['S1.1-06', 'unknown'],
      ['S1.1-07', 'unknown'],
      ['S1.1-08', 'unknown'],
    ]);
    expect(readiness?.requirements[5]?.partialEvidence.map((l) => l.requirementId)).toEqual(['d', 'e']);
  });

  it('fixing the failures leaves readiness unknown while items are open or missing', () => {
    // b and c now pass: S1.1-01 has no conflict, S1.1-02 and -03 are met; 05..08 stay unknown.
    const fixed = answer(sheet.items, { ...given, b: 'pass', c: 'pass' });
    const view = derivedView(ed, sheet.items, fixed, 'jc-star-1');
    expect(view.requirements.map((r) => r.result)).toEqual(['met', 'met', 'met', 'not-applicable', 'unknown', 'partial-evidence', 'no-items', 'no-items']);
    expect(view.requirements.some((r) => r.conflict)).toBe(false);
    const readiness = readinessFor(ed, sheet.items, fixed, 'jc-star-1');
    expect(readiness?.state).toBe('unknown');
    expect(readiness?.counts).toEqual({ met: 4, 'not-met': 0, unknown: 4 });
  });

  it('an item missing from the checksheet alone never makes a requirement not applicable', () => {
    // S1.1-05: A-7 is not in the checksheet, A-8 says not applicable → still unknown.
    const view = derivedView(ed, sheet.items, answer(sheet.items, { h: 'not-applicable' }), 'jc-star-1');
    expect(view.requirements.find((r) => r.id === 'S1.1-05')?.result).toBe('unknown');
    // With the web UI in the profile A-7 is in the checksheet; both not applicable → not-applicable.
    const withUi = generateChecksheet(ed, allOf({ standard: 'jc-star-1' }, ['has-web-ui']));
    const both = derivedView(ed, withUi.items, answer(withUi.items, { g: 'not-applicable', h: 'not-applicable' }), 'jc-star-1');
    expect(both.requirements.find((r) => r.id === 'S1.1-05')?.result).toBe('not-applicable');
  });

  it('refuses a standard the edition lacks with not-found', () => {
    expect(() => derivedView(ed, sheet.items, answers, 'nope')).toThrow(AppError);
    expect(() => derivedView(ed, sheet.items, answers, 'nope')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(readinessFor(ed, sheet.items, answers, 'etsi-en-303-645-mandatory')).toBeNull();
  });
});

describe('derived view filters and enhancements', () => {
  /**
   * R1 with enhancements RE(1) and RE(2) (recommended), R2 recommended, R3.
   * Status filter mandatory: nodes without a status pass, recommended ones drop.
   */
  const std = standard('std-e', [
    node('R1', 'requirement', { children: [node('R1 RE(1)', 'enhancement'), node('R1 RE(2)', 'enhancement', { status: 'recommended' })] }),
    node('R2', 'requirement', { status: 'recommended' }),
    node('R3', 'requirement'),
  ]);
  const edE = edition({
    standards: [std],
    requirements: [item('x', 'X-1', { maps: [['std-e', 'R1 RE(1)', 'equal-to']] }), item('y', 'Y-1', { maps: [['std-e', 'R3', 'intersects-with']] })],
  });
  const items = generateChecksheet(edE, allOf(null)).items;
  const done = answer(items, { x: 'pass', y: 'fail' });

  it('flattens enhancements right after their base requirement', () => {
    const view = derivedView(edE, items, done, 'std-e');
    expect(view.requirements.map((r) => [r.id, r.kind, r.parentId, r.result])).toEqual([
      ['R1', 'requirement', null, 'no-items'],
      ['R1 RE(1)', 'enhancement', 'R1', 'met'],
      ['R1 RE(2)', 'enhancement', 'R1', 'no-items'],
      ['R2', 'requirement', null, 'no-items'],
      ['R3', 'requirement', null, 'partial-evidence'],
    ]);
  });

  it('lists only what applies under the filters and echoes them', () => {
    const view = derivedView(edE, items, done, 'std-e', { statuses: ['mandatory'] });
    expect(view.requirements.map((r) => r.id)).toEqual(['R1', 'R1 RE(1)', 'R3']);
    expect(view.filters).toEqual({ statuses: ['mandatory'] });
    expect(view.summary).toMatchObject({ total: 3, met: 1, 'partial-evidence': 1, 'no-items': 1 });
  });
});

describe('ETSI EN 303 645 mandatory readiness (hand-made)', () => {
  /**
   * 5.1-1 mandatory (a equal-to, pass), 5.1-2 recommended (no items),
   * 5.1-3 mandatory (b superset-of, not applicable). Only the two mandatory
   * provisions count: both ready → met. The recommended gap does not matter.
   */
  const etsi = standard('etsi-en-303-645', [
    node('5.1-1', 'provision', { status: 'mandatory' }),
    node('5.1-2', 'provision', { status: 'recommended' }),
    node('5.1-3', 'provision', { status: 'mandatory' }),
  ]);
  const edEtsi = edition({
    standards: [etsi],
    requirements: [
      item('a', 'A-1', { maps: [['etsi-en-303-645', '5.1-1', 'equal-to']] }),
      item('b', 'A-2', { maps: [['etsi-en-303-645', '5.1-3', 'superset-of']] }),
    ],
  });
  const items = generateChecksheet(edEtsi, allOf(null)).items;

  it('counts only the mandatory provisions', () => {
    const readiness = readinessFor(edEtsi, items, answer(items, { a: 'pass', b: 'not-applicable' }), 'etsi-en-303-645-mandatory');
    expect(readiness).toMatchObject({
      scheme: 'etsi-en-303-645-mandatory',
      standardId: 'etsi-en-303-645',
      label: { ja: 'ETSI EN 303 645 必須規定', en: 'ETSI EN 303 645 mandatory provisions' },
      state: 'met',
      counts: { met: 2, 'not-met': 0, unknown: 0 },
    });
    expect(readiness?.requirements.map((r) => [r.id, r.result, r.state])).toEqual([
      ['5.1-1', 'met', 'met'],
      ['5.1-3', 'not-applicable', 'met'],
    ]);
    expect(readinessFor(edEtsi, items, answer(items, { a: 'pass', b: 'partial' }), 'etsi-en-303-645-mandatory')?.state).toBe('not-met');
    expect(readinessFor(edEtsi, items, answer(items, { a: 'pass' }), 'etsi-en-303-645-mandatory')?.state).toBe('unknown');
    expect(readinessFor(edEtsi, items, [], 'jc-star-1')).toBeNull();
  });
});

describe('readiness on the bundled edition', () => {
  const loaded = loadContent(defaultContentDir());
  if (!loaded.ok) throw new Error('bundled content must be valid');
  const bundled = loaded.edition;
  const passAll = (items: readonly ChecksheetItem[]) => answer(items, Object.fromEntries(items.map((i) => [i.requirementId, 'pass' as const])));

  /**
   * Coverage of JC-STAR ★1 in the bundled content: 16 requirements, 8
   * covered (a carrying link), 6 partial (only intersects-with links: where
   * the ★1 evaluation items are not confirmed, no strong link is claimed) and
   * 2 pending (S1.1-09, -14: declared, content unconfirmed). The jc-star-1
   * checksheet holds every item linked to them, so with every item passing
   * the 8 covered ones are met, the 6 partial ones are partial evidence and
   * the 2 pending ones have no items: readiness is unknown with 8 met and 8
   * unknown, nothing not met. An unconfirmed requirement is never met.
   */
  it('JC-STAR ★1 with every item passing: covered requirements met, the rest unknown', () => {
    const coverage = coverageOf(bundled, 'jc-star-1');
    expect(coverage.summary).toMatchObject({ total: 16, covered: 8, partial: 6, pending: 2, gap: 0, 'out-of-scope': 0 });
    const sheetJc = generateChecksheet(bundled, allOf({ standard: 'jc-star-1' }));
    const done = passAll(sheetJc.items);
    const view = derivedView(bundled, sheetJc.items, done, 'jc-star-1');
    expect(view.summary).toEqual({
      met: 8,
      'partially-met': 0,
      'not-met': 0,
      'not-applicable': 0,
      'partial-evidence': 6,
      unknown: 0,
      'no-items': 2,
      total: 16,
    });
    // Every link points into the checksheet: nothing is unknown for want of an item.
    expect(view.requirements.flatMap((r) => [...r.carried, ...r.partialEvidence]).every((l) => l.verdict === 'pass')).toBe(true);
    const covered = coverage.requirements.filter((r) => r.coverage === 'covered').map((r) => r.id);
    expect(view.requirements.filter((r) => r.result === 'met').map((r) => r.id)).toEqual(covered);
    const readiness = readinessFor(bundled, sheetJc.items, done, 'jc-star-1');
    expect(readiness?.state).toBe('unknown');
    expect(readiness?.counts).toEqual({ met: 8, 'not-met': 0, unknown: 8 });
    expect(readiness?.requirements.filter((r) => r.state === 'unknown').map((r) => r.id)).toEqual([
      'S1.1-01',
      'S1.1-05',
      'S1.1-06',
      'S1.1-07',
      'S1.1-09',
      'S1.1-13',
      'S1.1-14',
      'S1.1-16',
    ]);
  });

  it('JC-STAR ★1 is not met once every item carrying one requirement fails', () => {
    const sheetJc = generateChecksheet(bundled, allOf({ standard: 'jc-star-1' }));
    const carrying = derivedView(bundled, sheetJc.items, [], 'jc-star-1')
      .requirements.find((r) => r.id === 'S1.1-03')
      ?.carried.map((l) => l.requirementId);
    expect(carrying?.length).toBeGreaterThan(0);
    const done = passAll(sheetJc.items).map((a) => (carrying?.includes(a.requirementId) ? { ...a, verdict: 'fail' as const } : a));
    const readiness = readinessFor(bundled, sheetJc.items, done, 'jc-star-1');
    expect(readiness?.state).toBe('not-met');
    expect(readiness?.requirements.find((r) => r.id === 'S1.1-03')).toMatchObject({ state: 'not-met', result: 'not-met' });
  });

  /**
   * ETSI EN 303 645 has 33 mandatory provisions (35 recommended ones drop out):
   * 31 covered and 2 only partly (5.1-3, 5.3-3). The mandatory-only
   * checksheet with every item passing leaves 31 met and those 2 unknown.
   */
  it('ETSI EN 303 645 mandatory provisions with every item passing', () => {
    const sheetEtsi = generateChecksheet(bundled, allOf({ standard: 'etsi-en-303-645', mandatoryOnly: true }));
    expect(coverageOf(bundled, 'etsi-en-303-645', { statuses: ['mandatory'] }).summary).toMatchObject({ total: 33, covered: 31, partial: 2 });
    const readiness = readinessFor(bundled, sheetEtsi.items, passAll(sheetEtsi.items), 'etsi-en-303-645-mandatory');
    expect(readiness?.counts).toEqual({ met: 31, 'not-met': 0, unknown: 2 });
    expect(readiness?.state).toBe('unknown');
    expect(readiness?.requirements.filter((r) => r.state === 'unknown').map((r) => [r.id, r.result])).toEqual([
      ['5.1-3', 'partial-evidence'],
      ['5.3-3', 'partial-evidence'],
    ]);
  });
});

describe('a requirement whose content is unconfirmed', () => {
  it('is never shown as met, even if content wrongly carries a strong link and every item passes', () => {
    const std = standard('jc-star-1', [node('S1.1-01', 'requirement'), node('S1.1-09', 'requirement', { unconfirmed: true })]);
    const e = edition({
      standards: [std],
      requirements: [
        item('a', 'D-1.1', { maps: [['jc-star-1', 'S1.1-01', 'superset-of']] }),
        item('b', 'D-1.2', { maps: [['jc-star-1', 'S1.1-09', 'superset-of']] }),
        item('c', 'D-1.3', { maps: [['jc-star-1', 'S1.1-09', 'supports']] }),
      ],
    });
    const sheetU = generateChecksheet(e, allOf({ standard: 'jc-star-1' }));
    const done = answer(sheetU.items, { a: 'pass', b: 'pass', c: 'pass' });
    const readiness = readinessFor(e, sheetU.items, done, 'jc-star-1');
    expect(readiness?.requirements.map((r) => [r.id, r.state])).toEqual([
      ['S1.1-01', 'met'],
      ['S1.1-09', 'unknown'],
    ]);
    expect(readiness?.state).toBe('unknown');
    // The supportive item is not in the checksheet for that requirement: supportive links never select or answer.
    expect(sheetU.items.map((i) => i.requirementId)).toEqual(['a', 'b']);
  });
});
