import type { Edition, MappingReview, ReviewFile } from './model/edition.schema.js';
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

interface LinkClaim {
  standard: string;
  requirement: string;
  relationship?: unknown;
  rationale?: unknown;
}

function claimsOf(mappings: unknown): Map<string, string> {
  const claims = new Map<string, string>();
  if (!Array.isArray(mappings)) return claims;
  for (const m of mappings as Partial<LinkClaim>[]) {
    if (!m || typeof m.standard !== 'string' || typeof m.requirement !== 'string') continue;
    claims.set(`${m.standard}\u0000${m.requirement}`, JSON.stringify([m.relationship, m.rationale]));
  }
  return claims;
}

/**
 * The review records after an editor changes an item's mappings (`after`
 * undefined: the item is deleted). A link that is gone, or whose relationship
 * or rationale changed, is a new claim: its record goes and it is unreviewed
 * again. Records of unchanged links and of other items stay.
 */
export function reviewsAfterItemChange(reviews: readonly ReviewFile[] | undefined, item: string, before: unknown, after: unknown): ReviewFile[] | undefined {
  if (!reviews) return undefined;
  const old = claimsOf(before);
  const next = after === undefined ? new Map<string, string>() : claimsOf(after);
  const kept = (standard: string, requirement: string) => {
    const key = `${standard}\u0000${requirement}`;
    return next.has(key) && next.get(key) === old.get(key);
  };
  return reviews.map((file) => ({
    ...file,
    reviews: file.reviews.filter((r) => r.item !== item || kept(file.standard, r.requirement)),
  }));
}
