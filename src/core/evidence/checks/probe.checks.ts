import type { CheckDefinition } from '../finding.types.js';

/** The device probes (filled in by the probe work: id, version, purpose ja/en, limits). */
export const PROBE_CHECKS: readonly CheckDefinition[] = [];
