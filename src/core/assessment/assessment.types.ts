import type { Localized } from '../model/edition.schema.js';
import type { Checksheet, ChecksheetItem, ChecksheetSpec } from './checksheet.types.js';
import type { AssessmentStatus, DefectKind, Verdict } from './verdicts.js';

/** A file kept as evidence, stored once by its SHA-256. */
export interface AttachmentMeta {
  id: string;
  sha256: string;
  /** The name as uploaded, for display. */
  filename: string;
  /** The name a download is saved under: its extension is the content's. */
  downloadName: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

/** A flag on the check item itself (項目への指摘), sent to the editors as a proposal. */
export interface DefectFlag {
  kind: DefectKind;
  note: string;
  /** The proposal it became in the editors' queue. */
  proposalId: string | null;
}

/** Why an answer needs another look after the assessment moved to a newer edition. */
export type ReviewFlag = 'changed' | 'new';

/** The assessor's answer to one check item. */
/** What scores, readiness and derived views read of an answer. */
export type GivenVerdict = Pick<Answer, 'requirementId' | 'verdict'>;

export interface Answer {
  requirementId: string;
  no: string;
  verdict: Verdict;
  /** 根拠・エビデンス */
  evidence: string;
  /** 備考; for 対象外 (not-applicable) it is the reason and must not be blank. */
  comment: string;
  defect: DefectFlag | null;
  review: ReviewFlag | null;
  /** The verdict the item had in the assessment it was carried over from, when it needs review. */
  previousVerdict: Verdict | null;
  attachments: AttachmentMeta[];
  updatedAt: string | null;
  /** Bumped by every write of verdict, evidence or comment: send it back with the next write. */
  version: number;
  /** Set when the answer is an accepted suggestion: the runs and checks behind it. */
  source?: AnswerOrigin | null;
}

/** Where a write of an answer came from. */
export const ANSWER_SOURCES = ['answer', 'bulk', 'import', 'suggestion', 'undo'] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

/** One write of an answer, as the item's history shows it. */
export interface AnswerHistoryEntry {
  version: number;
  verdict: Verdict;
  evidence: string;
  comment: string;
  source: AnswerSource;
  /** e.g. the probe run a suggestion came from. */
  sourceRef: string | null;
  by: { id: string; displayName: string } | null;
  at: string;
}

/** Where an accepted suggestion came from (probe runs now; firmware analyses and SBOMs later). */
export interface AnswerOrigin {
  kind: 'suggestion';
  /** The suggested verdict and the rule's reason (core/evidence/suggest.ts). */
  suggested: 'pass' | 'fail' | 'needs-review';
  reason: string;
  findings: { source: string; runId: string; check: string; target: string; verdict: string }[];
  acceptedAt: string;
}

/** Answer content as an assessor or a workbook gives it. */
export interface AnswerInput {
  verdict: Verdict;
  evidence: string;
  comment: string;
}

/** One assessment (診断) with its frozen checksheet and its answers, in checksheet order. */
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
  /** The assessment this one was carried over from (moving to a newer edition). */
  carriedFrom: string | null;
  createdAt: string;
  updatedAt: string;
  finalisedAt: string | null;
  /** SHA-256 of the final content (also in the audit log); null until final. */
  contentHash: string | null;
  /** Optimistic concurrency: send back with changes. */
  version: number;
  items: ChecksheetItem[];
  answers: Answer[];
}

/** An empty answer for every item of a checksheet. */
export function blankAnswers(checksheet: Pick<Checksheet, 'items'>): Answer[] {
  return checksheet.items.map((i) => ({
    requirementId: i.requirementId,
    no: i.no,
    verdict: 'unassessed',
    evidence: '',
    comment: '',
    defect: null,
    review: null,
    previousVerdict: null,
    attachments: [],
    updatedAt: null,
    version: 0,
  }));
}

/** A not-applicable verdict needs its reason (the comment). Returns the message, or null when the answer is whole. */
export function answerProblem(answer: AnswerInput): string | null {
  if (answer.verdict === 'not-applicable' && answer.comment.trim() === '')
    return 'a reason is required for 対象外 (not applicable): write it in 備考 (comment)';
  return null;
}

/** One assessment in a list: who, what, where it stands and its verdict counts. */
export interface AssessmentSummary {
  id: string;
  title: string;
  status: AssessmentStatus;
  organisation: { id: string; name: string };
  product: { id: string; name: string };
  productVersion: string | null;
  edition: { id: string };
  itemCount: number;
  counts: Record<Verdict, number>;
  updatedAt: string;
  finalisedAt: string | null;
  /** The self-assessment state when the organisation answers it itself; null for an assessor's assessment. */
  selfAssessment: string | null;
}
