import { createHash } from 'node:crypto';

/** Our namespace for OSCAL props and parts: an identifier, never fetched. */
export const TEBIKI_NS = 'urn:tebiki:oscal';
export const OSCAL_VERSION = '1.2.1';

/**
 * A name-based UUID (version 5 layout over SHA-1), so the same edition
 * always exports the same document: exports can be diffed and cited.
 */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(`tebiki:${name}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * OSCAL tokens start with a letter or "_" and hold letters, digits, ".", "-"
 * and "_". Standard ids such as "CR 1.1 RE(1)" or "03.01.01" are not tokens;
 * this maps them to one, and the original id travels in a prop.
 */
export function toToken(id: string): string {
  const body = id
    .trim()
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/_+$/, '');
  return /^[\p{L}_]/u.test(body) ? body : `_${body}`;
}

/** ISO date-time with offset, as OSCAL's date-time-with-timezone wants. */
export function oscalDateTime(date: string): string {
  return /T/.test(date) ? date : `${date}T00:00:00Z`;
}
