import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiError, asApiError } from '../api/client';

/**
 * GET `path` now and again every `intervalMs` while `active` says so; the last
 * answer stays on screen while the next is on its way (no flicker), and a
 * reload simply starts over: the server holds the state.
 */
export function usePolled<T>(path: string, active: (data: T) => boolean, intervalMs = 1000) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const activeRef = useRef(active);
  activeRef.current = active;

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the deliberate re-fetch trigger.
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    api.get<T>(path, controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        setData(next);
        setError(null);
        if (activeRef.current(next)) timer = setTimeout(() => setTick((n) => n + 1), intervalMs);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(err));
      },
    );
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [path, tick, intervalMs]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}
