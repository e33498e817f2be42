import { useCallback, useEffect, useState } from 'react';
import { api, type ApiError, asApiError } from './client';

/** The state of one GET request. */
export type ApiResult<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ApiError };

/**
 * Fetch `path` (skipped while null) and re-fetch when it or `refreshKey`
 * changes, e.g. when the logged-in user changes. Stale answers are dropped.
 */
export function useApi<T>(path: string | null, refreshKey = ''): ApiResult<T> & { retry: () => void } {
  const [result, setResult] = useState<ApiResult<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey and attempt are deliberate re-fetch triggers.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setResult({ status: 'loading' });
    api.get<T>(path, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ status: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({
          status: 'error',
          error: asApiError(error),
        });
      },
    );
    return () => controller.abort();
  }, [path, refreshKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, retry };
}
