import { ASSESSMENT_STATUS_LABELS, DEFECT_LABELS, VERDICT_LABELS } from '../vocabulary-labels.js';

/** The labels live with the other vocabularies' (vocabulary-labels.ts); re-exported for the callers that import them from here. */
export { ASSESSMENT_STATUS_LABELS, DEFECT_LABELS, VERDICT_LABELS };

/**
 * The verdict (判定) an assessor gives one check item. Ids are stable and used
 * in the API, the database and exports; the Japanese labels are what the
 * workbook's drop-down shows.
 */
export const VERDICTS = ['pass', 'partial', 'fail', 'not-applicable', 'unassessed', 'needs-review'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts that say something about the product (the rest are still open). */
export const DECIDED_VERDICTS: ReadonlySet<Verdict> = new Set(['pass', 'partial', 'fail', 'not-applicable']);

export function isVerdict(value: string): value is Verdict {
  return (VERDICTS as readonly string[]).includes(value);
}

/** A verdict from its id or its Japanese or English label (as typed into a workbook cell); undefined if none matches. */
export function verdictFromText(text: string): Verdict | undefined {
  const t = text.trim().normalize('NFKC');
  if (isVerdict(t)) return t;
  const lower = t.toLowerCase();
  return VERDICTS.find((v) => VERDICT_LABELS[v].ja === t || VERDICT_LABELS[v].en.toLowerCase() === lower);
}

/** What a check item may be flagged for (項目への指摘), sent to the editors' proposal queue. */
export const DEFECT_KINDS = ['unclear', 'wrong', 'missing', 'too-strict'] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

export function defectFromText(text: string): DefectKind | undefined {
  const t = text.trim().normalize('NFKC');
  const lower = t.toLowerCase();
  return DEFECT_KINDS.find((d) => d === lower || DEFECT_LABELS[d].ja === t || DEFECT_LABELS[d].en.toLowerCase() === lower);
}

/** Assessment (診断) life cycle. Final is read-only. */
export const ASSESSMENT_STATUSES = ['draft', 'in-progress', 'in-review', 'final'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Allowed moves: forward one step, or back from review to work. */
const TRANSITIONS: Readonly<Record<AssessmentStatus, readonly AssessmentStatus[]>> = {
  draft: ['in-progress'],
  'in-progress': ['in-review'],
  'in-review': ['in-progress', 'final'],
  final: [],
};

export function canMoveAssessment(from: AssessmentStatus, to: AssessmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Answers may change until the assessment is final. */
export function isEditableStatus(status: AssessmentStatus): boolean {
  return status !== 'final';
}

/** Limits shared by the API, the workbook import and the web form. */
export const ANSWER_LIMITS = { evidence: 10_000, note: 4_000, comment: 4_000, reason: 2_000, defectNote: 4_000 } as const;
