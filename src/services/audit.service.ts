import { AuditChainVerifier, type AuditVerdict } from '../core/audit-chain.js';
import type { Store } from '../store/database.js';
import { readAuditHead, readAuditLog } from '../store/audit.repository.js';

/** Reads the whole log in order and checks the hash chain against its head. */
export async function verifyAuditLog(store: Store): Promise<AuditVerdict> {
  const verifier = new AuditChainVerifier();
  for await (const entry of readAuditLog(store.db)) {
    if (!verifier.step(entry)) break;
  }
  return verifier.finish(await readAuditHead(store.db));
}
