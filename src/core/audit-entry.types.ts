/**
 * The audit log's entry shape, apart from the hashing in audit-chain.ts so the
 * web app (which has no node:crypto) can read the same type.
 */

/** One audit entry as it is hashed: everything but its own hash. */
export interface AuditEntryContent {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** Canonical JSON text of the entry's details. */
  detail: string;
  prevHash: string;
}

export interface AuditEntry extends AuditEntryContent {
  hash: string;
}
