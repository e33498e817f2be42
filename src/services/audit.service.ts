import { type AnchorVerdict, type AuditAnchor, checkAuditAnchor } from '../core/audit-anchor.js';
import { AuditChainVerifier, type AuditVerdict } from '../core/audit-chain.js';
import type { Store } from '../store/database.js';
import { readAuditEntry, readAuditHead, readAuditLog } from '../store/audit.repository.js';

/** Reads the whole log in order and checks the hash chain against its head. */
export async function verifyAuditLog(store: Store): Promise<AuditVerdict> {
  const verifier = new AuditChainVerifier();
  for await (const entry of readAuditLog(store.db)) {
    if (!verifier.step(entry)) break;
  }
  return verifier.finish(await readAuditHead(store.db));
}

/** The chain head to anchor elsewhere: the last entry's sequence, hash and time (0, '' and null while the log is empty). */
export async function readAuditAnchor(store: Store): Promise<AuditAnchor> {
  const head = await readAuditHead(store.db);
  if (head.seq === 0) return { sequence: 0, hash: '', time: null };
  const entry = await readAuditEntry(store.db, head.seq);
  return { sequence: head.seq, hash: head.hash, time: entry?.at ?? null };
}

export type AnchoredAuditVerdict = AuditVerdict & { anchor?: AnchorVerdict };

/**
 * Checks the chain, then that it still extends `anchor`: a log cut back below the
 * anchor, or rewritten consistently from some entry on, passes the chain check
 * alone but not this one.
 */
export async function verifyAuditLogAgainst(store: Store, anchor: AuditAnchor): Promise<AnchoredAuditVerdict> {
  const chain = await verifyAuditLog(store);
  const head = await readAuditHead(store.db);
  const atAnchor = anchor.sequence > 0 ? await readAuditEntry(store.db, anchor.sequence) : undefined;
  const verdict = checkAuditAnchor(anchor, head, atAnchor?.hash);
  if (!verdict.ok && chain.ok)
    return { ok: false, checked: chain.checked, seq: Math.min(anchor.sequence, head.seq + 1), reason: verdict.reason, anchor: verdict };
  return { ...chain, anchor: verdict };
}
