import { z } from 'zod';

/**
 * The head of the audit chain as exported for anchoring outside the database
 * (a ticket, a signed mail, another organisation's log): the last entry's
 * sequence number and hash, and when it was written.
 */
export interface AuditAnchor {
  sequence: number;
  hash: string;
  time: string | null;
}

export const AuditAnchorSchema = z.object({
  sequence: z.number().int().min(0),
  hash: z.string().regex(/^([0-9a-f]{64})?$/, 'must be a SHA-256 in lower-case hex'),
  time: z.string().nullable(),
});

export type AnchorVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether a log whose head is `head` still extends `anchor`: the log must reach
 * the anchor's sequence, and its entry there must carry the anchored hash. The
 * chain itself (each entry linking to the one before) is checked separately, so
 * together they prove every entry up to the anchor is the one that was anchored.
 */
export function checkAuditAnchor(anchor: AuditAnchor, head: { seq: number }, hashAtAnchor: string | undefined): AnchorVerdict {
  if (anchor.sequence === 0) return { ok: true };
  if (head.seq < anchor.sequence) {
    return {
      ok: false,
      reason: `the log ends at entry ${head.seq} but the anchor is entry ${anchor.sequence}: entries were removed since the anchor was taken`,
    };
  }
  if (hashAtAnchor === undefined) return { ok: false, reason: `entry ${anchor.sequence} of the anchor is missing from the log` };
  if (hashAtAnchor !== anchor.hash) {
    return {
      ok: false,
      reason: `entry ${anchor.sequence} has hash ${hashAtAnchor} but the anchor says ${anchor.hash}: the log was rewritten since the anchor was taken`,
    };
  }
  return { ok: true };
}
