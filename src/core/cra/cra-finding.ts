import { CRA_CHECKS } from '../evidence/checks/cra.checks.js';
import type { SourcedFinding } from '../evidence/finding.types.js';
import type { StageClock } from './cra-clocks.js';

const CHECK = CRA_CHECKS[0] as (typeof CRA_CHECKS)[number];

export interface ReportingState {
  productId: string;
  productName: string;
  /** Whether the product has a named reporting owner. */
  ownerNamed: boolean;
  /** Real (non-drill) open cases with their clocks at `at`. */
  cases: { id: string; title: string; clocks: readonly StageClock[] }[];
  at: string;
}

/**
 * The `cra.reporting` finding for one product: fail while a real case has an
 * overdue stage; inconclusive when nobody owns reporting; pass otherwise.
 */
export function reportingFinding(state: ReportingState): SourcedFinding {
  const overdue = state.cases.flatMap((c) =>
    c.clocks.filter((k) => k.state === 'overdue').map((k) => ({ caseId: c.id, title: c.title, stage: k.stage, dueAt: k.dueAt })),
  );
  const base = {
    check: CHECK.id,
    checkVersion: CHECK.version,
    source: 'cra' as const,
    runId: `cra:${state.productId}:${state.at}`,
    target: state.productName,
    at: state.at,
  };
  if (overdue.length > 0) {
    return {
      ...base,
      verdict: 'fail',
      summary: { ja: `期限切れの報告段階が ${overdue.length} 件あります`, en: `${overdue.length} reporting stage(s) past the deadline` },
      evidence: { overdue },
    };
  }
  if (!state.ownerNamed) {
    return {
      ...base,
      verdict: 'inconclusive',
      summary: { ja: '報告責任者が指名されていません', en: 'No reporting owner is named' },
      evidence: { openCases: state.cases.length },
    };
  }
  return {
    ...base,
    verdict: 'pass',
    summary: { ja: '報告責任者が指名され、期限切れの段階はありません', en: 'A reporting owner is named and no stage is past its deadline' },
    evidence: { openCases: state.cases.length },
  };
}
