import { describe, expect, it } from 'vitest';
import { reviewsAfterItemChange } from '../../src/core/mapping-review.js';
import type { ReviewFile } from '../../src/core/model/edition.schema.js';

const link = (requirement: string, relationship = 'intersects-with', en = 'overlap') => ({
  standard: 'iec-62443-4-2',
  requirement,
  relationship,
  rationale: { ja: '重なる', en },
});
const record = (item: string, requirement: string) => ({ item, requirement, state: 'reviewed' as const, by: 'editors', date: '2026-12-05' });
const reviews: ReviewFile[] = [
  { standard: 'iec-62443-4-2', reviews: [record('a', 'CR 1.1'), record('a', 'CR 1.2'), record('a', 'CR 1.3'), record('b', 'CR 1.1')] },
];
const requirements = (files: ReviewFile[] | undefined) => files?.[0]?.reviews.map((r) => `${r.item} ${r.requirement}`);

describe('review records when an editor changes an item', () => {
  it('a link that is gone, retargeted or changed in relationship or rationale is unreviewed again; the rest stay', () => {
    const before = [link('CR 1.1'), link('CR 1.2'), link('CR 1.3')];
    const after = [link('CR 1.1'), link('CR 1.2', 'superset-of'), link('CR 1.4')];
    expect(requirements(reviewsAfterItemChange(reviews, 'a', before, after))).toEqual(['a CR 1.1', 'b CR 1.1']);
    expect(requirements(reviewsAfterItemChange(reviews, 'a', before, [link('CR 1.1', 'intersects-with', 'reworded'), ...before.slice(1)]))).toEqual([
      'a CR 1.2',
      'a CR 1.3',
      'b CR 1.1',
    ]);
  });

  it('an unchanged item keeps every record; a deleted one loses all of its own; none recorded stays none', () => {
    const before = [link('CR 1.1'), link('CR 1.2'), link('CR 1.3')];
    expect(requirements(reviewsAfterItemChange(reviews, 'a', before, before))).toEqual(['a CR 1.1', 'a CR 1.2', 'a CR 1.3', 'b CR 1.1']);
    expect(requirements(reviewsAfterItemChange(reviews, 'a', before, undefined))).toEqual(['b CR 1.1']);
    expect(reviewsAfterItemChange(undefined, 'a', before, [])).toBeUndefined();
  });
});
