import { createHash } from 'node:crypto';
import { canonicalJson } from './audit-chain.js';
import type { Edition } from './model/edition.schema.js';

/** An edition's identity: SHA-256 of its canonical JSON (keys sorted), whatever order its files were read in. */
export function editionHash(edition: Edition): string {
  return createHash('sha256').update(canonicalJson(edition)).digest('hex');
}
