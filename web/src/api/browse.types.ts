/**
 * Shapes of the browsing API (taxonomy, standards, glossary, search) as the
 * browser sees them. Contracts: docs/ARCHITECTURE.md and the server routes.
 */
import type { Localized, Term } from './types';

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

export type Confidence = 'verified' | 'names_verified' | 'recall';

export interface StandardSummary {
  id: string;
  title: Localized;
  version: string;
  publisher: string;
  confidence: Confidence;
  counts: { requirements: number; withdrawn: number };
}

export interface StandardList {
  standards: StandardSummary[];
}

export interface MappedBy {
  requirementId: string;
  number: string;
  title: Localized;
  relationship: string;
}

export interface StandardRow {
  id: string;
  kind: 'group' | 'requirement' | 'enhancement' | 'variant' | 'constraint' | 'provision';
  title: Localized;
  status?: 'mandatory' | 'recommended' | 'withdrawn' | 'informative';
  conditions?: string[];
  levels?: string[];
  appliesTo?: string[];
  confidence?: Confidence;
  unconfirmed?: boolean;
  depth: number;
  parentId?: string;
  mappedBy: MappedBy[];
  outOfScope?: { reason: Localized; unconfirmedTarget?: boolean };
  gap: boolean;
}

export interface StandardDetail {
  standard: {
    id: string;
    title: Localized;
    version: string;
    publisher: string;
    licence: Localized;
    source: string;
    confidence: Confidence;
    conditions?: Record<string, Localized>;
  };
  requirements: StandardRow[];
}

export interface GlossaryEntry {
  id: string;
  term: Localized;
  reading?: string;
  definition: Localized;
}

export interface GlossaryList {
  terms: GlossaryEntry[];
}

export interface GlossaryTermDetail {
  term: GlossaryEntry & { related: string[]; industryUsage: { industry: Localized; usage: Localized }[] };
  usedBy: { requirementId: string; number: string; title: Localized }[];
  related: { id: string; term: Localized }[];
}

/** A term an item lists, in both languages: the page marks where these occur. */
export interface GlossaryIndexEntry {
  id: string;
  ja: string;
  en: string;
}

export type SearchKind = 'requirement' | 'term' | 'standard-requirement';

export interface SearchSnippet {
  field: string;
  lang: 'ja' | 'en';
  text: string;
  /** [start, end) in UTF-16 code units of `text`. */
  highlights: [number, number][];
}

export interface SearchResult {
  kind: SearchKind;
  id: string;
  standard?: string;
  number?: string;
  title: Localized;
  score: number;
  snippets: SearchSnippet[];
}

export interface SearchResponse {
  query: string;
  total: number;
  results: SearchResult[];
}
