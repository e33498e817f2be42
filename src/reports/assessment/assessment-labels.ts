import { bilingual, type MessagesOf } from '../../core/bilingual.js';
import { DERIVED_RESULT_LABELS, ITEM_CHANGE_LABELS, labelsIn, READINESS_STATE_LABELS } from '../../core/vocabulary-labels.js';

/**
 * Fixed wording of the assessment reports. `ja` is the source;
 * `bilingual(ja, en)` types `en` by it, so a missing key fails to compile.
 * The names of the core's vocabularies (verdicts, statuses, results…) come
 * from src/core/vocabulary-labels.ts.
 */
const ja = {
  reportTitle: '診断報告書',
  comparisonTitle: '診断の比較',
  draftBanner: '未確定（DRAFT）: この報告書は確定前の内容であり、今後変わることがあります。',
  finalNote: '確定済み: 下記のハッシュで内容を照合できます。',
  assessmentId: '診断ID',
  organisation: '組織',
  product: '製品',
  model: '型番',
  productVersion: '製品バージョン',
  edition: '手引書の版',
  assessor: '診断者',
  status: '状態',
  createdAt: '作成日時',
  updatedAt: '更新日時',
  finalisedAt: '確定日時',
  generatedAt: '出力日時',
  contentHash: '内容のハッシュ（SHA-256）',
  carriedFrom: '引き継ぎ元の診断',
  scope: '診断の範囲',
  layers: 'レイヤー',
  phases: 'フェーズ',
  profile: '適用条件（製品プロファイル）',
  target: '対象の標準',
  all: 'すべて',
  noProfile: 'なし（すべての項目を対象）',
  securityLevel: 'セキュリティレベル',
  componentType: 'コンポーネント種別',
  mandatoryOnly: '必須の要求事項のみ',
  summary: '結果の概要',
  overall: '全体',
  verdictDistribution: '判定の内訳',
  scoreByLayer: 'レイヤー別のスコア',
  scoreByPhase: 'フェーズ別のスコア',
  scoreByThreat: '脅威のカテゴリ別のスコア',
  group: '区分',
  score: 'スコア',
  completion: '判定済みの割合',
  total: '項目数',
  notScored: '対象なし',
  scoreNote: 'スコア =（適合 + 一部適合 × 0.5）÷（項目数 − 対象外）。未評価と要確認は満たしていないものとして数えます。',
  chartTextAlternative: '数値は次の表にも示します。',
  readiness: '適合の見通し',
  readinessIntro: '各要求事項を、対応する項目の判定から「充足」「未充足」「不明」に分けます。一つでも未充足があれば全体は未充足です。',
  readinessStates: labelsIn(READINESS_STATE_LABELS, 'ja'),
  requirement: '要求事項',
  title: '題名',
  result: '結果',
  items: '対応する項目',
  partialEvidenceItems: '部分的な根拠となる項目',
  derived: '標準ごとの結果',
  derivedIntro:
    '標準の要求事項ごとに、同等・同一・上位集合の関係で対応する項目の判定から結果を導きます。部分集合・一部重複の関係しかない要求事項は「部分的な根拠のみ」とし、判定としては扱いません。',
  derivedResults: labelsIn(DERIVED_RESULT_LABELS, 'ja'),
  conflict: '項目の判定が食い違っています',
  notInChecksheet: 'チェックシート外',
  itemResults: '項目別の結果',
  no: '項番',
  verdict: '判定',
  evidence: '根拠・エビデンス',
  comment: '備考',
  attachments: '添付ファイル',
  defect: '項目への指摘',
  reviewFlag: '要再確認',
  review: { changed: '項目が変更された', new: '新しい項目' },
  previousVerdict: '前回の判定',
  none: '—',
  before: '比較元',
  after: '比較先',
  difference: '差',
  changes: '変化',
  changeKinds: labelsIn(ITEM_CHANGE_LABELS, 'ja'),
  scoresSideBySide: 'スコアの比較',
  itemChanges: '項目ごとの変化',
  generatedBy: 'tebiki で生成',
} as const;

