import type { Edition } from '../model/edition.schema.js';
import type { AssessmentView } from './assessment.types.js';
import type { ChecksheetItem } from './checksheet.types.js';
import type { AssessmentComparison, ItemChange } from './results.types.js';
import { assessmentScores, verdictsByItem } from './scores.js';
import type { Verdict } from './verdicts.js';

/** Verdicts that say how well an item is met, worst first; the others (open or not applicable) have no rank. */
const RANK: Partial<Record<Verdict, number>> = { fail: 0, partial: 1, pass: 2 };

export function itemChange(before: Verdict | null, after: Verdict | null): ItemChange {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  if (before === after) return 'same';
  const from = RANK[before];
  const to = RANK[after];
  if (from === undefined || to === undefined) return 'changed';
  return to > from ? 'improved' : 'regressed';
}

const side = (a: AssessmentView) => ({ id: a.id, title: a.title, editionId: a.edition.id, finalisedAt: a.finalisedAt });

/** Two assessments of one product, item by item (matched by requirement id; after's order, then removed items) and score by score. */
export function compareAssessments(beforeEdition: Edition, before: AssessmentView, afterEdition: Edition, after: AssessmentView): AssessmentComparison {
  const was = verdictsByItem(before.items, before.answers);
  const now = verdictsByItem(after.items, after.answers);
  const removed = before.items.filter((i) => !now.has(i.requirementId));
  const row = (i: ChecksheetItem) => {
    const b = was.get(i.requirementId) ?? null;
    const a = now.get(i.requirementId) ?? null;
    return { requirementId: i.requirementId, no: i.no, title: i.title, before: b, after: a, change: itemChange(b, a) };
  };
  const items = [...after.items, ...removed].map(row);
  const counts: Record<ItemChange, number> = { improved: 0, regressed: 0, same: 0, changed: 0, added: 0, removed: 0 };
  for (const i of items) counts[i.change] += 1;
  return {
    before: side(before),
    after: side(after),
    items,
    counts,
    scores: { before: assessmentScores(beforeEdition, before.items, before.answers), after: assessmentScores(afterEdition, after.items, after.answers) },
  };
}
