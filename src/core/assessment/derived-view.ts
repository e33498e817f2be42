import { COVERING, coverageOf } from '../coverage/coverage.js';
import type { CoverageFilters, CoverageLink, CoverageReport, RequirementCoverage } from '../coverage/coverage.types.js';
import type { Edition } from '../model/edition.schema.js';
import type { GivenVerdict } from './assessment.types.js';
import type { ChecksheetItem } from './checksheet.types.js';
import type { DerivedLink, DerivedRequirement, DerivedResult, DerivedView } from './results.types.js';
import { verdictsByItem } from './scores.js';
import type { Verdict } from './verdicts.js';

/** coverageOf, or a memo of it for editions that never change. */
export type CoverageSource = (edition: Edition, standardId: string, filters: CoverageFilters) => CoverageReport;

/** Every derived result, best first: the order reports and summaries list them in. */
export const DERIVED_RESULTS = [
  'met',
  'partially-met',
  'not-met',
  'not-applicable',
  'partial-evidence',
  'unknown',
  'no-items',
] as const satisfies readonly DerivedResult[];

export function emptyDerivedCounts(): Record<DerivedResult, number> {
  return { met: 0, 'partially-met': 0, 'not-met': 0, 'not-applicable': 0, 'partial-evidence': 0, unknown: 0, 'no-items': 0 };
}

/**
 * The result carried by the verdicts of the items that fully answer a
 * requirement. A pass anywhere is enough (the requirement is met by that
 * item), a fail next; not-applicable only when every carrying item says so;
 * anything still open or outside the checksheet leaves it unknown.
 */
export function carriedResult(verdicts: readonly (Verdict | null)[]): DerivedResult {
  if (verdicts.includes('pass')) return 'met';
  if (verdicts.includes('fail')) return 'not-met';
  if (verdicts.includes('partial')) return 'partially-met';
  if (verdicts.length > 0 && verdicts.every((v) => v === 'not-applicable')) return 'not-applicable';
  return 'unknown';
}

function derive(r: RequirementCoverage, toLink: (l: CoverageLink) => DerivedLink): DerivedRequirement {
  const carried = r.links.filter((l) => COVERING.has(l.relationship)).map(toLink);
  const partialEvidence = r.links.filter((l) => !COVERING.has(l.relationship)).map(toLink);
  const verdicts = carried.map((l) => l.verdict);
  let result: DerivedResult;
  if (carried.length > 0) result = carriedResult(verdicts);
  else if (partialEvidence.length > 0) result = 'partial-evidence';
  else result = 'no-items';
  // A requirement whose own content is unconfirmed can never be shown as met: nobody knows what it asks.
  if (r.unconfirmed && (result === 'met' || result === 'not-applicable')) result = 'unknown';
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    parentId: r.parentId,
    groupId: r.groupId,
    status: r.status,
    coverage: r.coverage,
    result,
    conflict: verdicts.includes('pass') && verdicts.includes('fail'),
    carried,
    partialEvidence,
  };
}

/**
 * What the assessment says about every applicable requirement of one standard,
 * through the edition's mappings (the coverage engine decides what applies and
 * which items link where). Enhancements follow their base requirement.
 * Throws not-found for a standard the edition lacks. `coverage` may be a
 * memo of coverageOf: the report depends on the edition alone, not the answers.
 */
export function derivedView(
  edition: Edition,
  items: readonly ChecksheetItem[],
  answers: readonly GivenVerdict[],
  standardId: string,
  filters: CoverageFilters = {},
  coverage: CoverageSource = coverageOf,
): DerivedView {
  const report = coverage(edition, standardId, filters);
  const verdicts = verdictsByItem(items, answers);
  const itemNo = new Map(items.map((i) => [i.requirementId, i.no] as const));
  const toLink = (l: CoverageLink): DerivedLink => ({
    requirementId: l.requirementId,
    no: itemNo.get(l.requirementId) ?? l.number,
    title: l.title,
    relationship: l.relationship,
    verdict: verdicts.get(l.requirementId) ?? null,
  });
  const requirements = report.requirements
    .flatMap((r) => [r, ...r.enhancements])
    .filter((r) => r.coverage !== 'not-applicable')
    .map((r) => derive(r, toLink));
  const summary: DerivedView['summary'] = { ...emptyDerivedCounts(), total: requirements.length };
  for (const r of requirements) summary[r.result] += 1;
  return { standard: report.standard, filters, requirements, summary };
}
