import type { SuggestionBasisView, SuggestionView } from '../../../src/core/evidence/suggestion-view.types.js';

/**
 * Suggestions from probes, firmware and SBOM analyses (the evidence core's one
 * rule), as GET /api/assessments/:id/suggestions gives them. Pure: no React,
 * no fetch, so tests load it as is.
 */

/** A finding a suggestion rests on; the web shows the link's coverage as it comes. */
export type SuggestionBasis = Omit<SuggestionBasisView, 'coverage'> & { coverage: string };

/** What the workspace reads of a suggestion; the reason is looked up in the messages, or shown as it comes. */
export type Suggestion = Pick<SuggestionView, 'requirementId' | 'verdict'> & { reason: string; basis: SuggestionBasis[] };

/** Suggestions grouped by the probe run behind them (a suggestion may rest on several runs). */
export function suggestionsByRun(suggestions: ReadonlyMap<string, Suggestion>): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  for (const s of suggestions.values()) {
    for (const runId of new Set(s.basis.map((b) => b.runId))) runs.set(runId, [...(runs.get(runId) ?? []), s.requirementId]);
  }
  return runs;
}
