import type { Localized, Mapping } from './model/edition.schema.js';

/**
 * The shapes of an edition diff (edition-diff.ts computes it), apart from the
 * computing so the web app, which has no node:crypto, can read the same types.
 */

/** One field whose value differs; values are content as stored (JSON). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ItemRef {
  id: string;
  title: Localized;
}

export interface RequirementRef extends ItemRef {
  number: string;
}

export interface RequirementChange extends RequirementRef {
  /** Changed fields in schema order; mappings are reported in `mappings`. */
  fields: FieldChange[];
}

export interface TermChange extends ItemRef {
  fields: FieldChange[];
}

/** One guidebook item → standard requirement link. */
export interface MappingChange {
  kind: 'added' | 'removed' | 'changed';
  /** The guidebook requirement holding the mapping. */
  requirementId: string;
  number: string;
  standard: string;
  /** The standard's requirement id. */
  target: string;
  before?: Pick<Mapping, 'relationship' | 'rationale'>;
  after?: Pick<Mapping, 'relationship' | 'rationale'>;
  /** For `changed`: which of relationship and rationale differ. */
  fields: ('relationship' | 'rationale')[];
}

export interface EditionDiff {
  from: { id: string; title: Localized };
  to: { id: string; title: Localized };
  /** Title, date and changelog (id and status always differ between a draft and its base, so they are not listed). */
  meta: FieldChange[];
  requirements: { added: RequirementRef[]; removed: RequirementRef[]; changed: RequirementChange[] };
  mappings: MappingChange[];
  glossary: { added: ItemRef[]; removed: ItemRef[]; changed: TermChange[] };
  /** Whole sections the editor does not edit field by field (taxonomy, standards, out-of-scope) that differ. */
  other: ('taxonomy' | 'standards' | 'outOfScope' | 'reviews')[];
  summary: DiffSummary;
}

export interface DiffSummary {
  requirementsAdded: number;
  requirementsRemoved: number;
  requirementsChanged: number;
  mappingsAdded: number;
  mappingsRemoved: number;
  mappingsChanged: number;
  termsAdded: number;
  termsRemoved: number;
  termsChanged: number;
  metaChanged: number;
  /** True when nothing at all differs. */
  unchanged: boolean;
}
