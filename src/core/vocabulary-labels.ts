import type { DerivedResult, ItemChange, ReadinessState } from './assessment/results.types.js';
import type { SelfAssessmentState } from './assessment/self-assessment.js';
import type { AssessmentStatus, DefectKind, Verdict } from './assessment/verdicts.js';
import type { CoverageStatus } from './coverage/coverage.types.js';
import type { CraStage } from './cra/cra-clocks.js';
import type { FindingVerdict } from './evidence/finding.types.js';
import type { Localized, STANDARD_NODE_KINDS, StandardNode } from './model/edition.schema.js';
import type { Confidence, Relationship, VerificationMethod } from './taxonomy.js';

/**
 * The one place the core's fixed vocabularies are named in Japanese and
 * English: the web app, the reports, the workbook and the conformity packs
 * all show these labels, so a value reads the same everywhere. Each table is
 * a `Record` over the vocabulary's own type, and `Localized` needs both
 * languages: a missing value or language fails to compile.
 *
 * Layers, phases and stages are not here: their labels are content
 * (content/taxonomy.yaml), refined by the editors and carried by each edition.
 * Pure data, no I/O; imported as types only, so nothing here runs a cycle.
 */

type Labels<K extends string> = Readonly<Record<K, Localized>>;

/** 判定: what an assessor gives one check item; the workbook's drop-down shows the Japanese. */
export const VERDICT_LABELS: Labels<Verdict> = {
  pass: { ja: '適合', en: 'Pass' },
  partial: { ja: '一部適合', en: 'Partially met' },
  fail: { ja: '不適合', en: 'Fail' },
  'not-applicable': { ja: '対象外', en: 'Not applicable' },
  unassessed: { ja: '未評価', en: 'Not assessed' },
  'needs-review': { ja: '要確認', en: 'Needs review' },
};

/** What a check item may be flagged for (項目への指摘). */
export const DEFECT_LABELS: Labels<DefectKind> = {
  unclear: { ja: '不明確', en: 'Unclear' },
  wrong: { ja: '誤り', en: 'Wrong' },
  missing: { ja: '不足', en: 'Missing' },
  'too-strict': { ja: '厳しすぎる', en: 'Too strict' },
};

/** Where an assessment (診断) stands in its life cycle. */
export const ASSESSMENT_STATUS_LABELS: Labels<AssessmentStatus> = {
  draft: { ja: '下書き', en: 'Draft' },
  'in-progress': { ja: '診断中', en: 'In progress' },
  'in-review': { ja: 'レビュー中', en: 'In review' },
  final: { ja: '確定', en: 'Final' },
};

/** Where a member's self-assessment stands. */
export const SELF_ASSESSMENT_STATE_LABELS: Labels<SelfAssessmentState> = {
  draft: { ja: '自己診断中', en: 'Self-assessing' },
  submitted: { ja: 'レビュー待ち', en: 'Submitted for review' },
  'changes-requested': { ja: '差し戻し', en: 'Changes requested' },
  accepted: { ja: '承認済み', en: 'Accepted' },
};

/** A standard requirement's result, read from the verdicts of the items mapped to it. */
export const DERIVED_RESULT_LABELS: Labels<DerivedResult> = {
  met: { ja: '充足', en: 'Met' },
  'partially-met': { ja: '一部充足', en: 'Partially met' },
  'not-met': { ja: '未充足', en: 'Not met' },
  'not-applicable': { ja: '対象外', en: 'Not applicable' },
  'partial-evidence': { ja: '部分的な根拠のみ', en: 'Partial evidence only' },
  unknown: { ja: '不明', en: 'Unknown' },
  'no-items': { ja: '対応する項目なし', en: 'No guidebook item' },
};

/** A scheme requirement's readiness: the three derived results that decide it, worded alike. */
export const READINESS_STATE_LABELS: Labels<ReadinessState> = {
  met: DERIVED_RESULT_LABELS.met,
  'not-met': DERIVED_RESULT_LABELS['not-met'],
  unknown: DERIVED_RESULT_LABELS.unknown,
};

/** How one item's verdict moved between two assessments. */
export const ITEM_CHANGE_LABELS: Labels<ItemChange> = {
  improved: { ja: '改善', en: 'Improved' },
  regressed: { ja: '悪化', en: 'Regressed' },
  same: { ja: '変化なし', en: 'Same' },
  changed: { ja: '判定が変わった', en: 'Verdict changed' },
  added: { ja: '追加', en: 'Added' },
  removed: { ja: '削除', en: 'Removed' },
};

/** What one automated check (probe, firmware, SBOM, CRA) found; not a verdict, which the assessor gives. */
export const FINDING_VERDICT_LABELS: Labels<FindingVerdict> = {
  pass: { ja: '合格', en: 'Pass' },
  fail: { ja: '不合格', en: 'Fail' },
  inconclusive: { ja: '判定不能', en: 'Inconclusive' },
  'not-applicable': { ja: '対象外', en: 'Not applicable' },
  error: { ja: 'エラー', en: 'Error' },
};

