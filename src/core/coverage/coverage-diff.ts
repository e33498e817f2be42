import type { Edition } from '../model/edition.schema.js';
import { coverageOf } from './coverage.js';
import type { CoverageCounts, CoverageStatus } from './coverage.types.js';

export interface StandardCoverageChange {
  standard: string;
  before: CoverageCounts | null;
  after: CoverageCounts | null;
  /** Standard requirements (and enhancements) whose coverage status differs. */
  changed: { id: string; from: CoverageStatus | null; to: CoverageStatus | null }[];
}

/**
 * The coverage change per standard between two editions (the part of the
 * edition diff that says what an edit did to the standards). A standard
 * present in only one edition is reported with the other side null.
 */
export function coverageChange(before: Edition, after: Edition): StandardCoverageChange[] {
  const ids = [...new Set([...before.standards.map((s) => s.id), ...after.standards.map((s) => s.id)])];
  return ids.map((id) => {
    const a = before.standards.some((s) => s.id === id) ? coverageOf(before, id) : null;
    const b = after.standards.some((s) => s.id === id) ? coverageOf(after, id) : null;
    // Enhancements too: an enhancement losing its only answer is a change a reviewer must see.
    const statusA = new Map(a?.requirements.flatMap((r) => [r, ...r.enhancements]).map((r) => [r.id, r.coverage]) ?? []);
    const statusB = new Map(b?.requirements.flatMap((r) => [r, ...r.enhancements]).map((r) => [r.id, r.coverage]) ?? []);
    const changed = [...new Set([...statusA.keys(), ...statusB.keys()])]
      .filter((rid) => statusA.get(rid) !== statusB.get(rid))
      .map((rid) => ({ id: rid, from: statusA.get(rid) ?? null, to: statusB.get(rid) ?? null }));
    return { standard: id, before: a?.summary ?? null, after: b?.summary ?? null, changed };
  });
}
