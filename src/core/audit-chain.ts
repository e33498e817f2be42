import { createHash } from 'node:crypto';
import type { AuditEntry, AuditEntryContent } from './audit-entry.types.js';

export type { AuditEntry, AuditEntryContent } from './audit-entry.types.js';

/** The hash of the chain before its first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function hashAuditEntry(e: AuditEntryContent): string {
  const material = canonicalJson([e.seq, e.at, e.actorId, e.action, e.targetType, e.targetId, e.detail, e.prevHash]);
  return createHash('sha256').update(material).digest('hex');
}

export type AuditVerdict = { ok: true; checked: number } | { ok: false; checked: number; seq: number; reason: string };

/**
 * Checks the chain one entry at a time, in stored order, so a long log can be
 * streamed. A changed entry breaks its own hash; a deleted one leaves a gap in
 * the sequence; a reordered one breaks the link to its predecessor; a deleted
 * tail no longer reaches the recorded head.
 */
export class AuditChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private failure: AuditVerdict | undefined;
  checked = 0;

  /** Returns false once the chain is broken; further entries are ignored. */
  step(e: AuditEntry): boolean {
    if (this.failure) return false;
    const fail = (reason: string) => {
      this.failure = { ok: false, checked: this.checked, seq: e.seq, reason };
      return false;
    };
    if (e.seq !== this.expectedSeq) {
      return fail(`expected entry ${this.expectedSeq} but found ${e.seq}: an entry is missing or out of order`);
    }
    if (e.prevHash !== this.prevHash) {
      return fail('does not link to the entry before it: entries were reordered, removed or rewritten');
    }
    if (hashAuditEntry(e) !== e.hash) return fail('content does not match its hash: the entry was changed');
    this.prevHash = e.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return true;
  }

  finish(head: { seq: number; hash: string }): AuditVerdict {
    if (this.failure) return this.failure;
    const lastSeq = this.expectedSeq - 1;
    if (head.seq !== lastSeq || (lastSeq > 0 && head.hash !== this.prevHash)) {
      return {
        ok: false,
        checked: this.checked,
        seq: Math.min(lastSeq, head.seq) + 1,
        reason: `the log ends at entry ${lastSeq} but the recorded head is entry ${head.seq}: entries were removed from the end or the head was altered`,
      };
    }
    return { ok: true, checked: this.checked };
  }
}

export function verifyAuditChain(entries: Iterable<AuditEntry>, head: { seq: number; hash: string }): AuditVerdict {
  const v = new AuditChainVerifier();
  for (const e of entries) if (!v.step(e)) break;
  return v.finish(head);
}
