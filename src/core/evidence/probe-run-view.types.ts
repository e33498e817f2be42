import type { JobState } from '../job-state.js';
import type { CheckLink, Finding, FindingVerdict } from './finding.types.js';

/**
 * A probe run as the API gives it (src/services/probe-runs.service.ts builds
 * it; the web app reads it): its state, scope and who started it.
 */
export interface ProbeRunView {
  id: string;
  assessmentId: string;
  state: JobState;
  progress: { done: number; total: number; message: string } | null;
  cancelRequested: boolean;
  error: string | null;
  scope: { name: string; authorisedBy: string; sha256: string; fileName: string };
  only: string[];
  startedBy: { id: string; displayName: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface FindingView extends Finding {
  /** The guidebook requirements this check is linked to, with the link's coverage. */
  requirements: { id: string; coverage: CheckLink['coverage'] }[];
}

export interface ProbeRunDetail extends ProbeRunView {
  scopeText: string;
  findings: FindingView[];
  counts: Record<FindingVerdict, number>;
}
