import type { FindingView, ProbeRunDetail, ProbeRunView } from '../../../src/core/evidence/probe-run-view.types.js';
import type { JobState } from '../../../src/core/job-state.js';
import type { SuggestionView } from '../../../src/core/evidence/suggestion-view.types.js';
import type { Suggestion as WorkspaceSuggestion } from '../workspace/suggestions';

/** The probe run API's shapes, as the server builds them (src/core/evidence/probe-run-view.types.ts). */
export type RunState = JobState;
export type ProbeRun = ProbeRunView;
export type ProbeFinding = FindingView;
export type { ProbeRunDetail };

/** A suggestion as the runs page lists it: the workspace's reading (reason and coverage as text) with the item and its answer now. */
export type Suggestion = Omit<SuggestionView, 'reason' | 'basis'> & Pick<WorkspaceSuggestion, 'reason' | 'basis'>;

export const UNFINISHED: readonly RunState[] = ['queued', 'running'];
