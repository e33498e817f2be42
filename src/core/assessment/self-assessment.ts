import type { Actor } from '../authorization.js';
import type { ValueProblem } from '../errors.js';
import type { Verdict } from './verdicts.js';

/**
 * Self-assessment (自己診断): a member organisation answers an assessment of
 * its own product, submits it, and the consortium's assessors review it item
 * by item, sending it back for changes or accepting it. The member's verdict
 * and the reviewed verdict are both kept. No I/O here: the services ask these
 * functions and write what they allow.
 */

export const SELF_ASSESSMENT_STATES = ['draft', 'submitted', 'changes-requested', 'accepted'] as const;
export type SelfAssessmentState = (typeof SELF_ASSESSMENT_STATES)[number];

/** Its labels live with the other vocabularies' (vocabulary-labels.ts). */
export { SELF_ASSESSMENT_STATE_LABELS } from '../vocabulary-labels.js';

export const SELF_ASSESSMENT_ACTIONS = ['submit', 'send-back', 'accept'] as const;
export type SelfAssessmentAction = (typeof SELF_ASSESSMENT_ACTIONS)[number];

/** What each move needs: the state it starts from, where it goes, and who makes it. */
const MOVES: Readonly<Record<SelfAssessmentAction, { from: readonly SelfAssessmentState[]; to: SelfAssessmentState; by: 'member' | 'assessor' }>> = {
  submit: { from: ['draft', 'changes-requested'], to: 'submitted', by: 'member' },
  'send-back': { from: ['submitted'], to: 'changes-requested', by: 'assessor' },
  accept: { from: ['submitted'], to: 'accepted', by: 'assessor' },
};

/** The organisation a self-assessment belongs to and where it stands. */
export interface SelfAssessmentFacts {
  organisationId: string;
  state: SelfAssessmentState;
}

/** A member of the organisation (members only see their own organisation's work). */
export function isOwnMember(actor: Actor, organisationId: string): boolean {
  return actor.kind === 'user' && actor.role === 'member' && actor.organisationId === organisationId;
}

/** Assessors and admins review self-assessments. */
export function isReviewer(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'assessor' || actor.role === 'admin');
}

/** A member may start a self-assessment of their own organisation's product when its manager allows it. */
export function canStartSelfAssessment(actor: Actor, product: { organisationId: string }, organisationAllows: boolean): boolean {
  return organisationAllows && isOwnMember(actor, product.organisationId);
}

/** Anything another organisation's member asks about answers "not found". */
export type Refusal = { kind: 'not-found' } | { kind: 'forbidden'; message: string } | { kind: 'conflict'; message: string };

/** The state the move leads to, or why the actor may not make it now. */
export function moveRefusal(
  actor: Actor,
  sa: SelfAssessmentFacts,
  action: SelfAssessmentAction,
  organisationAllows: boolean,
): { to: SelfAssessmentState } | Refusal {
  const member = isOwnMember(actor, sa.organisationId);
  if (!member && !isReviewer(actor)) return { kind: 'not-found' };
  const move = MOVES[action];
  if (move.by === 'member' && !(member && organisationAllows))
    return { kind: 'forbidden', message: 'only a permitted member of the organisation submits its self-assessment' };
  if (move.by === 'assessor' && !isReviewer(actor)) return { kind: 'forbidden', message: 'only assessors send back or accept a self-assessment' };
  if (!move.from.includes(sa.state)) return { kind: 'conflict', message: `a self-assessment cannot be ${pastTense(action)} while ${sa.state}` };
  return { to: move.to };
}

function pastTense(action: SelfAssessmentAction): string {
  return action === 'submit' ? 'submitted' : action === 'send-back' ? 'sent back' : 'accepted';
}

/** The states in which the organisation may change its answers. */
export const SELF_ANSWERABLE_STATES: ReadonlySet<string> = new Set<SelfAssessmentState>(['draft', 'changes-requested']);

/**
 * Who may change answers, evidence and files of a self-assessment: its
 * organisation's permitted members, while it is theirs to work on (draft or
 * sent back). Assessors review; they do not answer for the member.
 */
