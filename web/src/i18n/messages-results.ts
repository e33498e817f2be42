import { bilingual, type MessagesOf } from '../../../src/core/bilingual.js';
import { DERIVED_RESULT_LABELS, ITEM_CHANGE_LABELS, READINESS_STATE_LABELS, labelsIn } from '../../../src/core/vocabulary-labels.js';

/**
 * Messages of an assessment's results and of comparing two assessments.
 * `ja` is the source; `en` is typed from it, so a key missing from or added
 * to `en` fails to compile. Part of the catalog in messages.ts.
 */
const ja = {
  results: {
    title: (name: string) => `${name} の結果`,
    intro: 'スコアは（適合＋一部適合×½）÷（全項目−対象外）です。未評価・要確認は満たしていないものとして数えます。',
    overall: '全体',
    score: 'スコア',
    completion: '判定済み',
    noScore: '—',
    byLayer: 'レイヤー別',
    byPhase: 'フェーズ別',
    byThreatCategory: '脅威のカテゴリ別',
    chartLabel: (group: string) => `${group}のスコア`,
    group: '区分',
    readiness: '認証・適合の見込み',
    readinessIntro: '該当する要求事項がすべて満たされていれば「充足」、一つでも満たされなければ「未充足」、判断できないものがあれば「不明」です。',
    readinessStates: labelsIn(READINESS_STATE_LABELS, 'ja'),
    readinessCounts: (met: number, notMet: number, unknown: number) => `充足 ${met}・未充足 ${notMet}・不明 ${unknown}`,
    requirement: '要求事項',
    state: '判断',
    items: '根拠となる項目',
    partialEvidence: '参考（部分的な対応の項目）',
    derived: '標準ごとの見え方',
    derivedIntro: '手引書の項目の判定を、対象の標準の要求事項ごとに読み替えます。',
    standard: '標準',
    chooseStandard: '標準を選んでください',
    show: '表示',
    derivedResults: labelsIn(DERIVED_RESULT_LABELS, 'ja'),
    conflict: '判定が食い違っています',
    notInChecksheet: 'チェックシート外',
    back: '診断に戻る',
  },
  compare: {
    title: '診断の比較',
    intro: '同じ製品の二つの診断（例：対策の前と後）を項目ごとに比べます。',
    before: '比較元（前）',
    after: '比較先（後）',
    show: '比較する',
    needTwo: '同じ製品の診断を二つ選んでください。',
    changes: labelsIn(ITEM_CHANGE_LABELS, 'ja'),
    change: '変化',
    printable: '印刷用（HTML）',
    scoreLine: (before: string, after: string) => `スコア ${before} → ${after}`,
  },
};

export const resultMessages = bilingual(ja, {
  results: {
    title: (name: string) => `Results of ${name}`,
    intro: 'Score = (pass + ½ × partially met) ÷ (all items − not applicable). Items not assessed or needing review count as not met.',
    overall: 'Overall',
    score: 'Score',
    completion: 'Decided',
    noScore: '—',
    byLayer: 'By layer',
    byPhase: 'By phase',
    byThreatCategory: 'By threat category',
    chartLabel: (group: string) => `Scores ${group.toLowerCase()}`,
    group: 'Group',
    readiness: 'Readiness',
    readinessIntro: 'Met when every applicable requirement is met; not met when any is not met; unknown otherwise.',
    readinessStates: labelsIn(READINESS_STATE_LABELS, 'en'),
    readinessCounts: (met: number, notMet: number, unknown: number) => `${met} met, ${notMet} not met, ${unknown} unknown`,
    requirement: 'Requirement',
    state: 'Result',
    items: 'Items behind it',
    partialEvidence: 'Evidence only (partial links)',
    derived: 'Per standard',
    derivedIntro: "The items' verdicts read as the requirements of a standard.",
    standard: 'Standard',
    chooseStandard: 'Choose a standard',
    show: 'Show',
    derivedResults: labelsIn(DERIVED_RESULT_LABELS, 'en'),
    conflict: 'Verdicts disagree',
    notInChecksheet: 'not in the checksheet',
    back: 'Back to the assessment',
  },
  compare: {
    title: 'Compare assessments',
    intro: 'Two assessments of the same product (e.g. before and after remediation), item by item.',
    before: 'Before',
    after: 'After',
    show: 'Compare',
    needTwo: 'Choose two assessments of the same product.',
    changes: labelsIn(ITEM_CHANGE_LABELS, 'en'),
    change: 'Change',
    printable: 'Printable (HTML)',
    scoreLine: (before: string, after: string) => `Score ${before} → ${after}`,
  },
});

export type ResultMessages = MessagesOf<typeof resultMessages>;
