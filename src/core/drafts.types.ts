import type { Localized } from './model/edition.schema.js';

/** What a draft item change targets: a guidebook requirement or a glossary term. */
export type ItemKind = 'requirement' | 'term';

export interface DraftSummary {
  id: string;
  title: Localized;
  date: string;
  baseEditionId: string | null;
  /** Bumped by every change (0: never changed); publishing may name the revision that was reviewed. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}
