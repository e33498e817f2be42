import type { Localized } from '../../api/types';

/** Shapes of /api/proposals as the browser sees them. */

export const PROPOSAL_STATUSES = ['submitted', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Mirrors the server's size limits, so the form can say them up front. */
export const PROPOSAL_LIMITS = { title: 200, text: 10_000, industry: 100, reason: 4_000 } as const;

export type ProposalLink =
  | { kind: 'existing'; editionId: string; requirementId: string; number: string; title: Localized }
  | { kind: 'draft'; draftId: string; requirementId: string; number: string; title: Localized };

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
