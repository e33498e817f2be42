import { insertJob } from '../store/jobs.repository.js';
import type { EnqueueOptions } from '../services/ports/job-queue.js';
import { DatabaseJobQueue } from './database-job-queue.js';

/**
 * The queue on SQLite: jobs run in the process that queued them, at most
 * `concurrency` at once. Their rows (state, progress, cancel requests) are in
 * the database like pg-boss's, and they are owned by this instance from the
 * start, so a job still waiting when the process ends is marked interrupted too.
 */
export class InProcessJobQueue extends DatabaseJobQueue {
  private readonly waiting: string[] = [];
  private inFlight = 0;

  async enqueue<P>(kind: string, payload: P, options?: EnqueueOptions): Promise<string> {
    this.checkKind(kind);
    const id = this.newId(options);
    await insertJob(this.store.db, { id, kind, payload: JSON.stringify(payload), owner: this.workerId, created_at: this.now().toISOString() });
    this.waiting.push(id);
    this.pump();
    return id;
  }

  protected async listen(): Promise<void> {
    this.pump();
  }

  protected async stopDelivery(): Promise<void> {
    // Waiting jobs stay queued under this owner; stop() marks them interrupted.
    this.waiting.length = 0;
  }

  private pump(): void {
    while (this.started && this.inFlight < this.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift() as string;
      this.inFlight += 1;
      void this.execute(id).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }
}
