import type { Config } from '../config/config.js';
import type { Actor } from '../core/authorization.js';
import { type AuditRecord, appendAudit } from '../store/audit.repository.js';
import type { Db, Store } from '../store/database.js';
import type { EvidencePorts } from './ports/evidence-ports.js';

/** What every use case gets: the store, the configuration and a clock. */
export interface ServiceContext {
  store: Store;
  config: Config;
  now(): Date;
  /** Job queue, probe engine and check links; absent where no evidence is collected (e.g. most CLI commands). */
  evidence?: EvidencePorts;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/**
 * Runs a change and its audit entry in one transaction: both are written, or
 * neither is.
 */
export async function mutate<T>(
  ctx: ServiceContext,
  actor: Actor,
  record: Omit<AuditRecord, 'actorId'> | ((result: NoInfer<T>) => Omit<AuditRecord, 'actorId'>),
  change: (trx: Db) => Promise<T>,
): Promise<T> {
  return ctx.store.db.transaction().execute(async (trx) => {
    const result = await change(trx);
    const rec = typeof record === 'function' ? record(result) : record;
    await appendAudit(trx, ctx.store.dialect, { ...rec, actorId: actorId(actor) }, ctx.now());
    return result;
  });
}
