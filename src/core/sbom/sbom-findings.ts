/**
 * Findings of the SBOM checks (../evidence/checks/sbom.checks.ts), pure: the
 * quality report and the triaged matches in, one finding per check out, ready
 * for the one suggestion rule.
 */
import type { Finding } from '../evidence/finding.types.js';
import { atOrAbove, type Severity, type SeverityLevel } from '../vulnerability/cvss.js';
import { isOpen, type VexStatus } from '../vulnerability/vex.js';
import type { QualityReport } from './sbom-quality.js';

export const DEFAULT_SEVERITY_THRESHOLD: SeverityLevel = 'high';

/** sbom.quality: passes when neither the document nor any software component misses an element. */
export function qualityFinding(report: QualityReport, target: string, at: string): Finding {
  const counts: Record<string, number> = {};
  for (const entry of report.entries) for (const m of entry.missing) counts[m] = (counts[m] ?? 0) + 1;
  const documentMissing = report.entries[0]?.missing ?? [];
  const pass = documentMissing.length === 0 && report.incomplete === 0;
  return {
    check: 'sbom.quality',
    checkVersion: 1,
    target,
    verdict: pass ? 'pass' : 'fail',
    summary: pass
      ? { ja: `SBOM は必要な項目をすべて備えている（部品 ${report.judged} 件）`, en: `The SBOM carries every element asked for (${report.judged} components)` }
      : {
          ja: `文書の不足: ${documentMissing.join(', ') || 'なし'}、項目の不足がある部品: ${report.incomplete} / ${report.judged} 件`,
          en: `Document misses: ${documentMissing.join(', ') || 'nothing'}; components missing an element: ${report.incomplete} of ${report.judged}`,
        },
    evidence: { documentMissing, componentsJudged: report.judged, componentsIncomplete: report.incomplete, missingCounts: counts },
    at,
  };
}

export interface TriagedMatch {
  id: string;
  purl: string;
  severity: Severity;
  /** The VEX status recorded for this product version, or null when never triaged. */
  status: VexStatus | null;
}

/**
 * sbom.known-vulnerabilities: fails while a match at or above the threshold is
 * open (never triaged, under investigation, or affected); inconclusive without
 * vulnerability data or when some versions could not be decided.
 */
export function knownVulnerabilitiesFinding(
  input: { matches: readonly TriagedMatch[]; undecided: number; recordsAvailable: boolean; threshold?: SeverityLevel },
  target: string,
  at: string,
): Finding {
  const threshold = input.threshold ?? DEFAULT_SEVERITY_THRESHOLD;
  const open = input.matches.filter((m) => atOrAbove(m.severity.level, threshold) && isOpen(m.status));
  const evidence = {
    threshold,
    matches: input.matches.length,
    open: open.map((m) => ({ id: m.id, purl: m.purl, severity: m.severity.level, status: m.status })),
    undecided: input.undecided,
  };
  const base = { check: 'sbom.known-vulnerabilities', checkVersion: 1, target, evidence, at };
  if (!input.recordsAvailable) {
    return { ...base, verdict: 'inconclusive', summary: { ja: '脆弱性情報（OSV）が取り込まれていない', en: 'No vulnerability data (OSV) has been imported' } };
  }
  if (open.length > 0) {
    return {
      ...base,
      verdict: 'fail',
      summary: { ja: `しきい値 ${threshold} 以上の未対応の脆弱性が ${open.length} 件ある`, en: `${open.length} open vulnerabilities at or above ${threshold}` },
    };
  }
  if (input.undecided > 0) {
    return {
      ...base,
      verdict: 'inconclusive',
      summary: { ja: `版を判定できない照合が ${input.undecided} 件ある`, en: `${input.undecided} matches could not be decided from the version` },
    };
  }
  return {
    ...base,
    verdict: 'pass',
    summary: { ja: `しきい値 ${threshold} 以上の未対応の脆弱性はない`, en: `No open vulnerability at or above ${threshold}` },
  };
}
