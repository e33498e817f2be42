/**
 * Every check tebiki knows, by source. The ids are stable: content/checks/*.yaml
 * links them to guidebook requirements, and `validate` rejects a link to an id
 * that is not listed here. Each source keeps its own list in ./checks/.
 */
import { CRA_CHECKS } from './checks/cra.checks.js';
import { FIRMWARE_CHECKS } from './checks/firmware.checks.js';
import { PROBE_CHECKS } from './checks/probe.checks.js';
import { SBOM_CHECKS } from './checks/sbom.checks.js';
import type { CheckDefinition } from './finding.types.js';

export const CHECKS: readonly CheckDefinition[] = [...PROBE_CHECKS, ...FIRMWARE_CHECKS, ...SBOM_CHECKS, ...CRA_CHECKS];

const byId = new Map(CHECKS.map((c) => [c.id, c]));

export function checkById(id: string): CheckDefinition | undefined {
  return byId.get(id);
}
