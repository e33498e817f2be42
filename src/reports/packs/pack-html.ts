import type { EtsiPack, JcStarPack, Pack, PackEvidence } from '../../core/packs/pack.types.js';
import { ASSESSMENT_STATUS_LABELS, VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import type { AssessmentStatus } from '../../core/assessment/verdicts.js';
import { html, type SafeHtml, trustedMarkup } from '../html.js';
import { type Lang, pick } from '../labels.js';
import { reportDocument } from '../assessment/report-styles.js';
import { timestamp } from '../assessment/assessment-labels.js';
import { EVALUATION_LABELS, type PackLabels, packLabels, RESULT_LABELS, SUPPORT_LABELS } from './pack-labels.js';

export interface PackCtx {
  lang: Lang;
  L: PackLabels;
}

/** Every page of a draft pack says so (the report stylesheet's mark speaks of an assessment not yet final). */
const PACK_DRAFT_CSS = trustedMarkup('<style>@page { @top-center { content: "ドラフト DRAFT"; } }</style>');

/** A printable document of a pack (no scripts, local fonts), in one language; drafts say so on every page. */
export function packDocument(pack: Pack, lang: Lang, title: string, body: SafeHtml): string {
  const ctx: PackCtx = { lang, L: packLabels[lang] };
  const draft = pack.check.state === 'draft';
  return reportDocument({
    lang,
    title: `${draft ? 'DRAFT — ' : ''}${title}`,
    draft,
    ...(draft ? { extraStyle: PACK_DRAFT_CSS } : {}),
    body: html`${packCover(ctx, pack, title)}
${body}`,
    footer: `${ctx.L.generatedBy} · ${ctx.L.generatedAt} ${timestamp(pack.header.generatedAt)}`,
  });
}

function packCover(ctx: PackCtx, pack: Pack, title: string): SafeHtml {
  const { L, lang } = ctx;
  const h = pack.header;
  const fact = (label: string, value: string | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  return html`<section class="cover" id="cover">
<p class="subtitle">${pick(h.schemeLabel, lang)}</p>
<h1>${title}</h1>
${pack.check.state === 'draft' ? html`<p class="banner" role="note">${L.draftBanner}</p>` : html`<p class="final">${L.completeNote}</p>`}
<dl>
${fact(L.organisation, h.organisation.name)}
${fact(L.product, h.product.name)}
${fact(L.model, h.product.model)}
${fact(L.version, h.product.version)}
${fact(L.assessment, `${h.assessment.title} (${h.assessment.id})`)}
${fact(L.assessmentStatus, pick(ASSESSMENT_STATUS_LABELS[h.assessment.status as AssessmentStatus] ?? { ja: h.assessment.status, en: h.assessment.status }, lang))}
${fact(L.finalisedAt, timestamp(h.assessment.finalisedAt))}
${fact(L.edition, h.assessment.editionId)}
${fact(L.standard, `${pick(h.standard.title, lang)} — ${h.standard.version}`)}
${fact(L.generatedAt, timestamp(h.generatedAt))}
</dl>
${h.assessment.contentHash ? html`<p>${L.contentHash}: <span class="hash">${h.assessment.contentHash}</span></p>` : ''}
</section>
${gapsSection(ctx, pack)}`;
}

export function gapsSection({ L, lang }: PackCtx, pack: Pack): SafeHtml {
  return html`<section id="gaps"><h2>${L.gaps}</h2>
${pack.check.gaps.length === 0 ? html`<p>${L.noGaps}</p>` : html`<ul>${pack.check.gaps.map((g) => html`<li>${pick(g.message, lang)}</li>`)}</ul>`}
</section>`;
}

/** The items behind a requirement with their verdict, evidence text and files (by SHA-256). */
export function evidenceList({ L, lang }: PackCtx, evidence: readonly PackEvidence[]): SafeHtml {
  if (evidence.length === 0) return html`<span class="muted">${L.none}</span>`;
  return html`<ul class="plain">${evidence.map(
    (e) => html`<li><strong>${e.no}</strong> ${pick(e.title, lang)} — <span class="badge v-${e.verdict ?? 'unassessed'}">${
      e.verdict ? pick(VERDICT_LABELS[e.verdict], lang) : '—'
    }</span>
${e.evidence ? html`<div class="text">${L.evidence}: ${e.evidence}</div>` : ''}
${e.comment ? html`<div class="text">${L.comment}: ${e.comment}</div>` : ''}
${e.attachments.map((a) => html`<div class="muted">${L.files}: ${a.downloadName} <span class="hash">sha256:${a.sha256}</span></div>`)}
</li>`,
  )}</ul>`;
}

/** The row under a requirement's row: its evidence (under the items heading when `headed`), then the items that reach it only partly. */
export function evidenceRow(
  ctx: PackCtx,
  colspan: number,
  row: { evidence: readonly PackEvidence[]; partialEvidence: readonly PackEvidence[] },
  headed = false,
): SafeHtml {
  const { L } = ctx;
  return html`<tr class="evidence-row"><td></td><td colspan="${colspan}">${headed ? html`<div><strong>${L.items}</strong></div>` : ''}${evidenceList(ctx, row.evidence)}${
    row.partialEvidence.length > 0 ? html`<div><strong>${L.partialItems}</strong></div>${evidenceList(ctx, row.partialEvidence)}` : ''
  }</td></tr>`;
}

export function resultBadge(lang: Lang, result: keyof typeof RESULT_LABELS): SafeHtml {
  return html`<span class="badge r-${result}">${pick(RESULT_LABELS[result], lang)}</span>`;
}

/** JC-STAR ★1: one block per requirement. */
export function jcStarBody(ctx: PackCtx, pack: JcStarPack): SafeHtml {
  const { L, lang } = ctx;
  return html`<section class="part" id="requirements"><h2>${L.requirement}</h2>
<table>
<thead><tr><th>${L.requirement}</th><th>${L.title}</th><th>${L.result}</th><th>${L.evaluation}</th></tr></thead>
<tbody>${pack.rows.map(
    (r) => html`<tr id="req-${r.id}"><td class="nowrap">${r.id}</td><td>${pick(r.title, lang)}${
      r.pending ? html`<div class="flag">${L.pending}: ${L.pendingNote}</div>` : ''
    }</td><td>${resultBadge(lang, r.result)}</td><td>${pick(EVALUATION_LABELS[r.evaluation], lang)}</td></tr>
${evidenceRow(ctx, 3, r, true)}`,
  )}</tbody>
</table>
<p class="note">${L.evidenceFiles}</p>
</section>`;
}

/** ETSI EN 303 645: the conformance statement table. */
export function etsiBody(ctx: PackCtx, pack: EtsiPack): SafeHtml {
  const { L, lang } = ctx;
  return html`<section class="part" id="ics"><h2>${pick(pack.header.schemeLabel, lang)}</h2>
<table>
<thead><tr><th>${L.provision}</th><th>${L.title}</th><th>${L.status}</th><th>${L.applicable}</th><th>${L.support}</th></tr></thead>
<tbody>${pack.rows.map(
    (r) => html`<tr id="prov-${r.id}"><td class="nowrap">${r.id}</td><td>${pick(r.title, lang)}${
      r.conditions.length > 0 ? html`<div class="muted">${L.conditions}: ${r.conditions.map((c) => `(${c.id}) ${pick(c.label, lang)}`).join('; ')}</div>` : ''
    }</td><td class="nowrap">${r.status}</td><td>${r.applicable ? L.yes : L.no}</td><td>${pick(SUPPORT_LABELS[r.support], lang)}</td></tr>
${evidenceRow(ctx, 4, r)}`,
  )}</tbody>
</table>
<p class="note">${L.evidenceFiles}</p>
</section>`;
}
