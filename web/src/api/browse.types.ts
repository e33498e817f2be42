/**
 * Shapes of the browsing API (taxonomy, standards, glossary, search) as the
 * browser sees them. Contracts: docs/ARCHITECTURE.md and the server routes.
 */
import type { GlossaryEntry } from '../../../src/core/browse/glossary-view.js';
import type { StandardSummary } from '../../../src/core/browse/standard-view.js';
import type { Localized, Term } from './types';

/** The core's own view types, as the routes send them (under the names the pages use). */
export type { Confidence } from '../../../src/core/taxonomy.js';
export type { MappedBy, StandardRow, StandardSummary, StandardView as StandardDetail } from '../../../src/core/browse/standard-view.js';
export type { GlossaryEntry, GlossaryIndexEntry, GlossaryTermView as GlossaryTermDetail } from '../../../src/core/browse/glossary-view.js';
export type { SearchKind, SearchSnippet, SearchHit as SearchResult, SearchResult as SearchResponse } from '../../../src/core/search/search.types.js';

export interface ThreatCategoryNode {
  id: string;
  label: Localized;
  children?: ThreatCategoryNode[];
}

export interface Taxonomy {
  layers: Term[];
  stages: Term[];
  phases: (Term & { stage: string })[];
  threatCategories: ThreatCategoryNode[];
  applicability: Term[];
}

export interface StandardList {
  standards: StandardSummary[];
}

export interface GlossaryList {
  terms: GlossaryEntry[];
}