export function answerWriteRefusal(actor: Actor, sa: SelfAssessmentFacts, organisationAllows: boolean): Refusal | null {
  const member = isOwnMember(actor, sa.organisationId);
  if (!member && !isReviewer(actor)) return { kind: 'not-found' };
  if (!member) return { kind: 'forbidden', message: 'a self-assessment is answered by its organisation; assessors review it' };
  if (!organisationAllows) return { kind: 'forbidden', message: "the organisation's manager has not allowed self-assessment" };
  if (sa.state === 'submitted')
    return { kind: 'conflict', message: 'the self-assessment is submitted: it can be changed again only if the reviewer sends it back' };
  if (sa.state === 'accepted') return { kind: 'conflict', message: 'the self-assessment is accepted and read-only' };
  return null;
}

/** An assessor's decision on one item. */
export type ReviewDecision = 'agree' | 'disagree';

export interface ReviewInput {
  decision: ReviewDecision;
  comment: string;
  /** Required when disagreeing: the verdict the reviewer gives instead. */
  correctedVerdict: Verdict | null;
}

/** Reviews are given item by item while the self-assessment is submitted, by assessors only. */
export function reviewRefusal(actor: Actor, sa: SelfAssessmentFacts): Refusal | null {
  if (!isReviewer(actor))
    return isOwnMember(actor, sa.organisationId) ? { kind: 'forbidden', message: 'only assessors review a self-assessment' } : { kind: 'not-found' };
  if (sa.state !== 'submitted') return { kind: 'conflict', message: `items are reviewed while the self-assessment is submitted (now ${sa.state})` };
  return null;
}

/** A problem with a review as given, naming the field; null when whole. */
export function reviewProblem(input: ReviewInput, selfVerdict: Verdict): (ValueProblem & { path: string }) | null {
  if (input.decision === 'agree') {
    if (input.correctedVerdict !== null) return { path: 'correctedVerdict', message: 'is only given when disagreeing', code: 'invalid' };
    return null;
  }
  if (input.comment.trim() === '') return { path: 'comment', message: 'say why you disagree', code: 'invalid' };
  if (input.correctedVerdict === null) return { path: 'correctedVerdict', message: 'is required when disagreeing', code: 'required' };
  if (input.correctedVerdict === 'unassessed') return { path: 'correctedVerdict', message: 'must be a verdict, not 未評価 (not assessed)', code: 'bad-format' };
  if (input.correctedVerdict === selfVerdict)
    return { path: 'correctedVerdict', message: `is the member's own verdict (${selfVerdict}); agree instead`, code: 'invalid' };
  return null;
}

/** The verdict the review gives an item: the member's own when agreed, the corrected one otherwise. */
export function reviewedVerdict(review: { decision: ReviewDecision; selfVerdict: Verdict; correctedVerdict: Verdict | null }): Verdict {
  return review.decision === 'disagree' && review.correctedVerdict ? review.correctedVerdict : review.selfVerdict;
}

/** Replies to a review comment: the organisation's members and reviewers, until accepted. */
export function replyRefusal(actor: Actor, sa: SelfAssessmentFacts): Refusal | null {
  if (!isOwnMember(actor, sa.organisationId) && !isReviewer(actor)) return { kind: 'not-found' };
  if (sa.state === 'accepted') return { kind: 'conflict', message: 'the self-assessment is accepted; the discussion is closed' };
  return null;
}

/** Items still 未評価 (not assessed): listed to the reviewer, who sees what the member left open. */
export function unansweredItems(answers: readonly { no: string; verdict: Verdict }[]): string[] {
  return answers.filter((a) => a.verdict === 'unassessed').map((a) => a.no);
}

/**
 * A member may submit a partial self-assessment (a first pass over the items
 * they can judge), but not an empty one.
 */
export function submitProblem(answers: readonly { no: string; verdict: Verdict }[]): string | null {
  return answers.some((a) => a.verdict !== 'unassessed') ? null : 'answer at least one item before submitting';
}
