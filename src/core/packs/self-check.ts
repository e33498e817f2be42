import type { DerivedResult } from '../assessment/results.types.js';
import { DERIVED_RESULT_LABELS } from '../vocabulary-labels.js';
import type { PackCheck, PackFacts, PackGap } from './pack.types.js';

/** A scheme requirement as the self-check sees it. */
export interface CheckedRequirement {
  id: string;
  result: DerivedResult;
  /** Its content is unconfirmed in the catalog: nobody can say whether it is met. */
  pending: boolean;
  /** Whether "not met" counts against the pack (false for ETSI recommendations, which may be declined). */
  mustBeMet: boolean;
}

const UNANSWERED: ReadonlySet<DerivedResult> = new Set(['unknown', 'no-items', 'partial-evidence']);
const NOT_MET: ReadonlySet<DerivedResult> = new Set(['not-met', 'partially-met']);

function gap(code: PackGap['code'], target: string | null, ja: string, en: string): PackGap {
  return { code, target, message: { ja, en } };
}

/** Requirements without an answer the scheme can use, pending ones, and those not met. */
export function requirementGaps(requirements: readonly CheckedRequirement[]): PackGap[] {
  const gaps: PackGap[] = [];
  for (const r of requirements) {
    if (r.pending) {
      gaps.push(
        gap(
          'pending-verification',
          r.id,
          `${r.id}: 要件の内容が原典で未確認（確認待ち）のため、満たしているかを判断できません。`,
          `${r.id}: pending verification — what this requirement asks has not been confirmed against the source, so tebiki cannot say whether it is met.`,
        ),
      );
    } else if (UNANSWERED.has(r.result)) {
      gaps.push(
        gap(
          'unanswered-requirement',
          r.id,
          `${r.id}: この要件を判定できる診断結果がありません（${resultJa(r.result)}）。`,
          `${r.id}: no answer in the assessment decides this requirement (${r.result}).`,
        ),
      );
    } else if (r.mustBeMet && NOT_MET.has(r.result)) {
      gaps.push(
        gap('not-met-requirement', r.id, `${r.id}: 要件を満たしていません（${resultJa(r.result)}）。`, `${r.id}: the requirement is not met (${r.result}).`),
      );
    }
  }
  return gaps;
}

function resultJa(result: DerivedResult): string {
  return DERIVED_RESULT_LABELS[result].ja;
}

/** What the product's records must show besides the answers. */
export interface ProductNeeds {
  supportPeriod: boolean;
  sbom: boolean;
  craCases: boolean;
}

/** Gaps in the product version, its SBOMs, vulnerabilities and CRA cases. */
export function productGaps(facts: PackFacts, needs: ProductNeeds): PackGap[] {
  const gaps: PackGap[] = [];
  const pv = facts.productVersion;
  if (needs.supportPeriod || needs.sbom) {
    if (!pv) {
      gaps.push(
        gap(
          'missing-product-version',
          null,
          '診断に製品バージョンが登録されていません。管理画面で製品バージョン（リリース日・サポート期限）を登録してください。',
          'The assessment names no registered product version: register the version (release date, end of support) in the administration.',
        ),
      );
    } else {
      if (needs.supportPeriod && !pv.supportEnd)
        gaps.push(
          gap(
            'missing-support-period',
            pv.version,
            `製品バージョン ${pv.version} にセキュリティサポート期限がありません。`,
            `Product version ${pv.version} has no end of security support (support period).`,
          ),
        );
      if (needs.sbom && !pv.releaseDate)
        gaps.push(
          gap(
            'missing-release-date',
            pv.version,
            `製品バージョン ${pv.version} にリリース日がありません。`,
            `Product version ${pv.version} has no release date.`,
          ),
        );
    }
  }
  if (needs.sbom && pv) {
    const latest = facts.sboms[0];
    if (!latest) {
      gaps.push(gap('missing-sbom', pv.version, `製品バージョン ${pv.version} の SBOM がありません。`, `Product version ${pv.version} has no SBOM.`));
    } else if (facts.lastReleaseDate && latest.uploadedAt.slice(0, 10) < facts.lastReleaseDate) {
      gaps.push(
        gap(
          'sbom-older-than-release',
          latest.filename,
          `最新の SBOM（${latest.uploadedAt.slice(0, 10)}）が最後のリリース（${facts.lastReleaseDate}）より古いため、リリースした版の SBOM を登録してください。`,
          `The latest SBOM (${latest.uploadedAt.slice(0, 10)}) is older than the last release (${facts.lastReleaseDate}): upload the SBOM of the released build.`,
        ),
      );
    }
    for (const v of facts.vulnerabilities.filter((x) => x.status === null || x.status === 'under_investigation'))
      gaps.push(
        gap(
          'untriaged-vulnerability',
          v.id,
          `${v.id}: 既知の脆弱性のトリアージ（VEX）が済んでいません。`,
          `${v.id}: the known vulnerability has not been triaged (VEX).`,
        ),
      );
  }
  if (needs.craCases)
    for (const c of facts.craCases.filter((x) => x.overdueStages.length > 0))
      gaps.push(
        gap(
          'overdue-cra-case',
          c.id,
          `CRA 報告案件「${c.title}」の期限を過ぎた報告があります（${c.overdueStages.join(', ')}）。`,
          `CRA case "${c.title}" has an overdue report (${c.overdueStages.join(', ')}).`,
        ),
      );
  return gaps;
}

export function packCheck(gaps: PackGap[]): PackCheck {
  return { state: gaps.length === 0 ? 'complete' : 'draft', gaps };
}
