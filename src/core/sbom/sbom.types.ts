import type { FieldErrorCode, FieldErrorParams } from '../errors.js';
import type { TextPlace } from '../text-place.js';

/** The one component model every SBOM format is read into. */
export type SbomFormat = 'CycloneDX' | 'SPDX';
export type SbomEncoding = 'json' | 'xml' | 'tag-value';

export interface SbomHash {
  /** As CycloneDX spells it: SHA-256, SHA-512, MD5, … */
  alg: string;
  content: string;
}

export interface SbomComponent {
  /** bom-ref, SPDXID, or `#n` when the document gives none. */
  ref: string;
  type: string;
  name: string;
  version: string | null;
  purl: string | null;
  cpe: string | null;
  supplier: string | null;
  hashes: SbomHash[];
  licences: string[];
  /** Refs this component depends on. */
  dependsOn: string[];
  /** The ref of the component this one is nested in (CycloneDX nested components, flattened). */
  parent: string | null;
  /** A hardware component (CycloneDX `device`, SPDX purpose DEVICE): kept and shown, never matched. */
  hardware: boolean;
  /** Where it is in the document: a JSON pointer, an XML element path or a line. */
  place: string;
}

export interface SbomDocument {
  format: SbomFormat;
  specVersion: string;
  encoding: SbomEncoding;
  /** CycloneDX serialNumber or SPDX documentNamespace. */
  identifier: string | null;
  timestamp: string | null;
  /** Persons and organisations that made the SBOM (not tools). */
  creators: string[];
  tools: string[];
  /** What the SBOM describes (CycloneDX metadata.component, SPDX documentDescribes). */
  subject: { name: string; version: string | null } | null;
  components: SbomComponent[];
  /** Refs that take part in some dependency relation (as dependent or dependency). */
  related: string[];
}

/** A problem with an SBOM, always naming its place: the English message, and its stable code with the params the UI's sentence takes. */
export interface SbomProblem {
  /** The place in English words (placeWords of `at`, or a JSON pointer as it is). */
  place: string;
  /** The place as data, for the UI to say in its language. */
  at?: TextPlace;
  message: string;
  code: FieldErrorCode;
  params?: FieldErrorParams;
}

export type SbomReadResult = { ok: true; document: SbomDocument } | { ok: false; problems: SbomProblem[] };

/** SBOMs up to 50 MiB are accepted (outside the 10 MiB evidence limit). */
export const SBOM_MAX_BYTES = 50 * 1024 * 1024;
