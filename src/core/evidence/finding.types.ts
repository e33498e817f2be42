/**
 * Evidence from the product itself: device probes, firmware analyses, SBOM and
 * vulnerability checks, CRA reporting state. Every source produces findings of
 * one shape, so that the assessment treats them alike (see ../../../docs/ARCHITECTURE.md,
 * "Evidence from the product").
 */
import type { Localized } from '../model/edition.schema.js';

/** Where a finding came from. */
export const EVIDENCE_SOURCES = ['probe', 'firmware', 'sbom', 'cra'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** The verdict one check gives on one target (a host:port, a file path, an SBOM, a product). */
export const FINDING_VERDICTS = ['pass', 'fail', 'inconclusive', 'not-applicable', 'error'] as const;
export type FindingVerdict = (typeof FINDING_VERDICTS)[number];

/** A check tebiki can run: a stable id (e.g. `web.hsts`, `fw.accounts`), a version and its purpose. */
export interface CheckDefinition {
  id: string;
  source: EvidenceSource;
  /** Raised whenever what the check decides changes, so old findings can be told apart. */
  version: number;
  purpose: Localized;
  /** What a pass does not prove: shown beside the finding so nobody over-reads it. */
  limits?: Localized;
}

/** One result of one check on one target. Evidence is trimmed and has secrets masked by the runner. */
export interface Finding {
  check: string;
  checkVersion: number;
  /** `host:port` for probes, a path inside the image for firmware, a purl or the document for SBOMs. */
  target: string;
  verdict: FindingVerdict;
  summary: Localized;
  evidence: Record<string, unknown>;
  /** When the check ran (the evidence's own time, not when it was attached). */
  at: string;
}

/** A finding together with the run or analysis it belongs to. */
export interface SourcedFinding extends Finding {
  source: EvidenceSource;
  /** The probe run, firmware analysis, SBOM or CRA snapshot id. */
  runId: string;
}

/** How much of a guidebook requirement a check evidences (content/checks/*.yaml). */
export const LINK_COVERAGES = ['full', 'partial'] as const;
export type LinkCoverage = (typeof LINK_COVERAGES)[number];

/** One link from a check to a guidebook requirement, as the editors maintain it in content/checks. */
export interface CheckLink {
  check: string;
  requirement: string;
  coverage: LinkCoverage;
}
