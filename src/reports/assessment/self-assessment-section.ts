import type { SelfAssessmentState } from '../../core/assessment/self-assessment.js';
import { SELF_ASSESSMENT_STATE_LABELS, VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import type { Verdict } from '../../core/assessment/verdicts.js';
import { html, type SafeHtml } from '../html.js';
import type { Lang } from '../labels.js';

/** A self-assessment as reports show it: its state and, per answered item, both verdicts and the latest review. */
export interface ReportSelfAssessment {
  state: SelfAssessmentState;
  round: number;
  items: {
    requirementId: string;
    no: string;
    selfVerdict: Verdict;
    reviewedVerdict: Verdict | null;
    decision: 'agree' | 'disagree' | null;
    comment: string;
  }[];
}

const LABELS = {
  ja: {
    title: '自己診断とレビュー',
    intro: '会員企業が自ら回答し、コンソーシアムの診断者がレビューした結果です。自己判定とレビュー後の判定を並べます。',
    state: '状態',
    round: '提出回数',
    no: '項番',
    self: '自己判定',
    reviewed: 'レビュー後の判定',
    decision: 'レビュー',
    comment: 'コメント',
    agree: '同意',
    disagree: '不同意',
    none: '未レビュー',
  },
  en: {
    title: 'Self-assessment and review',
    intro: "Answered by the member organisation itself and reviewed by the consortium's assessors: the own verdict beside the reviewed verdict.",
    state: 'State',
    round: 'Submissions',
    no: 'No.',
    self: 'Own verdict',
    reviewed: 'Reviewed verdict',
    decision: 'Review',
    comment: 'Comment',
    agree: 'Agreed',
    disagree: 'Disagreed',
    none: 'Not reviewed',
  },
} as const;

/** The report section of a self-assessment; nothing for an assessor's own assessment. */
export function selfAssessmentSection(lang: Lang, sa: ReportSelfAssessment | null): SafeHtml {
  if (!sa) return html``;
  const L = LABELS[lang];
  const rows = sa.items.filter((i) => i.selfVerdict !== 'unassessed' || i.decision);
  return html`<section class="part" id="self-assessment">
<h2>${L.title}</h2>
<p class="note">${L.intro}</p>
<table><tbody>
<tr><th>${L.state}</th><td>${SELF_ASSESSMENT_STATE_LABELS[sa.state][lang]}</td></tr>
<tr><th>${L.round}</th><td>${String(sa.round)}</td></tr>
</tbody></table>
<table class="self-review"><thead><tr><th>${L.no}</th><th>${L.self}</th><th>${L.reviewed}</th><th>${L.decision}</th><th>${L.comment}</th></tr></thead>
<tbody>${rows.map(
    (i) =>
      html`<tr><td class="nowrap">${i.no}</td><td>${VERDICT_LABELS[i.selfVerdict][lang]}</td><td>${i.reviewedVerdict ? VERDICT_LABELS[i.reviewedVerdict][lang] : L.none}</td><td>${i.decision ? L[i.decision] : L.none}</td><td class="text">${i.comment}</td></tr>\n`,
  )}</tbody></table>
</section>`;
}
