import type { Localized } from '../model/edition.schema.js';
import type { Layer, Phase, Relationship, VerificationMethod } from '../taxonomy.js';

/** Only items that reach this standard (under its filters). */
export interface ChecksheetTarget {
  standard: string;
  /** IEC 62443-4-2 capability security level (SL-C) 1..4. */
  securityLevel?: number | undefined;
  /** IEC 62443-4-2 component type (cr, sar, edr, hdr, ndr). */
  componentType?: string | undefined;
  /** Only the standard's mandatory requirements (ETSI EN 303 645 "M" provisions). */
  mandatoryOnly?: boolean | undefined;
}

/** What a checksheet is generated from, besides the edition. Empty lists mean "all". */
export interface ChecksheetSpec {
  layers: Layer[];
  phases: Phase[];
  /** Applicability conditions (適用条件) the product meets; null: no profile, every item applies. */
  profile: string[] | null;
  target: ChecksheetTarget | null;
}

/** One check item: a guidebook requirement as the assessor works on it. */
export interface ChecksheetItem {
  /** 項番: the guidebook item's display number, stable across filters and editions. */
  no: string;
  requirementId: string;
  title: Localized;
  layers: Layer[];
  phases: Phase[];
  threatCategory: { id: string; label: Localized };
  /** 基準（対策） */
  criteria: Localized[];
  /** 確認方法 */
  method: { methods: VerificationMethod[]; steps: Localized[] };
  applicability: string[];
  /** The item's links into the target standard (empty without a target). */
  targetLinks: { requirement: string; relationship: Relationship }[];
  /** Fingerprint of what the assessor checks against; changes when the item's text or classification changes. */
  hash: string;
}

export interface ExcludedItem {
  requirementId: string;
  no: string;
  reason: Localized;
}

/** Labels of the edition's layers and phases, so exports need nothing else to name them. */
export interface ChecksheetLabels {
  layers: { id: Layer; label: Localized }[];
  phases: { id: Phase; label: Localized }[];
}

export interface Checksheet {
  edition: { id: string; title: Localized; date: string };
  labels: ChecksheetLabels;
  spec: ChecksheetSpec;
  /** Ordered by phase, then layer, then number. */
  items: ChecksheetItem[];
  /** Items left out by the applicability profile, with the reason. */
  excluded: ExcludedItem[];
}
