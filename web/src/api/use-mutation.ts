import { useCallback, useRef, useState } from 'react';
import { fieldErrors } from '../components/forms/form-field';
import { useT } from '../i18n/i18n';
import { type ApiError, asApiError } from './client';

/** The state of a form's write: busy while it runs, its error and field errors after, and a retry of the last one. */
export interface Mutation {
  busy: boolean;
  error: ApiError | null;
  /** Field errors of the last failure in the UI language, keyed by the field (last path segment). */
  errors: Record<string, string>;
  /** Run one write; resolves with its answer, or undefined when it failed (the error is kept). */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  /** Run the last write again (after a network failure, say). */
  retry: () => Promise<unknown>;
  /** Forget the last error, e.g. when the form is edited again. */
  reset: () => void;
}

/** How a form reads its write's failure. */
export interface MutationOptions {
  /** Key field errors by their path below this prefix (`fieldErrors`' `below`), not by the last path segment. */
  fieldsBelow?: string;
  /** Someone else wrote meanwhile (409 conflict): called instead of keeping the error. */
  onConflict?: () => void;
}

/**
 * The one hook behind every form's write: no hand-written busy/try/finally.
 * A failure becomes one `ApiError`; its field errors are translated for
 * display next to their fields.
 */
export function useMutation({ fieldsBelow, onConflict }: MutationOptions = {}): Mutation {
  const t = useT();
  const conflict = useRef(onConflict);
  conflict.current = onConflict;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const last = useRef<(() => Promise<unknown>) | null>(null);

  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    last.current = action;
    setBusy(true);
    setError(null);
    setFailure(null);
    try {
      return await action();
    } catch (caught) {
      const apiError = asApiError(caught);
      if (conflict.current && apiError.status === 409 && apiError.problem.code === 'conflict') {
        conflict.current();
        return undefined;
      }
      setError(apiError);
      setFailure(apiError);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const retry = useCallback(async () => (last.current ? run(last.current) : undefined), [run]);
  const reset = useCallback(() => {
    setError(null);
    setFailure(null);
  }, []);

  // Translated on each render, so a language switch re-translates shown field errors.
  return { busy, error, errors: fieldErrors(failure?.problem.errors, t, fieldsBelow), run, retry, reset };
}
