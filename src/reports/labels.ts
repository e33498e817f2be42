import { bilingual, LANGS, type Lang, type MessagesOf } from '../core/bilingual.js';
import type { Localized } from '../core/model/edition.schema.js';
import {
  CONFIDENCE_LABELS,
  COVERAGE_STATUS_LABELS,
  labelsIn,
  RELATIONSHIP_LABELS,
  REQUIREMENT_SECTION_LABELS,
  REQUIREMENT_STATUS_LABELS,
  STANDARD_NODE_KIND_LABELS,
  VERIFICATION_METHOD_LABELS,
} from '../core/vocabulary-labels.js';

/**
 * Fixed wording of the publications (static site and guidebook) in both
 * languages. `ja` is the source; `bilingual(ja, en)` types `en` by it, so a
 * missing key fails to compile. Content texts come from the edition, not from
 * here.
 */

/** The languages of the publications: those of src/core/bilingual.ts. */
export const PUBLICATION_LANGS = LANGS;
export type { Lang };

export function isLang(value: string): value is Lang {
  return (PUBLICATION_LANGS as readonly string[]).includes(value);
}

/** The text of a bilingual value in one language. */
export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

/** The core vocabularies' labels, from the one module the web app and the reports share. */
function vocabularyLabels(lang: Lang) {
  return {
    ...labelsIn(REQUIREMENT_SECTION_LABELS, lang),
    methods: labelsIn(VERIFICATION_METHOD_LABELS, lang),
    relationships: labelsIn(RELATIONSHIP_LABELS, lang),
    confidence: labelsIn(CONFIDENCE_LABELS, lang),
    nodeKinds: labelsIn(STANDARD_NODE_KIND_LABELS, lang),
    nodeStatus: labelsIn(REQUIREMENT_STATUS_LABELS, lang),
    covered: COVERAGE_STATUS_LABELS.covered[lang],
    partial: COVERAGE_STATUS_LABELS.partial[lang],
    outOfScope: COVERAGE_STATUS_LABELS['out-of-scope'][lang],
    pending: COVERAGE_STATUS_LABELS.pending[lang],
    gap: COVERAGE_STATUS_LABELS.gap[lang],
  };
}

const ja = {
  ...vocabularyLabels('ja'),
  languageName: '日本語',
  switchTo: 'English',
  skipToContent: '本文へスキップ',
  mainNavigation: 'メインナビゲーション',
  breadcrumb: 'パンくずリスト',
  home: 'トップ',
  matrix: 'レイヤー × フェーズ',
  matrixIntro: '各セルはそのレイヤーとフェーズに該当する項目数です。数字を選ぶと項目の一覧を表示します。',
  requirements: '項目一覧',
  glossary: '用語集',
  standards: '標準',
  coverage: '網羅性',
  search: '検索',
  searchPlaceholder: '例: 認証、ログ',
  searchIntro: '項目・用語・標準の要求事項を、題名と本文から探します。日本語は部分一致、英語は語の先頭で一致します。',
  searchNeedsScript: '検索にはJavaScriptが必要です。',
  searchLabel: '検索語',
  edition: '版',
  editionId: '版ID',
  status: '状態',
  statuses: { draft: '草案', published: '公開' },
  date: '発行日',
  changelog: '変更履歴',
  noChangelog: '変更履歴はありません。',
  contents: '内容',
  layer: 'レイヤー',
  phase: 'フェーズ',
  stage: '大区分',
  number: '項番',
  title: '題名',
  itemCount: (n: number) => `${n}件`,
  totalItems: (n: number) => `全${n}項目`,
  noItems: '該当する項目はありません。',
  cellTitle: (layer: string, phase: string) => `${layer} × ${phase}`,
  noMappings: '対応付けはありません。',
  references: '参考情報',
  terms: '用語',
  threatCategory: '脅威のカテゴリ',
  applicability: '適用条件',
  confidenceLabel: '確度',
  unconfirmed: 'ID未確認',
  notCounted: '集計対象外',
  reachedBy: '対応する項目',
  answerable: '要求数',
  mapped: '対応付けあり',
  fully: 'うち完全',
  coverageIntro:
    '各標準の要求事項（グループ・強化要求・廃止・参考を除く）が、項目との対応付け、理由付きの対象外、確認待ち、ギャップのどれに当たるかを数えます。',
  levels: 'レベル',
  conditions: '条件',
  appliesTo: '対象',
  version: '版数',
  publisher: '発行者',
  licence: '権利',
  source: '出典',
  reading: '読み',
  definition: '定義',
  industryUsage: '業界による用法の違い',
  related: '関連用語',
  usedBy: 'この用語を使う項目',
  notUsed: 'この用語を挙げる項目はありません。',
  resultKinds: { requirement: '項目', term: '用語', 'standard-requirement': '標準の要求事項' },
  chooseLanguage: '言語を選んでください',
  generatedBy: 'tebiki で生成',
  tableOfContents: '目次',
  chapter: (n: number) => `第${n}章`,
  appendix: (letter: string) => `付録${letter}`,
  attachedAppendix: (standard: string) => `${standard} の原文`,
  attachedIntro: '発行者が公開するカタログから取り込んだ要求の原文（英語、翻訳なし）。要求IDと私たちの短い題名を併記する。',
  citation: '出典',
  alsoApplies: '他の章の項目のうち、このフェーズにも該当するもの',
  guidebookSubtitle: 'IoTセキュリティ手引書',
} as const;

