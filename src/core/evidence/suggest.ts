/**
 * The one suggestion rule shared by probes, firmware, SBOM and CRA checks:
 * - any linked check failing                              → 不適合 (fail)
 * - every linked check passing, at least one `full` link   → 適合 (pass)
 * - anything else (only partial links, inconclusive, error, not applicable,
 *   or runs that disagree on the same check and target)   → 要確認 (needs-review)
 * A suggestion is never an answer: the assessor accepts or overrides it.
 */
import type { CheckLink, FindingVerdict, LinkCoverage, SourcedFinding } from './finding.types.js';

export type SuggestedVerdict = 'pass' | 'fail' | 'needs-review';

/** Why the rule decided as it did; a stable code the UI and reports translate. */
export type SuggestionReason =
  | 'linked-check-failed'
  | 'all-passed-with-full-link'
  | 'partial-links-only'
  | 'inconclusive-or-error'
  | 'not-applicable'
  | 'sources-disagree';

export interface SuggestionBasis {
  finding: SourcedFinding;
  coverage: LinkCoverage;
}

export interface Suggestion {
  requirement: string;
  verdict: SuggestedVerdict;
  reason: SuggestionReason;
  /** Every finding behind the suggestion, with the coverage of its link. */
  basis: SuggestionBasis[];
}

/**
 * Suggestions for every requirement that some finding reaches through a link.
 * Pure: the same findings and links always give the same suggestions, ordered by requirement id.
 */
export function suggest(findings: readonly SourcedFinding[], links: readonly CheckLink[]): Suggestion[] {
  const linksByCheck = new Map<string, CheckLink[]>();
  for (const link of links) {
    const list = linksByCheck.get(link.check) ?? [];
    list.push(link);
    linksByCheck.set(link.check, list);
  }
  const basisByRequirement = new Map<string, SuggestionBasis[]>();
  for (const finding of findings) {
    for (const link of linksByCheck.get(finding.check) ?? []) {
      const list = basisByRequirement.get(link.requirement) ?? [];
      list.push({ finding, coverage: link.coverage });
      basisByRequirement.set(link.requirement, list);
    }
  }
  return [...basisByRequirement.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([requirement, basis]) => ({ requirement, basis, ...decide(basis) }));
}

function decide(basis: readonly SuggestionBasis[]): Pick<Suggestion, 'verdict' | 'reason'> {
  if (basis.some((b) => b.finding.verdict === 'fail')) {
    return runsDisagree(basis) ? { verdict: 'needs-review', reason: 'sources-disagree' } : { verdict: 'fail', reason: 'linked-check-failed' };
  }
  if (basis.some((b) => b.finding.verdict === 'inconclusive' || b.finding.verdict === 'error')) {
    return { verdict: 'needs-review', reason: 'inconclusive-or-error' };
  }
  if (basis.some((b) => b.finding.verdict === 'not-applicable')) {
    return { verdict: 'needs-review', reason: 'not-applicable' };
  }
  if (!basis.some((b) => b.coverage === 'full')) return { verdict: 'needs-review', reason: 'partial-links-only' };
  return { verdict: 'pass', reason: 'all-passed-with-full-link' };
}

/** Two runs (or sources) that judged the same check on the same target differently. */
function runsDisagree(basis: readonly SuggestionBasis[]): boolean {
  const seen = new Map<string, Set<FindingVerdict>>();
  for (const { finding } of basis) {
    const key = `${finding.check}\u0000${finding.target}`;
    const verdicts = seen.get(key) ?? new Set<FindingVerdict>();
    verdicts.add(finding.verdict);
    seen.set(key, verdicts);
  }
  return [...seen.values()].some((v) => v.has('fail') && v.has('pass'));
}