/** A mapping's relationship to a standard requirement (OSCAL, plus the supportive one). */
export const RELATIONSHIP_LABELS: Labels<Relationship> = {
  'equivalent-to': { ja: '同等', en: 'Equivalent to' },
  'equal-to': { ja: '同一', en: 'Equal to' },
  'subset-of': { ja: '部分集合（項目が一部を扱う）', en: 'Subset of (the item covers part)' },
  'superset-of': { ja: '上位集合（項目が包含する）', en: 'Superset of (the item covers all)' },
  'intersects-with': { ja: '一部重複', en: 'Intersects with' },
  'no-relationship': { ja: '関係なし', en: 'No relationship' },
  supports: { ja: '支援（達成を助ける・前提となる。網羅には数えない）', en: 'Supports (helps achieve / precondition; never counted)' },
};

/** How far the guidebook answers one standard requirement (網羅性の確認). */
export const COVERAGE_STATUS_LABELS: Labels<CoverageStatus> = {
  covered: { ja: '対応済み', en: 'Covered' },
  partial: { ja: '一部対応', en: 'Partly covered' },
  'out-of-scope': { ja: '対象外', en: 'Out of scope' },
  pending: { ja: '確認待ち', en: 'Pending verification' },
  gap: { ja: 'ギャップ（未対応）', en: 'Gap (not addressed)' },
  'not-applicable': { ja: '適用外', en: 'Not applicable' },
};

/** How an item is verified. */
export const VERIFICATION_METHOD_LABELS: Labels<VerificationMethod> = {
  'document-review': { ja: '文書確認', en: 'Document review' },
  interview: { ja: 'ヒアリング', en: 'Interview' },
  test: { ja: 'テスト', en: 'Test' },
  'automated-probe': { ja: '自動検査', en: 'Automated probe' },
};

/** How far a standard's catalog has been checked against its source. */
export const CONFIDENCE_LABELS: Labels<Confidence> = {
  verified: { ja: '確認済み', en: 'Verified' },
  names_verified: { ja: '番号・名称のみ確認', en: 'IDs and names verified' },
  recall: { ja: '未検証', en: 'Unverified' },
};

/** What a node of a standard's catalog is. */
export const STANDARD_NODE_KIND_LABELS: Labels<(typeof STANDARD_NODE_KINDS)[number]> = {
  group: { ja: '分類', en: 'Group' },
  requirement: { ja: '要求事項', en: 'Requirement' },
  enhancement: { ja: '強化要件', en: 'Enhancement' },
  variant: { ja: '機器種別の要件', en: 'Device-type variant' },
  constraint: { ja: '共通制約', en: 'Common constraint' },
  provision: { ja: '規定', en: 'Provision' },
};

/** Whether a standard requirement must be met. */
export const REQUIREMENT_STATUS_LABELS: Labels<NonNullable<StandardNode['status']>> = {
  mandatory: { ja: '必須', en: 'Mandatory' },
  recommended: { ja: '推奨', en: 'Recommended' },
  withdrawn: { ja: '廃止', en: 'Withdrawn' },
  informative: { ja: '参考', en: 'Informative' },
};

/** The three reports of an EU CRA Article 14 case. */
export const CRA_STAGE_LABELS: Labels<CraStage> = {
  'early-warning': { ja: '早期警告', en: 'Early warning' },
  notification: { ja: '通知', en: 'Notification' },
  final: { ja: '最終報告', en: 'Final report' },
};

/** The free-text fields of a CRA report draft (and whether it is sensitive), as the form and the printed report name them. */
export const CRA_REPORT_FIELD_LABELS = {
  nature: { ja: '悪用・インシデントの性質', en: 'Nature of the exploit or incident' },
  measures: { ja: '是正措置・緩和策', en: 'Corrective or mitigating measures' },
  userMeasures: { ja: '利用者がとれる措置', en: 'Measures users can take' },
  severity: { ja: '深刻度と影響', en: 'Severity and impact' },
  maliciousActor: { ja: '悪意ある主体に関する情報', en: 'Information on the malicious actor' },
  rootCause: { ja: '根本原因', en: 'Root cause' },
  sensitive: { ja: '機微な情報として扱う', en: 'Treat as sensitive information' },
} as const satisfies Record<string, Localized>;

/** The sections of a guidebook item and of its mappings, as headings. */
export const REQUIREMENT_SECTION_LABELS = {
  criteria: { ja: '基準（対策）', en: 'Criteria (countermeasures)' },
  interpretation: { ja: '解釈', en: 'Interpretation' },
  attack: { ja: '想定される攻撃', en: 'Expected attack' },
  countermeasures: { ja: '対策', en: 'Countermeasures' },
  verification: { ja: '検証', en: 'Verification' },
  verificationMethods: { ja: '検証方法', en: 'Methods' },
  verificationSteps: { ja: '検証手順', en: 'Steps' },
  mappings: { ja: '標準との対応', en: 'Mappings to standards' },
  standard: { ja: '標準', en: 'Standard' },
  standardRequirement: { ja: '要求事項', en: 'Requirement' },
  relationship: { ja: '関係', en: 'Relationship' },
  rationale: { ja: '根拠', en: 'Rationale' },
} as const satisfies Record<string, Localized>;

/** One language's side of a label table, e.g. for a message catalog: `{ pass: '適合', … }`. */
export function labelsIn<K extends string>(labels: Readonly<Record<K, Localized>>, lang: keyof Localized): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(labels) as K[]) out[key] = labels[key][lang];
  return out;
}
