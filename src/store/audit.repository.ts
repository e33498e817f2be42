import { type AuditEntry, GENESIS_HASH, canonicalJson, hashAuditEntry } from '../core/audit-chain.js';
import type { Db } from './database.js';
import type { DialectName } from './dialect.js';
import type { AuditLogTable } from './schema.js';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one entry to the hash chain. Call inside the transaction that makes
 * the change, so the change and its record commit together or not at all.
 */
export async function appendAudit(trx: Db, dialect: DialectName, record: AuditRecord, now: Date): Promise<AuditEntry> {
  let headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  // PostgreSQL: lock the head row so concurrent writers queue up. SQLite
  // transactions already serialise writers.
  if (dialect === 'postgres') headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const seq = Number(head.seq) + 1;
  const content = {
    seq,
    at: now.toISOString(),
    actorId: record.actorId,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    detail: canonicalJson(record.detail ?? {}),
    prevHash: head.seq === 0 ? GENESIS_HASH : head.hash,
  };
  const hash = hashAuditEntry(content);
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at: content.at,
      actor_id: content.actorId,
      action: content.action,
      target_type: content.targetType,
      target_id: content.targetId,
      detail: content.detail,
      prev_hash: content.prevHash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  return { ...content, hash };
}

export async function readAuditHead(db: Db): Promise<{ seq: number; hash: string }> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  return head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: '' };
}

/** One entry by its sequence number, or undefined when the log has no such entry. */
export async function readAuditEntry(db: Db, seq: number): Promise<AuditEntry | undefined> {
  const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
  return row ? toAuditEntry(row) : undefined;
}

/** Reads the log in stored order, a page at a time, so huge logs stream. */
export async function* readAuditLog(db: Db, pageSize = 1000): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const r of rows) yield toAuditEntry(r);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]?.seq);
  }
}

export interface AuditFilter {
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** An action or an action prefix ending in '.', e.g. 'user.'. */
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function listAudit(db: Db, options: { limit: number; beforeSeq?: number } & AuditFilter): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(options.limit);
  if (options.beforeSeq !== undefined) q = q.where('seq', '<', options.beforeSeq);
  if (options.actorId) q = q.where('actor_id', '=', options.actorId);
  if (options.targetType) q = q.where('target_type', '=', options.targetType);
  if (options.targetId) q = q.where('target_id', '=', options.targetId);
  if (options.action?.endsWith('.')) q = q.where('action', 'like', `${options.action.replace(/[%_\\]/g, '')}%`);
  else if (options.action) q = q.where('action', '=', options.action);
  if (options.from) q = q.where('at', '>=', options.from);
  if (options.to) q = q.where('at', '<', options.to);
  return (await q.execute()).map(toAuditEntry);
}

function toAuditEntry(r: AuditLogTable): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
