import { useState } from 'react';
import { api, type ApiError, apiPath, asApiError } from '../../api/client';
import type { Proposal, ProposalResult } from './proposal-types';
import { errorsBelow } from './taxonomy-choices';

export interface DecisionCallbacks {
  /** The proposal as decided, to show its outcome. */
  onDecided: (proposal: Proposal) => void;
  /** Someone else decided meanwhile (409): load the proposal again. */
  onStale: () => void;
}

/** Sends accept or reject and keeps the answer's field errors below `prefix` (e.g. `body.newRequirement.`). */
export function useDecision(proposalId: string, { onDecided, onStale }: DecisionCallbacks, prefix = 'body.') {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);

  const send = async (action: 'accept' | 'reject', body: unknown) => {
    setBusy(true);
    setProblem(null);
    setErrors({});
    try {
      const result = await api.post<ProposalResult>(apiPath('proposals', proposalId, action), body);
      onDecided(result.proposal);
    } catch (error) {
      const apiError = asApiError(error);
      setBusy(false);
      if (apiError.status === 409 && apiError.problem.code === 'conflict') {
        onStale();
        return;
      }
      setErrors(errorsBelow(apiError.problem.errors, prefix));
      setProblem(apiError);
    }
  };

  return { busy, errors, setErrors, problem, send };
}

/** The state and sender useDecision returns. */
export type Decision = ReturnType<typeof useDecision>;
