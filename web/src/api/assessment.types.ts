/**
 * Shapes of the checksheet and assessment (診断) API as the browser sees them.
 * They mirror src/core/assessment/*.types.ts; the web shell never imports
 * server or core code, so the ids below are repeated from verdicts.ts.
 */
import type { Localized } from './types';

export const VERDICTS = ['pass', 'partial', 'fail', 'not-applicable', 'unassessed', 'needs-review'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DEFECT_KINDS = ['unclear', 'wrong', 'missing', 'too-strict'] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

export const ASSESSMENT_STATUSES = ['draft', 'in-progress', 'in-review', 'final'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Allowed moves (as canMoveAssessment in verdicts.ts): forward one step, or back from review to work. */
export const STATUS_MOVES: Readonly<Record<AssessmentStatus, readonly AssessmentStatus[]>> = {
  draft: ['in-progress'],
  'in-progress': ['in-review'],
  'in-review': ['in-progress', 'final'],
  final: [],
};

/** Limits shared with the server (ANSWER_LIMITS), so the form can say them up front. */
export const ANSWER_LIMITS = { evidence: 10_000, comment: 4_000, defectNote: 4_000 } as const;

export function isVerdict(value: string | null): value is Verdict {
  return value !== null && (VERDICTS as readonly string[]).includes(value);
}

export function isAssessmentStatus(value: string | null): value is AssessmentStatus {
  return value !== null && (ASSESSMENT_STATUSES as readonly string[]).includes(value);
}

export interface ChecksheetTarget {
  standard: string;
  securityLevel?: number | undefined;
  componentType?: string | undefined;
  mandatoryOnly?: boolean | undefined;
}

export interface ChecksheetSpec {
  layers: string[];
  phases: string[];
  profile: string[] | null;
  target: ChecksheetTarget | null;
}

export interface ChecksheetItem {
  no: string;
  requirementId: string;
  title: Localized;
  layers: string[];
  phases: string[];
  threatCategory: { id: string; label: Localized };
  criteria: Localized[];
  method: { methods: string[]; steps: Localized[] };
  applicability: string[];
  targetLinks: { requirement: string; relationship: string }[];
  hash: string;
}

export interface Checksheet {
  edition: { id: string; title: Localized; date: string };
  labels?: { layers: { id: string; label: Localized }[]; phases: { id: string; label: Localized }[] };
  spec: ChecksheetSpec;
  items: ChecksheetItem[];
  excluded: { requirementId: string; no: string; reason: Localized }[];
}

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

export interface AttachmentMeta {
  id: string;
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

export interface DefectFlag {
  kind: DefectKind;
  note: string;
  proposalId: string | null;
}

export interface Answer {
  requirementId: string;
  no: string;
  verdict: Verdict;
  evidence: string;
  comment: string;
  defect: DefectFlag | null;
  review: 'changed' | 'new' | null;
  previousVerdict: Verdict | null;
  attachments: AttachmentMeta[];
  updatedAt: string | null;
}

export interface AssessmentView {
  id: string;
  title: string;
  status: AssessmentStatus;
  organisation: { id: string; name: string };
  product: { id: string; name: string; model: string | null };
  productVersion: string | null;
  edition: { id: string; title: Localized; date: string };
  spec: ChecksheetSpec;
  assessor: { id: string; displayName: string } | null;
  carriedFrom: string | null;
  createdAt: string;
  updatedAt: string;
  finalisedAt: string | null;
  contentHash: string | null;
  version: number;
  items: ChecksheetItem[];
  answers: Answer[];
}

export type VerdictCounts = Record<Verdict, number> & { total: number };

export interface AssessmentSummary {
  id: string;
  title: string;
  status: AssessmentStatus;
  organisation: { id: string; name: string };
  product: { id: string; name: string };
  productVersion: string | null;
  edition: { id: string };
  itemCount: number;
  counts: Partial<VerdictCounts>;
  updatedAt: string;
  finalisedAt: string | null;
}

export interface AssessmentList {
  assessments: AssessmentSummary[];
}

export interface CarryOverSummary {
  fromEdition: string;
  toEdition: string;
  unchanged: string[];
  changed: string[];
  added: string[];
  removed: { requirementId: string; no: string }[];
}

export type MovedAssessment = AssessmentView & { carryOver?: CarryOverSummary };

export interface ScoreGroup {
  id: string;
  label: Localized;
  counts: VerdictCounts;
  score: number | null;
  completion: number;
}

export interface AssessmentScores {
  overall: ScoreGroup;
  byLayer: ScoreGroup[];
  byPhase: ScoreGroup[];
  byThreatCategory: ScoreGroup[];
}

export interface DerivedLink {
  requirementId: string;
  no: string;
  title: Localized;
  relationship: string;
  verdict: Verdict | null;
}

export type DerivedResult = 'met' | 'partially-met' | 'not-met' | 'not-applicable' | 'partial-evidence' | 'unknown' | 'no-items';
export const DERIVED_RESULTS: readonly DerivedResult[] = ['met', 'partially-met', 'not-met', 'not-applicable', 'partial-evidence', 'unknown', 'no-items'];

export interface DerivedRequirement {
  id: string;
  kind: string;
  title: Localized;
  parentId: string | null;
  groupId: string | null;
  status: string | null;
  coverage: string;
  result: DerivedResult;
  conflict: boolean;
  carried: DerivedLink[];
  partialEvidence: DerivedLink[];
}

export interface DerivedView {
  standard: { id: string; title: Localized; version: string; confidence: string };
  requirements: DerivedRequirement[];
  summary: Record<DerivedResult, number> & { total: number };
}

export type ReadinessState = 'met' | 'not-met' | 'unknown';

export interface Readiness {
  scheme: 'jc-star-1' | 'etsi-en-303-645-mandatory';
  label: Localized;
  standardId: string;
  state: ReadinessState;
  counts: Record<ReadinessState, number>;
  requirements: { id: string; title: Localized; state: ReadinessState; result: DerivedResult; carried: DerivedLink[]; partialEvidence: DerivedLink[] }[];
}

export interface AssessmentResults {
  scores: AssessmentScores;
  readiness: Readiness[];
  derived: DerivedView | null;
  standards: { id: string; title: Localized }[];
}

export type ItemChange = 'improved' | 'regressed' | 'same' | 'changed' | 'added' | 'removed';
export const ITEM_CHANGES: readonly ItemChange[] = ['improved', 'regressed', 'same', 'changed', 'added', 'removed'];

export interface AssessmentComparison {
  before: { id: string; title: string; editionId: string; finalisedAt: string | null };
  after: { id: string; title: string; editionId: string; finalisedAt: string | null };
  items: { requirementId: string; no: string; title: Localized; before: Verdict | null; after: Verdict | null; change: ItemChange }[];
  counts: Record<ItemChange, number>;
  scores: { before: AssessmentScores; after: AssessmentScores };
}

/** A bad cell of an uploaded workbook, or a warning about one. */
export interface FieldProblem {
  path: string;
  message: string;
}

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
