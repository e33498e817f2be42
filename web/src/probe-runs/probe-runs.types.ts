import type { Localized } from '../api/types';
import type { SuggestionView } from '../../../src/core/evidence/suggestion-view.types.js';
import type { Suggestion as WorkspaceSuggestion } from '../workspace/suggestions';

/** The probe run API's shapes (src/services/probe-runs.service.ts, suggestions.service.ts). */
export type RunState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'interrupted';

export interface ProbeRun {
  id: string;
  state: RunState;
  progress: { done: number; total: number; message: string } | null;
  cancelRequested: boolean;
  error: string | null;
  scope: { name: string; authorisedBy: string; sha256: string; fileName: string };
  startedBy: { id: string; displayName: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ProbeFinding {
  check: string;
  target: string;
  verdict: string;
  summary: Localized;
  evidence: Record<string, unknown>;
  at: string;
  requirements: { id: string; coverage: string }[];
}

export interface ProbeRunDetail extends ProbeRun {
  findings: ProbeFinding[];
}

/** A suggestion as the runs page lists it: the workspace's reading (reason and coverage as text) with the item and its answer now. */
export type Suggestion = Omit<SuggestionView, 'reason' | 'basis'> & Pick<WorkspaceSuggestion, 'reason' | 'basis'>;

export const UNFINISHED: readonly RunState[] = ['queued', 'running'];
