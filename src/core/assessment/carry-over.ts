import { type Answer, blankAnswers } from './assessment.types.js';
import type { Checksheet, ChecksheetItem } from './checksheet.types.js';
import type { CarryOverSummary } from './results.types.js';

type Kind = 'unchanged' | 'changed' | 'added';

/** The old answer of an item whose checked text changed: its evidence stays, its verdict awaits review. */
function changedAnswer(old: Answer, no: string): Answer {
  // Carried twice without review: keep the verdict the assessor actually gave.
  const previous = old.verdict === 'needs-review' && old.previousVerdict ? old.previousVerdict : old.verdict;
  // Never answered: nothing to review, but the assessor should know the text is new.
  const verdict = previous === 'unassessed' ? 'unassessed' : 'needs-review';
  // The defect flag spoke about the old text; its proposal stays in the editors' queue.
  return { ...old, no, attachments: [...old.attachments], verdict, review: 'changed', previousVerdict: previous, defect: null };
}

/** One new item's answer from the old one: the new 項番 always; the rest by whether the item changed. */
function carriedAnswer(blank: Answer, hash: string | undefined, oldItem: ChecksheetItem | undefined, old: Answer | undefined): { kind: Kind; answer: Answer } {
  if (!oldItem) return { kind: 'added', answer: { ...blank, review: 'new' } };
  const previous = old ?? blank;
  if (oldItem.hash === hash) return { kind: 'unchanged', answer: { ...previous, no: blank.no, attachments: [...previous.attachments] } };
  return { kind: 'changed', answer: changedAnswer(previous, blank.no) };
}

/**
 * Answers for a checksheet of a newer edition from an older assessment:
 * unchanged items (same requirement id and item hash) keep their answer;
 * changed items keep evidence but get verdict needs-review (unassessed stays
 * unassessed), review 'changed'
 * and the old verdict as previousVerdict; new items start blank with review 'new'.
 * Answers follow the new checksheet's order and take its 項番.
 */
export function carryOver(
  from: { editionId: string; items: readonly ChecksheetItem[]; answers: readonly Answer[] },
  to: Checksheet,
): { answers: Answer[]; summary: CarryOverSummary } {
  const oldItems = new Map(from.items.map((i) => [i.requirementId, i] as const));
  const oldAnswers = new Map(from.answers.map((a) => [a.requirementId, a] as const));
  const summary: CarryOverSummary = { fromEdition: from.editionId, toEdition: to.edition.id, unchanged: [], changed: [], added: [], removed: [] };
  const hashes = new Map(to.items.map((i) => [i.requirementId, i.hash] as const));
  const answers = blankAnswers(to).map((blank) => {
    const id = blank.requirementId;
    const { kind, answer } = carriedAnswer(blank, hashes.get(id), oldItems.get(id), oldAnswers.get(id));
    summary[kind].push(id);
    return answer;
  });
  const kept = new Set(to.items.map((i) => i.requirementId));
  summary.removed = from.items.filter((i) => !kept.has(i.requirementId)).map((i) => ({ requirementId: i.requirementId, no: i.no }));
  return { answers, summary };
}
