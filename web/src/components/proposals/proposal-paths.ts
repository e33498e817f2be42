/** The proposal pages' URLs, built in one place so links and routes agree. */

export const PROPOSALS_PATH = '/proposals';
export const NEW_PROPOSAL_PATH = '/proposals/new';

export function proposalPath(id: string): string {
  return `/proposals/${encodeURIComponent(id)}`;
}

export function proposalsPath(status?: string | null): string {
  return status ? `${PROPOSALS_PATH}?${new URLSearchParams({ status }).toString()}` : PROPOSALS_PATH;
}
