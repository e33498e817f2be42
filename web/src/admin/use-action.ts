import { useState } from 'react';
import { ApiError } from '../api/client';
import { fieldErrors } from '../components/form-field';

/** Runs one API action at a time, keeping its field errors and its problem for display. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      return await action();
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, {});
      setError(apiError);
      setErrors(fieldErrors(apiError.problem.errors));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, errors, run };
}
