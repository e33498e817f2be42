import type { Answer } from '../../core/assessment/assessment.types.js';
import { DEFECT_LABELS, VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import type { DerivedLink, DerivedView, Readiness } from '../../core/assessment/results.types.js';
import { html, type SafeHtml } from '../html.js';
import type { Lang } from '../labels.js';
import type { AssessmentLabels } from './assessment-labels.js';
import { byteSize } from './assessment-labels.js';
import type { AssessmentReportData } from './report-data.js';

/** The readiness, per-standard and per-item sections of the assessment report. */

interface Ctx {
  lang: Lang;
  L: AssessmentLabels;
}

function link(ctx: Ctx, l: DerivedLink): SafeHtml {
  const verdict = l.verdict
    ? html`<span class="badge v-${l.verdict}">${VERDICT_LABELS[l.verdict][ctx.lang]}</span>`
    : html`<span class="muted">${ctx.L.notInChecksheet}</span>`;
  return html`<li>${l.no} ${l.title[ctx.lang]} ${verdict}</li>`;
}

const links = (ctx: Ctx, list: readonly DerivedLink[]) => (list.length ? html`<ul class="plain">${list.map((l) => link(ctx, l))}</ul>` : ctx.L.none);

export function readinessSection(ctx: Ctx, readiness: readonly Readiness[]): SafeHtml {
  const { L, lang } = ctx;
  if (readiness.length === 0) return html``;
  return html`<section class="part" id="readiness">
<h2>${L.readiness}</h2>
<p class="note">${L.readinessIntro}</p>
${readiness.map(
  (r) => html`<section class="scheme" id="readiness-${r.scheme}">
<h3>${r.label[lang]} <span class="badge s-${r.state}">${L.readinessStates[r.state]}</span></h3>
<p>${L.readinessStates.met} ${r.counts.met} · ${L.readinessStates['not-met']} ${r.counts['not-met']} · ${L.readinessStates.unknown} ${r.counts.unknown}</p>
<table><thead><tr><th>${L.requirement}</th><th>${L.title}</th><th>${L.status}</th><th>${L.result}</th><th>${L.items}</th><th>${L.partialEvidenceItems}</th></tr></thead>
<tbody>${r.requirements.map(
    (q) =>
      html`<tr><td class="nowrap">${q.id}</td><td>${q.title[lang]}</td><td><span class="badge s-${q.state}">${L.readinessStates[q.state]}</span></td><td><span class="badge r-${q.result}">${L.derivedResults[q.result]}</span></td><td>${links(ctx, q.carried)}</td><td>${links(ctx, q.partialEvidence)}</td></tr>\n`,
  )}</tbody></table>
</section>`,
)}
</section>`;
}

export function derivedSection(ctx: Ctx, derived: readonly DerivedView[]): SafeHtml {
  const { L, lang } = ctx;
  if (derived.length === 0) return html``;
  const results = Object.keys(L.derivedResults) as (keyof AssessmentLabels['derivedResults'])[];
  return html`<section class="part" id="derived">
<h2>${L.derived}</h2>
<p class="note">${L.derivedIntro}</p>
${derived.map(
  (d) => html`<section class="standard" id="derived-${d.standard.id}">
<h3>${d.standard.title[lang]} <small class="muted">${d.standard.version}</small></h3>
<p>${results.map((k, i) => html`${i > 0 ? ' · ' : ''}${L.derivedResults[k]} ${d.summary[k]}`)}</p>
<table><thead><tr><th>${L.requirement}</th><th>${L.title}</th><th>${L.result}</th><th>${L.items}</th><th>${L.partialEvidenceItems}</th></tr></thead>
<tbody>${d.requirements.map(
    (q) =>
      html`<tr><td class="nowrap">${q.id}</td><td>${q.title[lang]}</td><td><span class="badge r-${q.result}">${L.derivedResults[q.result]}</span>${q.conflict ? html` <span class="flag">${L.conflict}</span>` : ''}</td><td>${links(ctx, q.carried)}</td><td>${links(ctx, q.partialEvidence)}</td></tr>\n`,
  )}</tbody></table>
</section>`,
)}
</section>`;
}

function attachments(ctx: Ctx, a: Answer): SafeHtml | string {
  if (a.attachments.length === 0) return ctx.L.none;
  return html`<ul class="plain">${a.attachments.map(
    (f) =>
      html`<li>${f.filename} <span class="muted">(${byteSize(f.size)}, sha256 <span class="hash" title="${f.sha256}">${f.sha256.slice(0, 12)}</span>)</span></li>`,
  )}</ul>`;
}

function review(ctx: Ctx, a: Answer): SafeHtml | string {
  if (!a.review) return '';
  const previous = a.previousVerdict ? html`<br><span class="muted">${ctx.L.previousVerdict}: ${VERDICT_LABELS[a.previousVerdict][ctx.lang]}</span>` : '';
  return html`<span class="flag">${ctx.L.review[a.review]}</span>${previous}`;
}

export function itemsSection(ctx: Ctx, data: AssessmentReportData): SafeHtml {
  const { L, lang } = ctx;
  const { items, answers } = data.assessment;
  const byId = new Map(answers.map((a) => [a.requirementId, a]));
  return html`<section class="part" id="items">
<h2>${L.itemResults}</h2>
<table class="items"><thead><tr><th>${L.no}</th><th>${L.title}</th><th>${L.verdict}</th><th>${L.evidence}</th><th>${L.comment}</th><th>${L.attachments}</th><th>${L.defect}</th><th>${L.reviewFlag}</th></tr></thead>
<tbody>${items.map((i) => {
    const a = byId.get(i.requirementId);
    const verdict = a?.verdict ?? 'unassessed';
    return html`<tr><td class="nowrap">${i.no}</td><td>${i.title[lang]}</td><td><span class="badge v-${verdict}">${VERDICT_LABELS[verdict][lang]}</span></td><td class="text">${a?.evidence ?? ''}</td><td class="text">${a?.comment ?? ''}</td><td>${a ? attachments(ctx, a) : L.none}</td><td>${a?.defect ? html`<span class="flag">${DEFECT_LABELS[a.defect.kind][lang]}</span>: <span class="text">${a.defect.note}</span>` : ''}</td><td>${a ? review(ctx, a) : ''}</td></tr>\n`;
  })}</tbody></table>
</section>`;
}
