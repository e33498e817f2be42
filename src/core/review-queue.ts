import { reviewIndex, reviewOf, type ReviewOfMapping } from './mapping-review.js';
import type { Edition, Localized, MappingReview, ReviewFile } from './model/edition.schema.js';
import type { Relationship, ReviewState } from './taxonomy.js';

/** One mapping of an edition with its review: a row of the editor's review list. */
export interface ReviewRow {
  item: string;
  number: string;
  title: Localized;
  standard: string;
  requirement: string;
  relationship: Relationship;
  rationale: Localized;
  review: ReviewOfMapping;
}

export interface ReviewFilter {
  state?: ReviewState | undefined;
  standard?: string | undefined;
}

/** Every mapping with its review state, in item order, filtered by state and standard. Pure. */
export function reviewRows(edition: Edition, filter: ReviewFilter = {}): ReviewRow[] {
  const index = reviewIndex(edition);
  return edition.requirements.flatMap((r) =>
    r.mappings
      .filter((m) => !filter.standard || m.standard === filter.standard)
      .map((m) => ({
        item: r.id,
        number: r.number,
        title: r.title,
        standard: m.standard,
        requirement: m.requirement,
        relationship: m.relationship,
        rationale: m.rationale,
        review: reviewOf(index, r.id, m.standard, m.requirement),
      }))
      .filter((row) => !filter.state || row.review.state === filter.state),
  );
}

/**
 * The review files with one mapping's review replaced (or removed, for
 * `unreviewed`: no record means unreviewed). Files stay one per standard,
 * records sorted by item then requirement so the YAML diffs stay small.
 */
export function withReview(files: readonly ReviewFile[], standard: string, review: MappingReview): ReviewFile[] {
  const others = files.filter((f) => f.standard !== standard);
  const own = files.find((f) => f.standard === standard)?.reviews ?? [];
  const kept = own.filter((r) => !(r.item === review.item && r.requirement === review.requirement));
  const next = review.state === 'unreviewed' ? kept : [...kept, review];
  next.sort((a, b) => a.item.localeCompare(b.item) || a.requirement.localeCompare(b.requirement));
  const file: ReviewFile[] = next.length > 0 ? [{ standard, reviews: next }] : [];
  return [...others, ...file].sort((a, b) => a.standard.localeCompare(b.standard));
}
