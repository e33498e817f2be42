import type { JobQueue } from '../services/ports/job-queue.js';
import type { Store } from '../store/database.js';
import type { JobQueueOptions } from './database-job-queue.js';
import { InProcessJobQueue } from './in-process-job-queue.js';
import { PgBossJobQueue } from './pg-boss-job-queue.js';

/** The queue that fits the store: pg-boss on PostgreSQL, the in-process queue on SQLite. */
export function createJobQueue(store: Store, databaseUrl: string | undefined, options: Omit<JobQueueOptions, 'store'> = {}): JobQueue {
  if (store.dialect === 'postgres') {
    if (!databaseUrl) throw new Error('the PostgreSQL job queue needs the database URL');
    return new PgBossJobQueue({
      ...options,
      store,
      connectionString: databaseUrl,
      ...(store.pgSchema ? { bossSchema: `${store.pgSchema}_boss` } : {}),
    });
  }
  return new InProcessJobQueue({ ...options, store });
}
