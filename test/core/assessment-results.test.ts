import { describe, expect, it } from 'vitest';
import { type Answer, type AssessmentView, blankAnswers } from '../../src/core/assessment/assessment.types.js';
import { generateChecksheet } from '../../src/core/assessment/checksheet.js';
import type { ChecksheetItem } from '../../src/core/assessment/checksheet.types.js';
import { compareAssessments } from '../../src/core/assessment/compare.js';
import { assessmentScores } from '../../src/core/assessment/scores.js';
import type { ScoreGroup } from '../../src/core/assessment/results.types.js';
import type { Verdict } from '../../src/core/assessment/verdicts.js';
import { edition, item } from '../helpers/mini-edition.js';

function answer(items: readonly ChecksheetItem[], verdicts: Readonly<Record<string, Verdict>>): Answer[] {
  return blankAnswers({ items: [...items] }).map((a) => {
    const verdict = verdicts[a.requirementId] ?? 'unassessed';
    return { ...a, verdict, comment: verdict === 'not-applicable' ? 'not on this product' : '' };
  });
}

/** A group reduced to what the hand calculation gives: total, score, completion. */
const brief = (g: ScoreGroup | undefined) => (g ? { id: g.id, total: g.counts.total, score: g.score, completion: g.completion } : undefined);

describe('assessment scores', () => {
  /**
   * Six items; threat categories: cat (with child sub), other, unused.
   *
   *   item  layers           phases                      category  verdict
   *   i1    device           design.software             cat       pass
   *   i2    device, network  operation                   sub→cat   partial
   *   i3    service          design.software, operation  other     not-applicable
   *   i4    device           operation                   sub→cat   needs-review
   *   i5    network          planning                    other     fail
   *   i6    service          planning                    cat       unassessed
   *
   * score = (pass + ½ partial) / (total − not-applicable); completion = decided / total
   *   overall          (1 + ½) / (6 − 1) = 0.3      4/6
   *   service  i3 i6   0 / (2 − 1) = 0              1/2
   *   platform —       null                         0
   *   network  i2 i5   ½ / 2 = 0.25                 2/2
   *   device   i1 i2 i4 (1 + ½) / 3 = 0.5           2/3
   *   planning i5 i6   0 / 2 = 0                    1/2
   *   design.software i1 i3  1 / (2 − 1) = 1       2/2
   *   operation i2 i3 i4  ½ / (3 − 1) = 0.25       2/3
   *   cat      i1 i2 i4 i6  1.5 / 4 = 0.375         2/4
   *   other    i3 i5   0 / (2 − 1) = 0              2/2
   *   unused   no items: not listed
   */
  const base = edition();
  const ed = edition({
    taxonomy: {
      ...base.taxonomy,
      threatCategories: [
        { id: 'cat', label: { ja: '脅威A', en: 'Threat A' }, children: [{ id: 'sub', label: { ja: '脅威A-1', en: 'Threat A-1' } }] },
        { id: 'other', label: { ja: '脅威B', en: 'Threat B' } },
        { id: 'unused', label: { ja: '脅威C', en: 'Threat C' } },
      ],
    },
    requirements: [
      item('i1', 'N-1', { layers: ['device'], phases: ['design.software'], threatCategory: 'cat' }),
      item('i2', 'N-2', { layers: ['device', 'network'], phases: ['operation'], threatCategory: 'sub' }),
      item('i3', 'N-3', { layers: ['service'], phases: ['design.software', 'operation'], threatCategory: 'other' }),
      item('i4', 'N-4', { layers: ['device'], phases: ['operation'], threatCategory: 'sub' }),
      item('i5', 'N-5', { layers: ['network'], phases: ['planning'], threatCategory: 'other' }),
      item('i6', 'N-6', { layers: ['service'], phases: ['planning'], threatCategory: 'cat' }),
    ],
  });
  const items = generateChecksheet(ed, { layers: [], phases: [], profile: null, target: null }).items;
  const answers = answer(items, { i1: 'pass', i2: 'partial', i3: 'not-applicable', i4: 'needs-review', i5: 'fail' });
  const scores = assessmentScores(ed, items, answers);

  it('overall counts every verdict; open items count as not met', () => {
    expect(scores.overall.counts).toEqual({ pass: 1, partial: 1, fail: 1, 'not-applicable': 1, unassessed: 1, 'needs-review': 1, total: 6 });
    expect(scores.overall.score).toBeCloseTo(0.3, 10);
    expect(scores.overall.completion).toBeCloseTo(4 / 6, 10);
  });

  it('by layer in LAYERS order with the taxonomy labels, an item in two layers counting in both', () => {
    expect(scores.byLayer.map(brief)).toEqual([
      { id: 'service', total: 2, score: 0, completion: 0.5 },
      { id: 'platform', total: 0, score: null, completion: 0 },
      { id: 'network', total: 2, score: 0.25, completion: 1 },
      { id: 'device', total: 3, score: 0.5, completion: expect.closeTo(2 / 3, 10) },
    ]);
    expect(scores.byLayer[3]?.label).toEqual(ed.taxonomy.layers.find((l) => l.id === 'device')?.label);
  });

  it('by phase in PHASES order', () => {
    const used = scores.byPhase.filter((g) => g.counts.total > 0).map(brief);
    expect(used).toEqual([
      { id: 'planning', total: 2, score: 0, completion: 0.5 },
      { id: 'design.software', total: 2, score: 1, completion: 1 },
      { id: 'operation', total: 3, score: 0.25, completion: expect.closeTo(2 / 3, 10) },
    ]);
    expect(scores.byPhase.map((g) => g.id)).toEqual(ed.taxonomy.phases.map((p) => p.id));
  });

  it('by top-level threat category, only those with items', () => {
    expect(scores.byThreatCategory.map(brief)).toEqual([
      { id: 'cat', total: 4, score: 0.375, completion: 0.5 },
      { id: 'other', total: 2, score: 0, completion: 1 },
    ]);
    expect(scores.byThreatCategory[0]?.label).toEqual({ ja: '脅威A', en: 'Threat A' });
  });

  it('nothing applicable gives no score; nothing at all gives no completion', () => {
    const i3 = items.filter((i) => i.requirementId === 'i3');
    const onlyNa = assessmentScores(ed, i3, answer(i3, { i3: 'not-applicable' }));
    expect(onlyNa.overall).toMatchObject({ score: null, completion: 1 });
    expect(assessmentScores(ed, [], []).overall).toMatchObject({ score: null, completion: 0, counts: { total: 0 } });
  });

  it('an item without an answer counts as unassessed', () => {
    expect(assessmentScores(ed, items, []).overall.counts).toMatchObject({ unassessed: 6, total: 6 });
  });
});

