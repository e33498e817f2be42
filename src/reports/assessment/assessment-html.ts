import type { ScoreGroup } from '../../core/assessment/results.types.js';
import { ASSESSMENT_STATUS_LABELS, VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import { VERDICTS } from '../../core/assessment/verdicts.js';
import { html, type SafeHtml } from '../html.js';
import type { Lang } from '../labels.js';
import { type AssessmentLabels, assessmentLabels, percent, timestamp } from './assessment-labels.js';
import type { AssessmentReportData } from './report-data.js';
import { probeRunsSection } from './probe-runs-section.js';
import { selfAssessmentSection } from './self-assessment-section.js';
import { derivedSection, itemsSection, readinessSection } from './report-sections.js';
import { reportDocument } from './report-styles.js';
import { scoreBars, verdictDonut } from './svg-charts.js';

export { renderComparisonHtml } from './comparison-html.js';

interface Ctx {
  lang: Lang;
  L: AssessmentLabels;
}

/**
 * A printable, self-contained HTML report (inline SVG charts, no scripts) in
 * one language: cover, scope, summary with charts and the same numbers as
 * tables, readiness, results per standard and the item table. Every text
 * goes through the escaping `html` template.
 */
export function renderAssessmentReportHtml(data: AssessmentReportData, lang: Lang): string {
  const ctx: Ctx = { lang, L: assessmentLabels[lang] };
  const a = data.assessment;
  const draft = a.status !== 'final';
  const body = html`${cover(ctx, data, scope(ctx, data))}
${summary(ctx, data)}
${readinessSection(ctx, data.readiness)}
${derivedSection(ctx, data.derived)}
${itemsSection(ctx, data)}
${selfAssessmentSection(lang, data.selfAssessment ?? null)}
${probeRunsSection(lang, data.probeRuns)}`;
  return reportDocument({
    lang,
    title: `${ctx.L.reportTitle}: ${a.product.name} — ${a.title}`,
    draft,
    body,
    footer: `${ctx.L.generatedBy} · ${ctx.L.generatedAt} ${timestamp(data.generatedAt)}`,
  });
}

/** The cover page carries the facts and the scope (both short). */
function cover(ctx: Ctx, data: AssessmentReportData, scopeTable: SafeHtml): SafeHtml {
  const { L, lang } = ctx;
  const a = data.assessment;
  const fact = (label: string, value: string | SafeHtml | null) => (value === null || value === '' ? '' : html`<dt>${label}</dt><dd>${value}</dd>`);
  return html`<section class="cover" id="cover">
<p class="subtitle">${L.reportTitle}</p>
<h1>${a.title}</h1>
${a.status === 'final' ? html`<p class="final">${L.finalNote}</p>` : html`<p class="banner" role="note">${L.draftBanner}</p>`}
<dl>
${fact(L.organisation, a.organisation.name)}
${fact(L.product, a.product.name)}
${fact(L.model, a.product.model)}
${fact(L.productVersion, a.productVersion)}
${fact(L.edition, `${a.edition.title[lang]} (${a.edition.id}, ${a.edition.date})`)}
${fact(L.assessor, a.assessor?.displayName ?? null)}
${fact(L.status, ASSESSMENT_STATUS_LABELS[a.status][lang])}
${fact(L.createdAt, timestamp(a.createdAt))}
${fact(L.updatedAt, timestamp(a.updatedAt))}
${fact(L.finalisedAt, timestamp(a.finalisedAt))}
${a.status === 'final' && a.contentHash ? fact(L.contentHash, html`<span class="hash">${a.contentHash}</span>`) : ''}
${fact(L.carriedFrom, a.carriedFrom)}
${fact(L.assessmentId, a.id)}
${fact(L.generatedAt, timestamp(data.generatedAt))}
</dl>
${scopeTable}
</section>`;
}

function scope(ctx: Ctx, data: AssessmentReportData): SafeHtml {
  const { L, lang } = ctx;
  const { spec } = data.assessment;
  const labelOf = (groups: readonly ScoreGroup[], id: string) => groups.find((g) => g.id === id)?.label[lang] ?? id;
  const list = (ids: readonly string[], groups: readonly ScoreGroup[]) => (ids.length ? ids.map((id) => labelOf(groups, id)).join(', ') : L.all);
  const t = spec.target;
  const target = t
    ? [
        data.derived.find((d) => d.standard.id === t.standard)?.standard.title[lang] ?? t.standard,
        t.securityLevel !== undefined ? `${L.securityLevel} ${t.securityLevel}` : '',
        t.componentType ? `${L.componentType} ${t.componentType}` : '',
        t.mandatoryOnly ? L.mandatoryOnly : '',
      ]
        .filter(Boolean)
        .join(' · ')
    : L.none;
  return html`<section id="scope">
<h2>${L.scope}</h2>
<table><tbody>
<tr><th>${L.layers}</th><td>${list(spec.layers, data.scores.byLayer)}</td></tr>
<tr><th>${L.phases}</th><td>${list(spec.phases, data.scores.byPhase)}</td></tr>
<tr><th>${L.profile}</th><td>${spec.profile === null ? L.noProfile : spec.profile.join(', ') || L.none}</td></tr>
<tr><th>${L.target}</th><td>${target}</td></tr>
<tr><th>${L.total}</th><td>${data.assessment.items.length}</td></tr>
</tbody></table>
</section>`;
}

function scoreTable(ctx: Ctx, groups: readonly ScoreGroup[]): SafeHtml {
  const { L, lang } = ctx;
  return html`<table class="scores"><thead><tr><th>${L.group}</th>${VERDICTS.map((v) => html`<th class="numeric">${VERDICT_LABELS[v][lang]}</th>`)}<th class="numeric">${L.total}</th><th class="numeric">${L.score}</th><th class="numeric">${L.completion}</th></tr></thead>
<tbody>${groups.map(
    (g) =>
      html`<tr><td>${g.label[lang]}</td>${VERDICTS.map((v) => html`<td class="numeric">${g.counts[v]}</td>`)}<td class="numeric">${g.counts.total}</td><td class="numeric">${percent(g.score, L)}</td><td class="numeric">${percent(g.completion, L)}</td></tr>\n`,
  )}</tbody></table>`;
}

function summary(ctx: Ctx, data: AssessmentReportData): SafeHtml {
  const { L, lang } = ctx;
  const s = data.scores;
  const overall = { ...s.overall, label: { ja: L.overall, en: L.overall } };
  const part = (id: string, title: string, groups: readonly ScoreGroup[]) =>
    groups.length === 0
      ? ''
      : html`<figure id="${id}"><figcaption>${title}</figcaption>${scoreBars(`chart-${id}`, groups, lang, title, L)}</figure>
${scoreTable(ctx, groups)}`;
  return html`<section class="part" id="summary">
<h2>${L.summary}</h2>
<p><strong>${L.score}: ${percent(s.overall.score, L)}</strong> · ${L.completion}: ${percent(s.overall.completion, L)}</p>
<p class="note">${L.scoreNote} ${L.chartTextAlternative}</p>
<figure id="verdicts"><figcaption>${L.verdictDistribution}</figcaption>${verdictDonut('chart-verdicts', s.overall.counts, lang, L.verdictDistribution)}</figure>
${scoreTable(ctx, [overall])}
${part('by-layer', L.scoreByLayer, s.byLayer)}
${part('by-phase', L.scoreByPhase, s.byPhase)}
${part('by-threat', L.scoreByThreat, s.byThreatCategory)}
</section>`;
}
