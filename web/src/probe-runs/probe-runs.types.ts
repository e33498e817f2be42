import type { Localized } from '../api/types';
import type { Verdict } from '../api/assessment.types';

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

export interface Suggestion {
  requirementId: string;
  no: string;
  title: Localized;
  verdict: 'pass' | 'fail' | 'needs-review';
  reason: string;
  basis: { source: string; runId: string; check: string; target: string; verdict: string; summary: Localized; at: string; coverage: string }[];
  answer: { verdict: Verdict; source: { kind: string } | null };
}

export const UNFINISHED: readonly RunState[] = ['queued', 'running'];
