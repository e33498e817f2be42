import { randomUUID } from 'node:crypto';
import type { Store } from '../store/database.js';
import {
  beat,
  claimJob,
  findJob,
  finishJob,
  interruptOrphans,
  isCancelRequested,
  type JobEnd,
  type JobRow,
  listWorkers,
  removeWorker,
  requestJobCancel,
  setJobProgress,
} from '../store/jobs.repository.js';
import { currentProcess, formatProcess, processIsGone } from './process-identity.js';
import type { EnqueueOptions, JobHandler, JobQueue, JobState, JobStatus } from '../services/ports/job-queue.js';

export interface JobQueueOptions {
  store: Store;
  now?: () => Date;
  /** How often this instance beats, looks for cancel requests and for orphaned jobs (ms). */
  pollMs?: number;
  /** A job whose owner has not beaten for this long is marked interrupted (ms). */
  staleAfterMs?: number;
  /** Jobs this instance runs at once. */
  concurrency?: number;
}

interface Running {
  controller: AbortController;
  /** Why the signal was aborted: someone cancelled, or this instance is stopping. */
  reason: 'cancel' | 'stop' | null;
  done: Promise<void>;
}

const ERROR_LIMIT = 2000;

/**
 * What both queues share: the `jobs` table holds state, progress and cancel
 * requests; each instance beats in `job_workers`, checks for cancel requests of
 * the jobs it runs, and marks interrupted the unfinished jobs of instances that
 * stopped beating. Subclasses only deliver jobs (memory or pg-boss).
 */
export abstract class DatabaseJobQueue implements JobQueue {
  readonly workerId = randomUUID();
  protected readonly store: Store;
  protected readonly now: () => Date;
  protected readonly concurrency: number;
  private readonly pollMs: number;
  private readonly staleAfterMs: number;
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly running = new Map<string, Running>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  protected started = false;

  constructor(options: JobQueueOptions) {
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? 1000;
    this.staleAfterMs = options.staleAfterMs ?? 15_000;
    this.concurrency = options.concurrency ?? 2;
  }

  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} is registered twice`);
    this.handlers.set(kind, handler as JobHandler<unknown>);
    if (this.started) void this.listen(kind);
  }

  protected kinds(): string[] {
    return [...this.handlers.keys()];
  }

  abstract enqueue<P>(kind: string, payload: P, options?: EnqueueOptions): Promise<string>;
  /** Starts delivering jobs of one kind to execute(). */
  protected abstract listen(kind: string): Promise<void>;
  protected abstract stopDelivery(): Promise<void>;

  protected checkKind(kind: string): void {
    if (!this.handlers.has(kind)) throw new Error(`no handler registered for job kind ${kind}`);
  }

  protected newId(options?: EnqueueOptions): string {
    return options?.id ?? randomUUID();
  }

  async status(jobId: string): Promise<JobStatus | null> {
    const row = await findJob(this.store.db, jobId);
    return row ? toJobStatus(row) : null;
  }

  async requestCancel(jobId: string): Promise<void> {
    await requestJobCancel(this.store.db, jobId, this.now().toISOString());
    this.abortLocal(jobId, 'cancel');
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.tick();
    this.started = true;
    for (const kind of this.kinds()) await this.listen(kind);
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearInterval(this.timer);
    await this.stopDelivery();
    for (const id of this.running.keys()) this.abortLocal(id, 'stop');
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    await interruptOrphans(this.store.db, this.store.dialect, this.now().toISOString(), { owner: this.workerId });
    await removeWorker(this.store.db, this.workerId);
  }

  /**
   * Beat, pass on cancel requests made by other processes, and interrupt orphaned
   * jobs: at once when their owner's process is known to be gone (a crash on this
   * machine, seen at start-up), else when its heartbeat is stale.
   */
  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.now();
      const db = this.store.db;
      await beat(db, this.workerId, now.toISOString(), formatProcess(currentProcess()));
      for (const id of this.running.keys()) {
        if (await isCancelRequested(db, id)) this.abortLocal(id, 'cancel');
      }
      const staleBefore = new Date(now.getTime() - this.staleAfterMs).toISOString();
      const gone = (await listWorkers(db, this.workerId)).filter((w) => processIsGone(w.process)).map((w) => w.id);
      await interruptOrphans(db, this.store.dialect, now.toISOString(), { staleBefore, gone });
    } catch {
      // A failed beat is retried on the next tick; the database may be restarting.
    } finally {
      this.ticking = false;
    }
  }

  private abortLocal(id: string, reason: 'cancel' | 'stop'): void {
    const run = this.running.get(id);
    if (!run || run.reason) return;
    run.reason = reason;
    run.controller.abort(new Error(reason === 'cancel' ? 'cancelled' : 'the server running this job stopped'));
  }

  /** Runs one job if it is still queued: claims it, calls its handler, records how it ended. */
  protected async execute(id: string): Promise<void> {
    const db = this.store.db;
    const row = await findJob(db, id);
    if (!row || !(await claimJob(db, id, this.workerId, this.now().toISOString()))) return;
    if (!this.started) {
      // stop() began while the claim was on its way: nobody would abort this run, so it ends here.
      await finishJob(db, id, 'interrupted', 'the server running this job stopped', this.now().toISOString()).catch(() => undefined);
      return;
    }
    const handler = this.handlers.get(row.kind);
    const controller = new AbortController();
    let settle: () => void = () => undefined;
    const run: Running = { controller, reason: null, done: new Promise<void>((resolve) => (settle = resolve)) };
    this.running.set(id, run);
    let end: JobEnd = 'completed';
    let error: string | null = null;
    try {
      if (!handler) throw new Error(`no handler registered for job kind ${row.kind}`);
      await handler({
        id,
        payload: JSON.parse(row.payload) as unknown,
        signal: controller.signal,
        progress: (done, total, message) => setJobProgress(db, id, done, total, message.slice(0, 500)),
      });
      if (run.reason) end = run.reason === 'cancel' ? 'cancelled' : 'interrupted';
    } catch (err) {
      end = run.reason === 'cancel' ? 'cancelled' : run.reason === 'stop' ? 'interrupted' : 'failed';
      error = (err instanceof Error ? err.message : String(err)).slice(0, ERROR_LIMIT);
    } finally {
      await finishJob(db, id, end, end === 'completed' ? null : error, this.now().toISOString()).catch(() => undefined);
      this.running.delete(id);
      settle();
    }
  }
}

export function toJobStatus(row: JobRow): JobStatus {
  const hasProgress = row.progress_total !== null && row.progress_done !== null;
  return {
    id: row.id,
    kind: row.kind,
    state: row.state as JobState,
    progress: hasProgress ? { done: Number(row.progress_done), total: Number(row.progress_total), message: row.progress_message ?? '' } : null,
    cancelRequested: Number(row.cancel_requested) === 1,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
