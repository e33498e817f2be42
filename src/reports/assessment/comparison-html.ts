import type { AssessmentComparison, AssessmentScores, ItemChange, ScoreGroup } from '../../core/assessment/results.types.js';
import { VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import type { Verdict } from '../../core/assessment/verdicts.js';
import { html, type SafeHtml } from '../html.js';
import type { Lang } from '../labels.js';
import { type AssessmentLabels, assessmentLabels, percent, timestamp } from './assessment-labels.js';
import { reportStyles } from './report-styles.js';

const CHANGES: readonly ItemChange[] = ['improved', 'regressed', 'changed', 'added', 'removed', 'same'];

/**
 * A printable comparison of two assessments of one product: scores before and
 * after side by side, how many items improved or regressed, and every item
 * with its two verdicts, the change marked by row colour and in words.
 */
export function renderComparisonHtml(cmp: AssessmentComparison, lang: Lang): string {
  const L = assessmentLabels[lang];
  const side = (label: string, s: AssessmentComparison['before']) =>
    html`<tr><th>${label}</th><td>${s.title}</td><td>${s.editionId}</td><td>${timestamp(s.finalisedAt) ?? L.none}</td><td class="muted">${s.id}</td></tr>`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="generator" content="tebiki">
<title>${L.comparisonTitle}: ${cmp.before.title} → ${cmp.after.title}</title>
${reportStyles(false)}
</head>
<body>
<h1>${L.comparisonTitle}</h1>
<table><thead><tr><th></th><th>${L.title}</th><th>${L.edition}</th><th>${L.finalisedAt}</th><th>${L.assessmentId}</th></tr></thead>
<tbody>${side(L.before, cmp.before)}${side(L.after, cmp.after)}</tbody></table>
<section id="changes">
<h2>${L.changes}</h2>
<table class="counts"><thead><tr>${CHANGES.map((c) => html`<th class="numeric">${L.changeKinds[c]}</th>`)}</tr></thead>
<tbody><tr>${CHANGES.map((c) => html`<td class="numeric">${cmp.counts[c]}</td>`)}</tr></tbody></table>
</section>
${scoresSection(L, lang, cmp.scores)}
<section id="item-changes">
<h2>${L.itemChanges}</h2>
<table class="items"><thead><tr><th>${L.no}</th><th>${L.title}</th><th>${L.before}</th><th>${L.after}</th><th>${L.difference}</th></tr></thead>
<tbody>${cmp.items.map(
    (i) =>
      html`<tr class="c-${i.change}"><td class="nowrap">${i.no}</td><td>${i.title[lang]}</td><td>${verdict(L, lang, i.before)}</td><td>${verdict(L, lang, i.after)}</td><td><strong>${L.changeKinds[i.change]}</strong></td></tr>\n`,
  )}</tbody></table>
</section>
<footer>${L.generatedBy}</footer>
</body>
</html>
`.value;
}

function verdict(L: AssessmentLabels, lang: Lang, v: Verdict | null): SafeHtml | string {
  return v ? html`<span class="badge v-${v}">${VERDICT_LABELS[v][lang]}</span>` : L.none;
}

/** Score groups of both sides matched by id, in the order the "after" side lists them, then those only "before" has. */
function pairs(
  before: readonly ScoreGroup[],
  after: readonly ScoreGroup[],
): { id: string; label: ScoreGroup['label']; before: ScoreGroup | undefined; after: ScoreGroup | undefined }[] {
  const ids = [...after.map((g) => g.id), ...before.map((g) => g.id).filter((id) => !after.some((g) => g.id === id))];
  return ids.map((id) => {
    const b = before.find((g) => g.id === id);
    const a = after.find((g) => g.id === id);
    return { id, label: (a ?? b)?.label ?? { ja: id, en: id }, before: b, after: a };
  });
}

function delta(L: AssessmentLabels, b: ScoreGroup | undefined, a: ScoreGroup | undefined): string {
  if (!b || !a || b.score === null || a.score === null) return L.none;
  const points = Math.round((a.score - b.score) * 1000) / 10;
  return `${points > 0 ? '+' : ''}${points.toFixed(1)}`;
}

function scoresSection(L: AssessmentLabels, lang: Lang, scores: { before: AssessmentScores; after: AssessmentScores }): SafeHtml {
  const overall = { ...scores.before.overall, id: 'overall', label: { ja: L.overall, en: L.overall } };
  const overallAfter = { ...scores.after.overall, id: 'overall', label: overall.label };
  const block = (title: string, rows: ReturnType<typeof pairs>) => html`<h3>${title}</h3>
<table class="scores"><thead><tr><th>${L.group}</th><th class="numeric">${L.before}</th><th class="numeric">${L.after}</th><th class="numeric">${L.difference}</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr><td>${r.label[lang]}</td><td class="numeric">${r.before ? percent(r.before.score, L) : L.none}</td><td class="numeric">${r.after ? percent(r.after.score, L) : L.none}</td><td class="numeric">${delta(L, r.before, r.after)}</td></tr>\n`,
  )}</tbody></table>`;
  return html`<section id="scores">
<h2>${L.scoresSideBySide}</h2>
${block(L.overall, pairs([overall], [overallAfter]))}
${block(L.scoreByLayer, pairs(scores.before.byLayer, scores.after.byLayer))}
${block(L.scoreByPhase, pairs(scores.before.byPhase, scores.after.byPhase))}
${block(L.scoreByThreat, pairs(scores.before.byThreatCategory, scores.after.byThreatCategory))}
</section>`;
}
