import type { Edition, MappingReview } from './model/edition.schema.js';
import type { ReviewState } from './taxonomy.js';

/** The review of one mapping as shown and exported: `unreviewed` when nothing is recorded. */
export interface ReviewOfMapping {
  state: ReviewState;
  by?: string;
  date?: string;
  note?: string;
}

export function reviewKey(item: string, standard: string, requirement: string): string {
  return `${item}\u0000${standard}\u0000${requirement}`;
}

/** Every recorded review of an edition by mapping (item, standard, standard requirement). */
export function reviewIndex(edition: Edition): Map<string, MappingReview> {
  return new Map((edition.reviews ?? []).flatMap((f) => f.reviews.map((r) => [reviewKey(r.item, f.standard, r.requirement), r] as const)));
}

/** The review of one mapping, `unreviewed` when none is recorded. */
export function reviewOf(index: Map<string, MappingReview>, item: string, standard: string, requirement: string): ReviewOfMapping {
  const r = index.get(reviewKey(item, standard, requirement));
  if (!r) return { state: 'unreviewed' };
  return { state: r.state, ...(r.by ? { by: r.by } : {}), ...(r.date ? { date: r.date } : {}), ...(r.note ? { note: r.note } : {}) };
}
