import { useState } from 'react';
import { api, type ApiError, apiPath, asApiError } from '../../api/client';
import type { FieldError } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { fieldErrors } from '../forms/form-field';
import type { Proposal, ProposalResult } from './proposal-types';

export interface DecisionCallbacks {
  /** The proposal as decided, to show its outcome. */
  onDecided: (proposal: Proposal) => void;
  /** Someone else decided meanwhile (409): load the proposal again. */
  onStale: () => void;
}

/** Sends accept or reject and shows the answer's field errors below `prefix` (e.g. `body.newRequirement.`) in the UI language. */
export function useDecision(proposalId: string, { onDecided, onStale }: DecisionCallbacks, prefix = 'body.') {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [rejected, setRejected] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);

  /** Marks the fields the form still lacks, in place of the server's last field errors. */
  const setErrors = (errors: Record<string, string>) => {
    setMissing(errors);
    setRejected([]);
  };

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
      setRejected(apiError.problem.errors ?? []);
      setProblem(apiError);
    }
  };

  // Translated on each render, so a language switch re-translates shown field errors.
  const errors = { ...fieldErrors(rejected, t, prefix), ...missing };
  return { busy, errors, setErrors, problem, send };
}

/** The state and sender useDecision returns. */
export type Decision = ReturnType<typeof useDecision>;
