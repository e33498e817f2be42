import { apiPath, request } from '../../api/client';
import type { AttackPattern, Localized, Mapping, Reference, RequirementDetail } from '../../api/types';

/**
 * The draft editor's view of the HTTP API (/api/drafts…). Shapes mirror
 * src/services/drafts.service.ts; the web never imports server code.
 */

import type { DraftSummary, ItemKind } from '../../../../src/core/drafts.types.js';
import type { EditionDiff as CoreEditionDiff, ItemRef as CoreItemRef, FieldChange, MappingChange } from '../../../../src/core/edition-diff.types.js';
export type { DraftSummary, FieldChange, ItemKind, MappingChange };

export interface DraftList {
  drafts: DraftSummary[];
}

export interface DraftOverview {
  draft: DraftSummary & { version: number };
  requirements: { id: string; number: string; title: Localized; layers: string[]; phases: string[]; version: number }[];
  terms: { id: string; term: Localized; reading?: string; version: number }[];
}

export interface Choice {
  id: string;
  label: Localized;
}

export interface DraftOptions {
  layers: Choice[];
  phases: Choice[];
  threatCategories: (Choice & { depth: number })[];
  applicability: Choice[];
  verificationMethods: string[];
  relationships: string[];
  referenceTypes: string[];
  terms: { id: string; term: Localized }[];
  standards: { id: string; title: Localized; requirements: { id: string; title: Localized; kind: string; depth: number }[] }[];
}

/**
 * The form edits an item in the shapes the item page reads (GET
 * …/requirements/:id), without what the server derives for display.
 */
export type MappingDraft = Mapping;
export type ReferenceDraft = Reference;
export type AttackDraft = AttackPattern;
export type RequirementDraft = Omit<RequirementDetail, 'threatCategoryLabel' | 'mappingReviews'>;

export interface IndustryUsageDraft {
  industry: Localized;
  usage: Localized;
}

export interface TermDraft {
  id: string;
  term: Localized;
  reading?: string;
  definition: Localized;
  related: string[];
  industryUsage: IndustryUsageDraft[];
}

export interface DraftProblem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
  code: string;
}

export interface CheckResult {
  ok: boolean;
  problems: DraftProblem[];
}

export interface ItemWrite {
  id: string;
  version: number;
  warnings: DraftProblem[];
}

/** A listed item of a diff: a requirement carries its number, a glossary term none. */
export type ItemRef = CoreItemRef & { number?: string };

/** The diff of src/core/edition-diff.types.ts, with what the draft's diff adds: the reviewed revision and the coverage change. */
export interface EditionDiff extends CoreEditionDiff {
  revision: number;
  /** Per standard: coverage counts before and after, and the requirements whose status changed. */
  coverage?: CoverageChange[];
}

export interface CoverageChange {
  standard: string;
  before: Record<string, number> | null;
  after: Record<string, number> | null;
  changed: { id: string; from: string | null; to: string | null }[];
}

/** URLs of the editor pages, built in one place. */
export const editorPaths = {
  home: () => '/editor',
  draft: (draftId: string) => `/editor/${encodeURIComponent(draftId)}`,
  tab: (draftId: string, tab: 'terms' | 'reviews' | 'diff' | 'publish') => `/editor/${encodeURIComponent(draftId)}/${tab}`,
  requirement: (draftId: string, id: string) => `/editor/${encodeURIComponent(draftId)}/requirements/${encodeURIComponent(id)}`,
  newRequirement: (draftId: string) => `/editor/${encodeURIComponent(draftId)}/new-requirement`,
  term: (draftId: string, id: string) => `/editor/${encodeURIComponent(draftId)}/terms/${encodeURIComponent(id)}`,
  newTerm: (draftId: string) => `/editor/${encodeURIComponent(draftId)}/new-term`,
};

const SEGMENT: Record<ItemKind, string> = { requirement: 'requirements', term: 'terms' };

export const draftApi = {
  open: (id: string, title: Localized) => request<DraftSummary>('POST', '/api/drafts', { body: { id, title } }),
  check: (draftId: string, kind: ItemKind, item: unknown, mode: 'create' | 'update', signal?: AbortSignal) =>
    request<CheckResult>('POST', apiPath('drafts', draftId, 'check'), { body: { kind, item, mode }, ...(signal ? { signal } : {}) }),
  create: (draftId: string, kind: ItemKind, item: unknown) => request<ItemWrite>('POST', apiPath('drafts', draftId, SEGMENT[kind]), { body: { [kind]: item } }),
  update: (draftId: string, kind: ItemKind, id: string, item: unknown, version: number) =>
    request<ItemWrite>('PUT', apiPath('drafts', draftId, SEGMENT[kind], id), { body: { [kind]: item, version } }),
  remove: (draftId: string, kind: ItemKind, id: string, version: number) =>
    request<void>('DELETE', `${apiPath('drafts', draftId, SEGMENT[kind], id)}?version=${version}`),
  publish: (draftId: string, changelog: Localized, revision: number) =>
    request<{ edition: { id: string; title: Localized; date: string } }>('POST', apiPath('drafts', draftId, 'publish'), { body: { changelog, revision } }),
  itemPath: (draftId: string, kind: ItemKind, id: string) => apiPath('drafts', draftId, SEGMENT[kind], id),
};
