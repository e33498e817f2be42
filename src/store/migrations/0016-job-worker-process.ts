import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Frozen in time. `job_workers.process` names the operating-system process of a
 * queue instance (boot id, PID namespace, PID, start time; null where unknown),
 * so that a server starting after a crash on the same machine marks the dead
 * process's jobs interrupted at once instead of waiting for its heartbeat to age.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, { job_workers: ['add column process text'] });
}
