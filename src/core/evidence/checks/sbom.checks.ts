import type { CheckDefinition } from '../finding.types.js';

/** The sbom checks (filled in by the sbom work). */
export const SBOM_CHECKS: readonly CheckDefinition[] = [];