export const assessmentLabels = bilingual(ja, {
  reportTitle: 'Assessment report',
  comparisonTitle: 'Comparison of assessments',
  draftBanner: 'DRAFT (not final): this report may still change.',
  finalNote: 'Final: the hash below identifies the content.',
  assessmentId: 'Assessment id',
  organisation: 'Organisation',
  product: 'Product',
  model: 'Model',
  productVersion: 'Product version',
  edition: 'Guidebook edition',
  assessor: 'Assessor',
  status: 'Status',
  createdAt: 'Created',
  updatedAt: 'Updated',
  finalisedAt: 'Finalised',
  generatedAt: 'Generated',
  contentHash: 'Content hash (SHA-256)',
  carriedFrom: 'Carried over from',
  scope: 'Scope',
  layers: 'Layers',
  phases: 'Phases',
  profile: 'Applicability conditions (product profile)',
  target: 'Target standard',
  all: 'All',
  noProfile: 'None (every item applies)',
  securityLevel: 'Security level',
  componentType: 'Component type',
  mandatoryOnly: 'Mandatory requirements only',
  summary: 'Summary',
  overall: 'Overall',
  verdictDistribution: 'Verdicts',
  scoreByLayer: 'Score by layer',
  scoreByPhase: 'Score by phase',
  scoreByThreat: 'Score by threat category',
  group: 'Group',
  score: 'Score',
  completion: 'Decided',
  total: 'Items',
  notScored: 'Nothing applies',
  scoreNote: 'Score = (pass + 0.5 × partially met) ÷ (items − not applicable). Not assessed and needs review count as not met.',
  chartTextAlternative: 'The numbers are also in the table below.',
  readiness: 'Readiness',
  readinessIntro:
    'Each requirement is met, not met or unknown according to the verdicts of the items behind it. The scheme is not met when any requirement is not met.',
  readinessStates: labelsIn(READINESS_STATE_LABELS, 'en'),
  requirement: 'Requirement',
  title: 'Title',
  result: 'Result',
  items: 'Items',
  partialEvidenceItems: 'Items giving partial evidence',
  derived: 'Results per standard',
  derivedIntro:
    'For each standard requirement, the result follows from the verdicts of the items mapped to it as equal, equivalent or superset. Requirements reached only by subset or intersecting items show partial evidence only, never a verdict.',
  derivedResults: labelsIn(DERIVED_RESULT_LABELS, 'en'),
  conflict: 'The items’ verdicts conflict',
  notInChecksheet: 'not in checksheet',
  itemResults: 'Results by item',
  no: 'No.',
  verdict: 'Verdict',
  evidence: 'Evidence',
  comment: 'Comment',
  attachments: 'Attachments',
  defect: 'Flag on the item',
  reviewFlag: 'Review',
  review: { changed: 'Item changed', new: 'New item' },
  previousVerdict: 'Previous verdict',
  none: '—',
  before: 'Before',
  after: 'After',
  difference: 'Change',
  changes: 'Changes',
  changeKinds: labelsIn(ITEM_CHANGE_LABELS, 'en'),
  scoresSideBySide: 'Scores side by side',
  itemChanges: 'Changes by item',
  generatedBy: 'Generated by tebiki',
});

export type AssessmentLabels = MessagesOf<typeof assessmentLabels>;

/** A share as a percentage with one decimal, or null as the "nothing applies" mark. */
export function percent(value: number | null, L: AssessmentLabels): string {
  return value === null ? L.notScored : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** A byte count in B / KiB / MiB. */
export function byteSize(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}

/** An ISO timestamp as people read it, in UTC and to the minute ("2026-11-20 09:00 UTC"); other text passes unchanged. */
export function timestamp(iso: string | null): string | null {
  if (iso === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m && iso.endsWith('Z') ? `${m[1]} ${m[2]} UTC` : iso;
}
