import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';
import { assessmentApi } from '../api/assessments';
import type { Suggestion } from './suggestions';

/**
 * Fetches the assessment's suggestions; until the probe work's route exists it
 * answers 404, which means "no suggestions". A suggestion is never an answer:
 * the assessor accepts it.
 */
export function useSuggestions(assessmentId: string, refreshKey: number) {
  const [suggestions, setSuggestions] = useState<Map<string, Suggestion>>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey re-fetches after an acceptance.
  useEffect(() => {
    const controller = new AbortController();
    api.get<{ suggestions: Suggestion[] }>(assessmentApi(assessmentId, 'suggestions'), controller.signal).then(
      (r) => setSuggestions(new Map(r.suggestions.map((s) => [s.requirementId, s] as const))),
      (error: unknown) => {
        // 404: no suggestions (yet); anything else leaves the workspace as it is.
        if (error instanceof ApiError && error.status === 404) setSuggestions(new Map());
      },
    );
    return () => controller.abort();
  }, [assessmentId, refreshKey]);

  const accept = useCallback(
    (requirementIds: string[]) => api.post<unknown>(assessmentApi(assessmentId, 'suggestions', 'accept'), { requirementIds }),
    [assessmentId],
  );
  return { suggestions, accept };
}
