import { useState } from 'react';
import { api, apiPath } from '../../api/client';
import { useMutation } from '../../api/use-mutation';
import type { Proposal, ProposalResult } from './proposal-types';

export interface DecisionCallbacks {
  /** The proposal as decided, to show its outcome. */
  onDecided: (proposal: Proposal) => void;
  /** Someone else decided meanwhile (409): load the proposal again. */
  onStale: () => void;
}

/** Sends accept or reject and shows the answer's field errors below `prefix` (e.g. `body.newRequirement.`) in the UI language. */
export function useDecision(proposalId: string, { onDecided, onStale }: DecisionCallbacks, prefix = 'body.') {
  const mutation = useMutation({ fieldsBelow: prefix, onConflict: onStale });
  // The fields the form found missing, shown in place of the server's field errors until the next send.
  const [missing, setErrors] = useState<Record<string, string> | null>(null);

  const send = async (action: 'accept' | 'reject', body: unknown) => {
    setErrors(null);
    const result = await mutation.run(() => api.post<ProposalResult>(apiPath('proposals', proposalId, action), body));
    if (result) onDecided(result.proposal);
  };

  return { busy: mutation.busy, errors: missing ?? mutation.errors, setErrors, problem: mutation.error, send };
}

/** The state and sender useDecision returns. */
export type Decision = ReturnType<typeof useDecision>;
