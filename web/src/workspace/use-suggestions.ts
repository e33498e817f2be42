import { useCallback, useEffect, useState } from 'react';
import type { Verdict } from '../api/assessment.types';
import { ApiError, api } from '../api/client';
import { assessmentApi } from '../api/assessments';
import type { Localized } from '../api/types';

/**
 * Suggestions from probes, firmware and SBOM analyses (the evidence core's one
 * rule), as GET /api/assessments/:id/suggestions gives them. Until that route
 * exists it answers 404, which means "no suggestions". A suggestion is never
 * an answer: the assessor accepts it.
 */
export interface SuggestionBasis {
  source: string;
  runId: string;
  check: string;
  target: string;
  verdict: string;
  summary: Localized;
  at: string;
  coverage: string;
}
export interface Suggestion {
  requirementId: string;
  verdict: Extract<Verdict, 'pass' | 'fail' | 'needs-review'>;
  reason: string;
  basis: SuggestionBasis[];
}

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

/** Suggestions grouped by the probe run behind them (a suggestion may rest on several runs). */
export function suggestionsByRun(suggestions: ReadonlyMap<string, Suggestion>): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  for (const s of suggestions.values()) {
    for (const runId of new Set(s.basis.map((b) => b.runId))) runs.set(runId, [...(runs.get(runId) ?? []), s.requirementId]);
  }
  return runs;
}
