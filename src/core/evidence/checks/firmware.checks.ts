import type { CheckDefinition } from '../finding.types.js';

/** The firmware checks (filled in by the firmware work). */
export const FIRMWARE_CHECKS: readonly CheckDefinition[] = [];
