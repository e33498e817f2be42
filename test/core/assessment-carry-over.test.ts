import { describe, expect, it } from 'vitest';
import { type Answer, type AttachmentMeta, blankAnswers } from '../../src/core/assessment/assessment.types.js';
import { carryOver } from '../../src/core/assessment/carry-over.js';
import { generateChecksheet } from '../../src/core/assessment/checksheet.js';
import type { Edition } from '../../src/core/model/edition.schema.js';
import { edition, item } from '../helpers/mini-edition.js';

const all = (ed: Edition) => generateChecksheet(ed, { layers: [], phases: [], profile: null, target: null });
const file = (name: string): AttachmentMeta => ({
  id: `att-${name}`,
  sha256: name.padEnd(64, '0'),
  filename: `${name}.png`,
  downloadName: `${name}.png`,
  mediaType: 'image/png',
  size: 10,
  uploadedAt: '2099-01-01T00:00:00.000Z',
});

/**
 * Old edition: x, y (Y-1), z (Z-1). New edition: x renumbered X-01 but
 * otherwise the same (the hash ignores the number), y with new criteria,
 * z gone, w new.
 *
 *   item  old answer                         carried to the new edition
 *   x     pass, evidence, attachment, defect unchanged: kept whole, 項番 X-01
 *   y     fail, evidence, comment, attachment changed: evidence/comment/attachment kept,
 *                                            needs-review, review changed, previous fail, no defect
 *   z     pass                               removed (listed)
 *   w     —                                  new: blank, review new
 */
const oldEd = edition({ meta: { ...edition().meta, id: '2099.1' }, requirements: [item('x', 'X-1'), item('y', 'Y-1'), item('z', 'Z-1')] });
const newEd = edition({
  meta: { ...edition().meta, id: '2099.2' },
  requirements: [item('w', 'W-1'), item('x', 'X-01'), item('y', 'Y-1', { criteria: [{ ja: '新しい基準', en: 'a stricter criterion' }] })],
});
const oldSheet = all(oldEd);
const newSheet = all(newEd);
const base = new Map(blankAnswers(oldSheet).map((a) => [a.requirementId, a] as const));
const at = (id: string, extra: Partial<Answer>): Answer => {
  const a = base.get(id);
  if (!a) throw new Error(`no item ${id}`);
  return { ...a, ...extra };
};
const oldAnswers: Answer[] = [
  at('x', {
    verdict: 'pass',
    evidence: 'config dump',
    attachments: [file('x')],
    defect: { kind: 'unclear', note: 'which port?', proposalId: 'p1' },
    updatedAt: '2099-01-05T00:00:00.000Z',
  }),
  at('y', { verdict: 'fail', evidence: 'log', comment: 'weak cipher', attachments: [file('y')], defect: { kind: 'wrong', note: 'typo', proposalId: 'p2' } }),
  at('z', { verdict: 'pass' }),
];

describe('carrying an assessment over to a newer edition', () => {
  const { answers, summary } = carryOver({ editionId: '2099.1', items: oldSheet.items, answers: oldAnswers }, newSheet);

  it('follows the new checksheet order and numbers', () => {
    expect(answers.map((a) => [a.requirementId, a.no])).toEqual(newSheet.items.map((i) => [i.requirementId, i.no]));
    expect(answers.map((a) => a.no)).toEqual(['W-1', 'X-01', 'Y-1']);
  });

  it('keeps an unchanged answer whole, attachments and flag included', () => {
    expect(answers[1]).toEqual({ ...oldAnswers[0], no: 'X-01' });
  });

  it('sends a changed item to review with its evidence and attachments kept', () => {
    expect(answers[2]).toEqual({
      ...oldAnswers[1],
      verdict: 'needs-review',
      review: 'changed',
      previousVerdict: 'fail',
      defect: null,
    });
    expect(answers[2]?.attachments).toEqual([file('y')]);
  });

  it('starts a new item blank, marked new', () => {
    expect(answers[0]).toMatchObject({
      requirementId: 'w',
      verdict: 'unassessed',
      evidence: '',
      comment: '',
      review: 'new',
      previousVerdict: null,
      attachments: [],
    });
  });

  it('summarises what happened to each item', () => {
    expect(summary).toEqual({
      fromEdition: '2099.1',
      toEdition: '2099.2',
      unchanged: ['x'],
      changed: ['y'],
      added: ['w'],
      removed: [{ requirementId: 'z', no: 'Z-1' }],
    });
  });

  it('a second change before review keeps the verdict the assessor gave', () => {
    const newer = edition({
      meta: { ...edition().meta, id: '2099.3' },
      requirements: [item('y', 'Y-1', { criteria: [{ ja: 'さらに新しい基準', en: 'an even stricter criterion' }] })],
    });
    const again = carryOver({ editionId: '2099.2', items: newSheet.items, answers }, all(newer));
    expect(again.answers[0]).toMatchObject({ verdict: 'needs-review', review: 'changed', previousVerdict: 'fail', evidence: 'log' });
  });
});
