/**
 * Shapes of the HTTP API as the browser sees them. The web shell talks to the
 * server only through these; from the core it imports types only (the error catalog).
 */

import type { ErrorCode, FieldError } from '../../../src/core/errors.js';

export type { Lang } from '../i18n/messages';

/** Every human-readable content text carries both languages. */
export interface Localized {
  ja: string;
  en: string;
}

export type Role = 'admin' | 'editor' | 'assessor' | 'member';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  orgManager?: boolean;
  totpEnabled?: boolean;
}

export interface SessionInfo {
  user: User | null;
  csrfToken: string;
  setupRequired: boolean;
  totpSetupRequired?: boolean;
  singleSignOn?: boolean;
}

export interface LoginResult {
  user: User;
  csrfToken: string;
}

export interface EditionSummary {
  id: string;
  title: Localized;
  status: string;
  date: string;
}

export interface EditionList {
  editions: EditionSummary[];
  current: string | null;
}

export interface Term {
  id: string;
  label: Localized;
}

export interface PhaseTerm extends Term {
  stage: string;
}

export interface MatrixCell {
  layer: string;
  phase: string;
  count: number;
}

export interface Matrix {
  edition: EditionSummary;
  layers: Term[];
  stages: Term[];
  phases: PhaseTerm[];
  cells: MatrixCell[];
  total: number;
}

export interface RequirementSummary {
  id: string;
  number: string;
  title: Localized;
  layers: string[];
  phases: string[];
  threatCategory: string;
}

export interface RequirementList {
  items: RequirementSummary[];
}

export interface AttackPattern {
  attack: Localized;
  countermeasures: Localized[];
}

export interface Mapping {
  standard: string;
  requirement: string;
  relationship: string;
  rationale: Localized;
}

export interface Reference {
  type: string;
  id: string;
  note?: Localized;
}

export interface RequirementDetail extends RequirementSummary {
  threatCategoryLabel: Localized;
  criteria: Localized[];
  interpretation: AttackPattern[];
  verification: { methods: string[]; steps: Localized[] };
  applicability: string[];
  references: Reference[];
  mappings: Mapping[];
  terms: string[];
  /** Review state of each mapping, in the order of `mappings` (absent from older servers). */
  mappingReviews?: MappingReview[];
}

export interface MappingReview {
  state: 'unreviewed' | 'reviewed' | 'disputed';
  by?: string;
  date?: string;
  note?: string;
}

/**
 * RFC 9457 problem details, as every API error is answered. `code` comes from
 * the server's one error catalog (src/core/errors.ts); it is absent when no
 * problem document came back (no answer, or a proxy's page).
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: ErrorCode;
  errors?: FieldError[];
  /** A refused finalisation: the numbers (項番) of the items without a verdict. */
  unassessed?: string[];
}

/** One field's error: where (`body.email`), the server's English `message`, and a stable `code` to translate. */
export type { FieldError };
