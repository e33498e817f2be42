import type { Verdict } from '../../../src/core/assessment/verdicts.js';
import type { Localized } from '../../../src/core/model/edition.schema.js';

/**
 * Suggestions from probes, firmware and SBOM analyses (the evidence core's one
 * rule), as GET /api/assessments/:id/suggestions gives them. Pure: no React,
 * no fetch, so tests load it as is.
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

/** Suggestions grouped by the probe run behind them (a suggestion may rest on several runs). */
export function suggestionsByRun(suggestions: ReadonlyMap<string, Suggestion>): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  for (const s of suggestions.values()) {
    for (const runId of new Set(s.basis.map((b) => b.runId))) runs.set(runId, [...(runs.get(runId) ?? []), s.requirementId]);
  }
  return runs;
}
