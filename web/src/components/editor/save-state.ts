import { useState } from 'react';
import { type ApiError, asApiError } from '../../api/client';
import type { DraftProblem } from './editor-api';

/** Where a save stands, for the message beside the save button. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'conflict' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: ApiError };

/**
 * Runs a save and sorts its outcome: 409 is a conflict (someone saved first,
 * or the edition was published), 400 carries the problems to show by the
 * fields, anything else is shown as an error.
 */
export function useSave(onProblems: (problems: DraftProblem[]) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setState({ kind: 'saving' });
    try {
      const result = await action();
      setState({ kind: 'saved' });
      return result;
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 409 && error.problem.code === 'conflict') setState({ kind: 'conflict' });
      else if (error.status === 400 && error.problem.errors?.length) {
        onProblems(error.problem.errors.map((e) => ({ severity: 'error', ...e })));
        setState({ kind: 'invalid' });
      } else setState({ kind: 'failed', error });
      return undefined;
    }
  };
  return { state, run, reset: () => setState({ kind: 'idle' }) };
}