describe('comparing two assessments', () => {
  const ed = edition({ requirements: ['p', 'q', 'r', 's', 't', 'u', 'v', 'w'].map((id, n) => item(id, `C-${n + 1}`)) });
  const all = generateChecksheet(ed, { layers: [], phases: [], profile: null, target: null }).items;
  const view = (id: string, without: string, verdicts: Record<string, Verdict>): AssessmentView => {
    const items = all.filter((i) => i.requirementId !== without);
    return {
      id,
      title: `assessment ${id}`,
      status: 'final',
      organisation: { id: 'org', name: 'Org' },
      product: { id: 'prod', name: 'Router', model: null },
      productVersion: null,
      edition: { id: ed.meta.id, title: ed.meta.title, date: ed.meta.date },
      spec: { layers: [], phases: [], profile: null, target: null },
      assessor: null,
      carriedFrom: null,
      createdAt: '2099-01-01T00:00:00.000Z',
      updatedAt: '2099-01-02T00:00:00.000Z',
      finalisedAt: '2099-01-02T00:00:00.000Z',
      contentHash: null,
      version: 3,
      items,
      answers: answer(items, verdicts),
    };
  };
  /**
   *   item  before          after          change
   *   p     fail            pass           improved
   *   q     pass            partial        regressed
   *   r     not-applicable  pass           changed (not-applicable has no rank)
   *   s     pass            pass           same
   *   t     unassessed      needs-review   changed (neither is ranked)
   *   u     —               fail           added
   *   v     pass            —              removed (listed last)
   *   w     fail            partial        improved
   * Scores: before (q s v pass) 3 / (7 − 1) = 0.5; after (p r s pass, q w partial) 4 / 7.
   */
  const before = view('A1', 'u', { p: 'fail', q: 'pass', r: 'not-applicable', s: 'pass', v: 'pass', w: 'fail' });
  const after = view('A2', 'v', { p: 'pass', q: 'partial', r: 'pass', s: 'pass', t: 'needs-review', u: 'fail', w: 'partial' });
  const cmp = compareAssessments(ed, before, ed, after);

  it('matches items by requirement id, after’s order first, removed ones last', () => {
    expect(cmp.items.map((i) => [i.requirementId, i.no, i.before, i.after, i.change])).toEqual([
      ['p', 'C-1', 'fail', 'pass', 'improved'],
      ['q', 'C-2', 'pass', 'partial', 'regressed'],
      ['r', 'C-3', 'not-applicable', 'pass', 'changed'],
      ['s', 'C-4', 'pass', 'pass', 'same'],
      ['t', 'C-5', 'unassessed', 'needs-review', 'changed'],
      ['u', 'C-6', null, 'fail', 'added'],
      ['w', 'C-8', 'fail', 'partial', 'improved'],
      ['v', 'C-7', 'pass', null, 'removed'],
    ]);
    expect(cmp.counts).toEqual({ improved: 2, regressed: 1, same: 1, changed: 2, added: 1, removed: 1 });
  });

  it('names both sides and scores each', () => {
    expect(cmp.before).toEqual({ id: 'A1', title: 'assessment A1', editionId: '2099.1', finalisedAt: '2099-01-02T00:00:00.000Z' });
    expect(cmp.after.id).toBe('A2');
    expect(cmp.scores.before.overall.score).toBeCloseTo(0.5, 10);
    expect(cmp.scores.after.overall.score).toBeCloseTo(4 / 7, 10);
  });
});
