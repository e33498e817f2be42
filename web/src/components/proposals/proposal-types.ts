import { PROPOSAL_STATUSES, type ProposalStatus, type ProposalSummary, type ProposalView } from '../../../../src/core/proposals.js';

/** Shapes of /api/proposals as the browser sees them; the vocabulary and size limits are the core's (src/core/proposals.ts). */

export { PROPOSAL_LIMITS, PROPOSAL_STATUSES, type ProposalLink, type ProposalStatus } from '../../../../src/core/proposals.js';

/** A proposal's outcome as the submitter's organisation sees it. */
export type ProposalDecision = NonNullable<ProposalSummary['decision']>;
/** One proposal with the concern's text. */
export type Proposal = ProposalView;
export type { ProposalSummary };

export interface ProposalList {
  proposals: ProposalSummary[];
}

export interface ProposalResult {
  proposal: Proposal;
}

export function isProposalStatus(value: string | null): value is ProposalStatus {
  return value !== null && (PROPOSAL_STATUSES as readonly string[]).includes(value);
}
