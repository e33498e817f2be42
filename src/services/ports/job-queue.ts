/**
 * One queue for all long work (probe runs, firmware analyses, SBOM matching):
 * pg-boss on PostgreSQL, an in-process queue on SQLite. Job state, progress and
 * cancel requests live in the database, so any server process can show or
 * cancel any job, and a restart marks an unfinished job as interrupted.
 */
import type { JobState } from '../../core/job-state.js';

export { JOB_STATES, type JobState } from '../../core/job-state.js';

export interface JobStatus {
  id: string;
  kind: string;
  state: JobState;
  progress: { done: number; total: number; message: string } | null;
  cancelRequested: boolean;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobContext<P> {
  id: string;
  payload: P;
  /** Aborted when someone asks to cancel the job (from any process). */
  signal: AbortSignal;
  progress(done: number, total: number, message: string): Promise<void>;
}

export type JobHandler<P> = (job: JobContext<P>) => Promise<void>;

export interface EnqueueOptions {
  /** The job's id (a UUID), when the caller must record it before the job can start. */
  id?: string;
}

export interface JobQueue {
  /** Registers the handler of one kind of job; register every kind before start(). */
  register<P>(kind: string, handler: JobHandler<P>): void;
  /** Queues a job (its row is in the database when this resolves) and returns its id. */
  enqueue<P>(kind: string, payload: P, options?: EnqueueOptions): Promise<string>;
  status(jobId: string): Promise<JobStatus | null>;
  /** Cancels a queued job at once; a running job's handler sees its signal aborted (from any process). */
  requestCancel(jobId: string): Promise<void>;
  /** Starts working; jobs left unfinished by a process that stopped are marked interrupted. */
  start(): Promise<void>;
  /** Stops working: running jobs are aborted and marked interrupted. */
  stop(): Promise<void>;
}
