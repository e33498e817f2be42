import type { CheckDefinition } from '../finding.types.js';

/** The cra checks (filled in by the cra work). */
export const CRA_CHECKS: readonly CheckDefinition[] = [];
