import type { Localized } from '../core/model/edition.schema.js';
import { DEFECT_KINDS, type Verdict } from '../core/assessment/verdicts.js';
import { DEFECT_LABELS } from '../core/vocabulary-labels.js';

/** Fixed wording of the workbook's cover and summary sheets (ja first, en beside it). */
export const WORKBOOK_LABELS = {
  defaultTitle: { ja: 'IoTセキュリティ チェックシート', en: 'IoT security checksheet' },
  title: { ja: '表題', en: 'Title' },
  organisation: { ja: '組織', en: 'Organisation' },
  product: { ja: '製品', en: 'Product' },
  productVersion: { ja: 'バージョン', en: 'Version' },
  edition: { ja: '手引書の版', en: 'Guidebook edition' },
  assessor: { ja: '診断者', en: 'Assessor' },
  date: { ja: '診断日', en: 'Date' },
  assessmentId: { ja: '診断ID', en: 'Assessment id' },
  itemCount: { ja: '項目数', en: 'Items' },
  legend: { ja: '判定の凡例', en: 'Verdicts' },
  verdict: { ja: '判定', en: 'Verdict' },
  meaningJa: { ja: '意味', en: 'Meaning (ja)' },
  meaningEn: { ja: '意味（英語）', en: 'Meaning' },
  howTo: { ja: '記入のしかた', en: 'How to fill in' },
  summary: { ja: '集計', en: 'Summary' },
  count: { ja: '件数', en: 'Count' },
  share: { ja: '割合', en: 'Share' },
  total: { ja: '合計', en: 'Total' },
  completion: { ja: '完了率', en: 'Completion' },
  score: { ja: 'スコア', en: 'Score' },
  scoreRule: {
    ja: 'スコア = (適合 + 0.5 × 一部適合) ÷ (合計 − 対象外)。未評価と要確認は満たしていないものとして数える。',
    en: 'Score = (pass + 0.5 × partially met) ÷ (total − not applicable). Not assessed and needs review count as not met.',
  },
  byLayer: { ja: 'レイヤー別', en: 'By layer' },
  byPhase: { ja: 'フェーズ別', en: 'By phase' },
  layer: { ja: 'レイヤー', en: 'Layer' },
  phase: { ja: 'フェーズ', en: 'Phase' },
  multiGroup: {
    ja: '複数のレイヤー・フェーズにまたがる項目は、それぞれに数える。',
    en: 'An item in several layers or phases counts in each of them.',
  },
  methods: { ja: '方法', en: 'Methods' },
  steps: { ja: '手順', en: 'Steps' },
  hintsSheet: { ja: '出典の原文', en: 'Publisher text' },
  hintLine: {
    ja: '出典の原文（英語）: シート「出典の原文」',
    en: "Publisher's original text: sheet 出典の原文 (Publisher text)",
  },
  hintsIntro: {
    ja: '対応付けた標準要求のうち、発行者の文書を添付した要求の原文（英語、翻訳なし）。私たちの題名と出典を併記する。',
    en: "The publisher's original text of the mapped standard requirements whose catalog is attached (English, not translated), beside our title and the citation.",
  },
  standard: { ja: '標準', en: 'Standard' },
  requirementIdLabel: { ja: '要求ID', en: 'Requirement' },
  ourTitle: { ja: '題名（手引書）', en: 'Our title' },
  original: { ja: '原文', en: 'Original text' },
  citation: { ja: '出典', en: 'Citation' },
} as const satisfies Record<string, Localized>;

/** What each verdict means, for the cover's legend (our own wording). */
export const VERDICT_MEANINGS: Readonly<Record<Verdict, Localized>> = {
  pass: { ja: '基準をすべて満たしている。', en: 'Every criterion is met.' },
  partial: { ja: '基準の一部を満たしているが、満たしていないものもある。', en: 'Some criteria are met, others are not.' },
  fail: { ja: '基準を満たしていない。', en: 'The criteria are not met.' },
  'not-applicable': {
    ja: 'この製品には当てはまらない。理由を備考に必ず書く。',
    en: 'The item does not apply to this product; the reason must be written in 備考 (Comment).',
  },
  unassessed: { ja: 'まだ確認していない。判定が空欄の行も未評価として扱う。', en: 'Not checked yet; a blank verdict counts as not assessed.' },
  'needs-review': { ja: '判断するには追加の確認が必要。', en: 'Deciding needs a further look.' },
};

/** Filling-in notes shown on the cover. */
export const FILLING_NOTES: readonly Localized[] = [
  {
    ja: '黄色の列（判定・根拠・エビデンス・備考・項目への指摘）に記入する。',
    en: 'Fill in the yellow columns (verdict, evidence, comment, flag on the item).',
  },
  { ja: '判定は一覧から選ぶ。', en: 'Pick the verdict from the drop-down list.' },
  {
    ja: `項目そのものに問題があれば、項目への指摘に「種類: 内容」と書く（種類: ${DEFECT_KINDS.map((d) => DEFECT_LABELS[d].ja).join('、')}）。`,
    en: `If the item itself has a problem, write "kind: note" in the flag column (kinds: ${DEFECT_KINDS.map((d) => `${DEFECT_LABELS[d].ja} ${DEFECT_LABELS[d].en.toLowerCase()}`).join(', ')}).`,
  },
  { ja: '行・列の追加や削除、項番の書き換えはしない。', en: 'Do not add, delete or renumber rows or columns.' },
];
