/**
 * Shapes of the checksheet and assessment (診断) API as the browser sees them.
 * The domain's own types and vocabularies come straight from src/core (type
 * files and the pure verdicts module, which import nothing of the server), so
 * the web cannot drift from the API; only web-side shapes are declared here.
 */
import type { FieldError, Localized } from './types';

import type {
  Answer,
  AnswerHistoryEntry,
  AssessmentSummary,
  AssessmentView,
  AttachmentMeta,
  DefectFlag,
} from '../../../src/core/assessment/assessment.types.js';
export type { Answer, AnswerHistoryEntry, AssessmentSummary, AssessmentView, AttachmentMeta, DefectFlag };
export type { Checksheet, ChecksheetItem, ChecksheetSpec, ChecksheetTarget } from '../../../src/core/assessment/checksheet.types.js';
export type {
  AssessmentComparison,
  AssessmentScores,
  CarryOverSummary,
  DerivedLink,
  DerivedRequirement,
  DerivedResult,
  DerivedView,
  ItemChange,
  Readiness,
  ReadinessState,
  ScoreGroup,
  VerdictCounts,
} from '../../../src/core/assessment/results.types.js';
export {
  ANSWER_LIMITS,
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  DECIDED_VERDICTS,
  DEFECT_KINDS,
  isEditableStatus,
  type DefectKind,
  VERDICTS,
  type Verdict,
} from '../../../src/core/assessment/verdicts.js';

import type { AssessmentScores, CarryOverSummary, DerivedResult, DerivedView, ItemChange, Readiness } from '../../../src/core/assessment/results.types.js';
import { ASSESSMENT_STATUSES, type AssessmentStatus, canMoveAssessment } from '../../../src/core/assessment/verdicts.js';

/** Allowed moves from each status, from the core's rule. */
export const STATUS_MOVES: Readonly<Record<AssessmentStatus, readonly AssessmentStatus[]>> = Object.fromEntries(
  ASSESSMENT_STATUSES.map((from) => [from, ASSESSMENT_STATUSES.filter((to) => canMoveAssessment(from, to))]),
) as Record<AssessmentStatus, AssessmentStatus[]>;

export function isAssessmentStatus(value: string | null): value is AssessmentStatus {
  return value !== null && (ASSESSMENT_STATUSES as readonly string[]).includes(value);
}

export const DERIVED_RESULTS: readonly DerivedResult[] = ['met', 'partially-met', 'not-met', 'not-applicable', 'partial-evidence', 'unknown', 'no-items'];
export const ITEM_CHANGES: readonly ItemChange[] = ['improved', 'regressed', 'same', 'changed', 'added', 'removed'];

/** What the preview and export routes take: the edition and the spec's fields. */
export interface ChecksheetRequest {
  editionId: string;
  spec: {
    layers: string[];
    phases: string[];
    profile: string[] | null;
    standard?: string;
    sl?: number;
    componentType?: string;
    mandatoryOnly?: boolean;
  };
}

export interface AssessmentList {
  assessments: AssessmentSummary[];
}

export type MovedAssessment = AssessmentView & { carryOver?: CarryOverSummary };

export interface AssessmentResults {
  scores: AssessmentScores;
  readiness: Readiness[];
  derived: DerivedView | null;
  standards: { id: string; title: Localized }[];
}

/** A bad cell of an uploaded workbook, or a warning about one: a field error with its code and params. */
export type FieldProblem = FieldError;

export interface WorkbookImport {
  updated: number;
  warnings: FieldProblem[];
}

export interface Organisation {
  id: string;
  name: string;
}

export interface Product {
  id: string;
  organisationId: string;
  name: string;
  model: string | null;
  description: string | null;
}
