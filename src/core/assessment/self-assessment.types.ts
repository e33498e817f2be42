import type { ReviewDecision, SelfAssessmentState } from './self-assessment.js';
import type { Verdict } from './verdicts.js';

/** The self-assessment as the API shows it: the member's answers, every review and what the caller may do. */
/** A reply to a review comment. */
export interface ReviewReply {
  id: string;
  body: string;
  by: { id: string; displayName: string };
  at: string;
}

/** An assessor's review of one item in one round, with both verdicts. */
export interface ItemReview {
  id: string;
  requirementId: string;
  no: string;
  round: number;
  decision: ReviewDecision;
  comment: string;
  /** The member's verdict the review was given on. */
  selfVerdict: Verdict;
  correctedVerdict: Verdict | null;
  /** The member's verdict when agreed, the corrected one otherwise. */
  reviewedVerdict: Verdict;
  reviewer: { id: string; displayName: string };
  at: string;
  replies: ReviewReply[];
}

/** One item as the review shows it: the member's answer now and the latest review. */
export interface SelfAssessedItem {
  requirementId: string;
  no: string;
  selfVerdict: Verdict;
  /** Null until an assessor reviewed the item. */
  reviewedVerdict: Verdict | null;
  review: ItemReview | null;
}

export interface SelfAssessmentView {
  assessmentId: string;
  organisationId: string;
  state: SelfAssessmentState;
  /** How many times it was submitted. */
  round: number;
  organisationAllows: boolean;
  createdBy: string;
  submittedAt: string | null;
  decidedAt: string | null;
  items: SelfAssessedItem[];
  /** Every review of every round, oldest first. */
  reviews: ItemReview[];
  /** What the caller may do now. */
  can: { answer: boolean; submit: boolean; review: boolean; decide: boolean; reply: boolean };
}
