import { createRequire } from 'node:module';
import type PgBoss from 'pg-boss';
import type { EnqueueOptions } from '../services/ports/job-queue.js';
import { insertJob } from '../store/jobs.repository.js';
import { DatabaseJobQueue, type JobQueueOptions } from './database-job-queue.js';

export interface PgBossJobQueueOptions extends JobQueueOptions {
  /** The PostgreSQL connection string (the same database as the store). */
  connectionString: string;
  /** pg-boss's own schema; `pgboss` unless set (tests give each suite its own). */
  bossSchema?: string;
}

/** pg-boss keeps a job this long at most; a probe of twenty devices takes minutes. */
const EXPIRE_SECONDS = 4 * 60 * 60;

interface Delivery {
  jobId: string;
}

/**
 * The queue on PostgreSQL: pg-boss delivers each job to one worker among all
 * server processes; our `jobs` row (state, progress, cancel requests) is
 * written beside it, so any process can show or cancel any job. A job is not
 * retried: a probe run that failed half-way is a result, not a glitch.
 */
export class PgBossJobQueue extends DatabaseJobQueue {
  private readonly boss: PgBoss;
  private readonly created = new Set<string>();
  /** This process's pg-boss workers per job kind (`concurrency` each), woken when there is work. */
  private readonly workers = new Map<string, string[]>();

  constructor(options: PgBossJobQueueOptions) {
    super(options);
    // pg-boss (and pg under it) is loaded only for PostgreSQL: the embedded default never pays for it.
    const Boss = createRequire(import.meta.url)('pg-boss') as typeof PgBoss;
    this.boss = new Boss({
      connectionString: options.connectionString,
      schema: options.bossSchema ?? 'pgboss',
      max: 4,
      supervise: true,
      schedule: false,
    });
    // pg-boss reports background errors as events; a missing listener would crash the process.
    this.boss.on('error', () => undefined);
  }

  async enqueue<P>(kind: string, payload: P, options?: EnqueueOptions): Promise<string> {
    this.checkKind(kind);
    const id = this.newId(options);
    await insertJob(this.store.db, { id, kind, payload: JSON.stringify(payload), owner: null, created_at: this.now().toISOString() });
    await this.ensureQueue(kind);
    const delivery: Delivery = { jobId: id };
    await this.boss.send(kind, delivery, { id, retryLimit: 0, expireInSeconds: EXPIRE_SECONDS });
    // A local worker starts it now rather than at its next poll; other processes find it when they poll.
    for (const worker of this.workers.get(kind) ?? []) this.boss.notifyWorker(worker);
    return id;
  }

  override async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    await super.start();
  }

  protected async listen(kind: string): Promise<void> {
    await this.ensureQueue(kind);
    const ids: string[] = [];
    for (let i = 0; i < this.concurrency; i++) {
      // Set once work() answers; a job may arrive before that, and then the worker just polls as usual.
      let worker = '';
      worker = await this.boss.work<Delivery>(kind, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) await this.execute(job.data.jobId);
        // More may be waiting: fetch again at once instead of after the polling interval.
        if (worker) this.boss.notifyWorker(worker);
      });
      ids.push(worker);
    }
    this.workers.set(kind, ids);
  }

  protected async stopDelivery(): Promise<void> {
    this.workers.clear();
    for (const kind of this.kinds()) await this.boss.offWork(kind).catch(() => undefined);
  }

  override async stop(): Promise<void> {
    const wasStarted = this.started;
    await super.stop();
    if (wasStarted) await this.boss.stop({ graceful: false, wait: true, close: true });
  }

  private async ensureQueue(kind: string): Promise<void> {
    if (this.created.has(kind)) return;
    if (!this.started) await this.boss.start();
    await this.boss.createQueue(kind, { name: kind, retryLimit: 0, expireInSeconds: EXPIRE_SECONDS });
    this.created.add(kind);
  }
}
