import type { CoverageFilters } from '../coverage/coverage.types.js';
import type { Edition, Localized } from '../model/edition.schema.js';
import type { GivenVerdict } from './assessment.types.js';
import type { ChecksheetItem } from './checksheet.types.js';
import { type CoverageSource, derivedView } from './derived-view.js';
import type { DerivedResult, Readiness, ReadinessState } from './results.types.js';

export const READINESS_SCHEMES = ['jc-star-1', 'etsi-en-303-645-mandatory'] as const;

/** Which standard, under which filters, each scheme asks about. */
const SCHEMES: Readonly<Record<Readiness['scheme'], { standardId: string; filters: CoverageFilters; label: Localized }>> = {
  'jc-star-1': { standardId: 'jc-star-1', filters: {}, label: { ja: 'JC-STAR ★1', en: 'JC-STAR ★1' } },
  'etsi-en-303-645-mandatory': {
    standardId: 'etsi-en-303-645',
    filters: { statuses: ['mandatory'] },
    label: { ja: 'ETSI EN 303 645 必須規定', en: 'ETSI EN 303 645 mandatory provisions' },
  },
};

/** A requirement is ready when met or not applicable; partial counts against it; anything without a verdict is unknown. */
export function readinessOfResult(result: DerivedResult): ReadinessState {
  if (result === 'met' || result === 'not-applicable') return 'met';
  if (result === 'not-met' || result === 'partially-met') return 'not-met';
  return 'unknown';
}

/** The whole scheme: not met when anything is not met, met only when everything is, else unknown. */
export function schemeState(counts: Record<ReadinessState, number>): ReadinessState {
  if (counts['not-met'] > 0) return 'not-met';
  return counts.unknown === 0 ? 'met' : 'unknown';
}

/** Readiness for JC-STAR ★1 or the ETSI EN 303 645 mandatory provisions; null when the edition lacks the standard. */
export function readinessFor(
  edition: Edition,
  items: readonly ChecksheetItem[],
  answers: readonly GivenVerdict[],
  scheme: Readiness['scheme'],
  coverage?: CoverageSource,
): Readiness | null {
  const { standardId, filters, label } = SCHEMES[scheme];
  if (!edition.standards.some((s) => s.id === standardId)) return null;
  const view = derivedView(edition, items, answers, standardId, filters, coverage);
  const requirements = view.requirements.map((r) => ({
    id: r.id,
    title: r.title,
    state: readinessOfResult(r.result),
    result: r.result,
    carried: r.carried,
    partialEvidence: r.partialEvidence,
  }));
  const counts: Record<ReadinessState, number> = { met: 0, 'not-met': 0, unknown: 0 };
  for (const r of requirements) counts[r.state] += 1;
  return { scheme, label, standardId, state: schemeState(counts), counts, requirements };
}
