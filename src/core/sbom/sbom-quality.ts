/**
 * What the NTIA minimum elements (2021) and BSI TR-03183-2 ask of an SBOM, and
 * which of it is missing: for the document its creator and timestamp (and,
 * for TR-03183-2, a unique document identifier); for each software component
 * its supplier, version, a unique identifier (purl or CPE), a hash, a licence
 * and its place in the dependency relations. Hardware components (a hardware
 * BOM) are not judged.
 */
import type { SbomComponent, SbomDocument } from './sbom.types.js';

export const DOCUMENT_ELEMENTS = ['creator', 'timestamp', 'document-identifier'] as const;
export const COMPONENT_ELEMENTS = ['supplier', 'version', 'unique-identifier', 'hash', 'licence', 'dependencies'] as const;
export type QualityElement = (typeof DOCUMENT_ELEMENTS)[number] | (typeof COMPONENT_ELEMENTS)[number];

export interface QualityEntry {
  /** purl or name; absent for the document. */
  component?: string;
  missing: QualityElement[];
}

export interface QualityReport {
  /** The document first, then every component that misses something. */
  entries: QualityEntry[];
  /** Software components judged, and how many miss something. */
  judged: number;
  incomplete: number;
}

/** TR-03183-2 asks for a hash from the SHA-2 family at least (SHA-512 preferred); MD5 and SHA-1 do not count. */
const STRONG_HASH = /^(SHA-(256|384|512)|SHA3-(256|384|512)|BLAKE2b-(256|384|512)|BLAKE3)$/;

function componentMissing(c: SbomComponent, related: ReadonlySet<string>): QualityElement[] {
  const missing: QualityElement[] = [];
  if (!c.supplier) missing.push('supplier');
  if (!c.version) missing.push('version');
  if (!c.purl && !c.cpe) missing.push('unique-identifier');
  if (!c.hashes.some((h) => STRONG_HASH.test(h.alg))) missing.push('hash');
  if (c.licences.length === 0) missing.push('licence');
  if (!related.has(c.ref)) missing.push('dependencies');
  return missing;
}

export function sbomQuality(doc: SbomDocument): QualityReport {
  const documentMissing: QualityElement[] = [];
  if (doc.creators.length === 0) documentMissing.push('creator');
  if (!doc.timestamp) documentMissing.push('timestamp');
  if (!doc.identifier) documentMissing.push('document-identifier');
  const related = new Set(doc.related);
  const entries: QualityEntry[] = [{ missing: documentMissing }];
  let judged = 0;
  for (const c of doc.components) {
    if (c.hardware) continue;
    judged++;
    const missing = componentMissing(c, related);
    if (missing.length > 0) entries.push({ component: c.purl ?? c.name, missing });
  }
  return { entries, judged, incomplete: entries.length - 1 };
}
