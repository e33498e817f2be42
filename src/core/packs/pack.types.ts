import type { AttachmentMeta } from '../assessment/assessment.types.js';
import type { DerivedResult } from '../assessment/results.types.js';
import type { Verdict } from '../assessment/verdicts.js';
import type { Localized } from '../model/edition.schema.js';
import type { Relationship } from '../taxonomy.js';

/** The schemes a conformity pack can be made for. */
export const PACK_SCHEMES = ['jc-star-1', 'etsi-en-303-645', 'eu-cra'] as const;
export type PackScheme = (typeof PACK_SCHEMES)[number];

export function isPackScheme(value: string): value is PackScheme {
  return (PACK_SCHEMES as readonly string[]).includes(value);
}

/** The standard of the edition each scheme reads its requirements from. */
export const PACK_STANDARD: Readonly<Record<PackScheme, string>> = {
  'jc-star-1': 'jc-star-1',
  'etsi-en-303-645': 'etsi-en-303-645',
  'eu-cra': 'eu-cra-annex-i',
};

/** One check item's answer behind a scheme requirement, with its evidence. */
export interface PackEvidence {
  requirementId: string;
  no: string;
  title: Localized;
  relationship: Relationship;
  /** Null when the item is not in the assessment's checksheet. */
  verdict: Verdict | null;
  evidence: string;
  comment: string;
  attachments: AttachmentMeta[];
}

/** Facts about the assessed product that live outside the assessment (product version, SBOMs, CRA cases). */
export interface PackFacts {
  /** The assessed product version as administered; null when the assessment names none or it is not registered. */
  productVersion: { version: string; releaseDate: string | null; supportEnd: string | null } | null;
  /** The most recent release date among the product's versions released up to now. */
  lastReleaseDate: string | null;
  /** SBOMs of the assessed version, newest first. */
  sboms: { filename: string; sha256: string; format: string; specVersion: string; uploadedAt: string; components: number }[];
  /** Known vulnerabilities matched to the assessed version, with their triage (null: not triaged). */
  vulnerabilities: { id: string; severity: string | null; status: string | null }[];
  /** Real (not drill) open CRA cases of the product, with the stages past their deadline. */
  craCases: { id: string; title: string; overdueStages: string[] }[];
}

/** Something the scheme needs that the assessment (or the product's records) lacks. */
export interface PackGap {
  code:
    | 'unanswered-requirement'
    | 'pending-verification'
    | 'not-met-requirement'
    | 'missing-product-version'
    | 'missing-release-date'
    | 'missing-support-period'
    | 'missing-sbom'
    | 'sbom-older-than-release'
    | 'overdue-cra-case'
    | 'untriaged-vulnerability';
  /** The scheme requirement, version, SBOM or case the gap is about. */
  target: string | null;
  message: Localized;
}

/** The self-check: complete only when no gap is left. */
export interface PackCheck {
  state: 'complete' | 'draft';
  gaps: PackGap[];
}

/** Document-versus-device evaluation of a JC-STAR requirement, where the reference data knows it. */
export type EvaluationType = 'document' | 'device-test' | 'document-and-device-test' | 'unknown';

export interface JcStarRow {
  id: string;
  title: Localized;
  result: DerivedResult;
  /** The requirement's content is not confirmed against IPA's criteria (pending verification). */
  pending: boolean;
  evaluation: EvaluationType;
  evidence: PackEvidence[];
  partialEvidence: PackEvidence[];
}

/** ETSI EN 303 645 implementation conformance statement: one row per provision. */
export interface IcsRow {
  id: string;
  groupId: string | null;
  title: Localized;
  /** M, R, M C(n), R C(n): the status column of the conformance statement. */
  status: string;
  conditions: { id: string; label: Localized }[];
  /** False only when the assessor declared the carrying items not applicable. */
  applicable: boolean;
  support: 'yes' | 'partly' | 'no' | 'not-applicable' | 'unknown';
  result: DerivedResult;
  evidence: PackEvidence[];
  partialEvidence: PackEvidence[];
}

export interface CraRequirementRow {
  id: string;
  part: 'I' | 'II';
  title: Localized;
  result: DerivedResult;
  applicable: boolean;
  evidence: PackEvidence[];
  partialEvidence: PackEvidence[];
}

/** What every pack names about the assessment and the product. */
export interface PackHeader {
  scheme: PackScheme;
  schemeLabel: Localized;
  standard: { id: string; title: Localized; version: string };
  assessment: { id: string; title: string; status: string; finalisedAt: string | null; contentHash: string | null; editionId: string };
  organisation: { id: string; name: string };
  product: { id: string; name: string; model: string | null; version: string | null };
  generatedAt: string;
}

export interface JcStarPack {
  scheme: 'jc-star-1';
  header: PackHeader;
  check: PackCheck;
  rows: JcStarRow[];
}

export interface EtsiPack {
  scheme: 'etsi-en-303-645';
  header: PackHeader;
  check: PackCheck;
  rows: IcsRow[];
}

export interface CraPack {
  scheme: 'eu-cra';
  header: PackHeader;
  check: PackCheck;
  partI: CraRequirementRow[];
  partII: CraRequirementRow[];
  facts: PackFacts;
  /** Items of the checksheet by verdict, for the risk assessment summary. */
  verdictCounts: Record<Verdict, number>;
  /** Standards of the edition the checked items reach (besides the CRA): what the maker may cite. */
  standardsApplied: { id: string; title: Localized; version: string }[];
}

export type Pack = JcStarPack | EtsiPack | CraPack;
