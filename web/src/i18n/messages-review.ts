import { bilingual, type MessagesOf } from '../../../src/core/bilingual.js';
import { useLanguage } from './i18n';

/** Messages of the mapping review and edition comparison features (ja is the source; en is typed from it). */
const ja = {
  review: {
    column: 'レビュー',
    states: { unreviewed: '未レビュー', reviewed: 'レビュー済み', disputed: '異議あり' } as Record<string, string>,
    by: (who: string, date: string) => `${who}（${date}）`,
    reviewedOnly: 'レビュー済みの対応付けだけを数える',
    reviewedOnlyNote: 'レビュー済みの対応付けだけで数えています。未レビューと異議ありの対応付けは数えていません。',
  },
  compare: {
    title: '版の比較',
    nav: '版の比較',
    intro: '公開済みの任意の二つの版を比べます。項目、対応付け、用語と、規格ごとの網羅性の変化を示します。',
    from: '比較元',
    to: '比較先',
    submit: '比較する',
    editions: '版の一覧',
    compareWithPrevious: '前の版と比較',
    same: '同じ版どうしは比較できません。',
    heading: (from: string, to: string) => `${from} → ${to}`,
  },
};

const reviewMessages = bilingual(ja, {
  review: {
    column: 'Review',
    states: { unreviewed: 'Unreviewed', reviewed: 'Reviewed', disputed: 'Disputed' },
    by: (who: string, date: string) => `${who} (${date})`,
    reviewedOnly: 'Count reviewed mappings only',
    reviewedOnlyNote: 'Counted over reviewed mappings only; unreviewed and disputed mappings are left out.',
  },
  compare: {
    title: 'Compare editions',
    nav: 'Compare editions',
    intro: 'Compare any two published editions: items, mappings, terms and the coverage change per standard.',
    from: 'From',
    to: 'To',
    submit: 'Compare',
    editions: 'Editions',
    compareWithPrevious: 'Compare with the previous edition',
    same: 'Choose two different editions.',
    heading: (from: string, to: string) => `${from} → ${to}`,
  },
});

export type ReviewMessages = MessagesOf<typeof reviewMessages>;

/** Messages of the editor's review tab. */
const editorJa = {
  ...ja,
  queue: {
    tab: 'レビュー',
    title: '対応付けのレビュー',
    intro: '対応付けを一件ずつ確かめ、レビュー済みか異議ありにします。既定では未レビューのものを順に示します（レビューの待ち行列）。',
    state: '状態',
    standard: '規格',
    all: 'すべて',
    note: 'メモ（異議ありでは必須）',
    markReviewed: 'レビュー済みにする',
    markDisputed: '異議ありにする',
    markUnreviewed: '未レビューに戻す',
    count: (n: number) => `${n} 件`,
    empty: '該当する対応付けはありません。',
  },
};

const editorReviewMessages = bilingual(editorJa, {
  ...reviewMessages.en,
  queue: {
    tab: 'Review',
    title: 'Reviewing mappings',
    intro: 'Check the mappings one by one and mark each reviewed or disputed. By default the unreviewed ones are shown in order (the review queue).',
    state: 'State',
    standard: 'Standard',
    all: 'All',
    note: 'Note (required when disputed)',
    markReviewed: 'Mark reviewed',
    markDisputed: 'Mark disputed',
    markUnreviewed: 'Back to unreviewed',
    count: (n: number) => `${n} mapping(s)`,
    empty: 'No mapping matches.',
  },
});

type EditorReviewMessages = MessagesOf<typeof editorReviewMessages>;

/** The editor's review-tab messages of the current language. */
export function useEditorReviewT(): EditorReviewMessages {
  return editorReviewMessages[useLanguage().lang];
}

/** The review and comparison messages of the current language. */
export function useReviewT(): ReviewMessages {
  return reviewMessages[useLanguage().lang];
}
