import { PROPOSAL_STATUSES, type ProposalLink, type ProposalStatus } from '../../../../src/core/proposals.js';

/** Shapes of /api/proposals as the browser sees them; the vocabulary and size limits are the core's (src/core/proposals.ts). */

export { PROPOSAL_LIMITS, PROPOSAL_STATUSES, type ProposalLink, type ProposalStatus } from '../../../../src/core/proposals.js';

export interface ProposalDecision {
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string;
  reason: string | null;
  link: ProposalLink | null;
}

export interface ProposalSummary {
  id: string;
  source: string;
  title: string;
  layers: string[];
  phases: string[];
  industry: string | null;
  submittedBy: { id: string; displayName: string };
  organisation: { id: string; name: string } | null;
  status: ProposalStatus;
  createdAt: string;
  updatedAt: string;
  decision: ProposalDecision | null;
}

export interface Proposal extends ProposalSummary {
  text: string;
}

export interface ProposalList {
  proposals: ProposalSummary[];
}

export interface ProposalResult {
  proposal: Proposal;
}

export function isProposalStatus(value: string | null): value is ProposalStatus {
  return value !== null && (PROPOSAL_STATUSES as readonly string[]).includes(value);
}