/** The fixed wording, one table a language. */
export const publicationLabels = bilingual(ja, {
  ...vocabularyLabels('en'),
  languageName: 'English',
  switchTo: '日本語',
  skipToContent: 'Skip to content',
  mainNavigation: 'Main navigation',
  breadcrumb: 'Breadcrumb',
  home: 'Home',
  matrix: 'Layers × phases',
  matrixIntro: 'Each cell counts the items for that layer and phase. Choose a number to list its items.',
  requirements: 'All items',
  glossary: 'Glossary',
  standards: 'Standards',
  coverage: 'Coverage',
  search: 'Search',
  searchPlaceholder: 'e.g. authentication, log',
  searchIntro: 'Finds items, terms and standard requirements by title and text. Japanese matches partially; English matches word beginnings.',
  searchNeedsScript: 'Search needs JavaScript.',
  searchLabel: 'Search terms',
  edition: 'Edition',
  editionId: 'Edition id',
  status: 'Status',
  statuses: { draft: 'Draft', published: 'Published' },
  date: 'Date',
  changelog: 'Changelog',
  noChangelog: 'No changes recorded.',
  contents: 'Contents',
  layer: 'Layer',
  phase: 'Phase',
  stage: 'Stage',
  number: 'No.',
  title: 'Title',
  itemCount: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
  totalItems: (n: number) => `${n} items in total`,
  noItems: 'No items.',
  cellTitle: (layer: string, phase: string) => `${layer} × ${phase}`,
  noMappings: 'No mappings.',
  references: 'References',
  terms: 'Terms',
  threatCategory: 'Threat category',
  applicability: 'Applies when',
  confidenceLabel: 'Confidence',
  unconfirmed: 'Id unconfirmed',
  notCounted: 'Not counted',
  reachedBy: 'Items',
  answerable: 'Requirements',
  mapped: 'Mapped',
  fully: 'fully',
  coverageIntro:
    'For each standard, counts the requirements (not groups, enhancements, withdrawn or informative ones) that items map to, that are declared out of scope with a reason, that await verification, and the gaps.',
  levels: 'Levels',
  conditions: 'Conditions',
  appliesTo: 'Applies to',
  version: 'Version',
  publisher: 'Publisher',
  licence: 'Licence',
  source: 'Source',
  reading: 'Reading',
  definition: 'Definition',
  industryUsage: 'How industries use it differently',
  related: 'Related terms',
  usedBy: 'Items using this term',
  notUsed: 'No item lists this term.',
  resultKinds: { requirement: 'Item', term: 'Term', 'standard-requirement': 'Standard requirement' },
  chooseLanguage: 'Choose a language',
  generatedBy: 'Generated by tebiki',
  tableOfContents: 'Contents',
  chapter: (n: number) => `Chapter ${n}`,
  appendix: (letter: string) => `Appendix ${letter}`,
  attachedAppendix: (standard: string) => `${standard}: the publisher's text`,
  attachedIntro:
    "The requirements' original text from the catalog the publisher publishes (English, not translated), beside the requirement id and our own short title.",
  citation: 'Citation',
  alsoApplies: 'Items of other chapters that also apply to this phase',
  guidebookSubtitle: 'IoT Security Guidebook',
});

export type Labels = MessagesOf<typeof publicationLabels>;
