import type { Mapping, Requirement } from '../../core/model/edition.schema.js';
import { referenceName, type EditionView } from '../edition-view.js';
import { html, type SafeHtml } from '../html.js';
import type { Labels, Lang } from '../labels.js';
import { TermMarker } from '../../core/term-marks.js';

/** Fragment ids inside the guidebook document. */
export const gbAnchor = {
  chapter: (phase: string) => `chapter-${phase}`,
  item: (id: string) => `item-${id}`,
  term: (id: string) => `term-${id}`,
  standard: (id: string) => `coverage-${id}`,
};

export interface GuidebookContext {
  lang: Lang;
  L: Labels;
  view: EditionView;
}

/** Mappings grouped by standard in the edition's order of standards (stable within a standard). */
function groupedMappings(ctx: GuidebookContext, mappings: readonly Mapping[]): Mapping[][] {
  const order = new Map(ctx.view.edition.standards.map((s, i) => [s.id, i]));
  const groups = new Map<string, Mapping[]>();
  for (const m of mappings) {
    const list = groups.get(m.standard);
    if (list) list.push(m);
    else groups.set(m.standard, [m]);
  }
  return [...groups.entries()].sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || (a < b ? -1 : 1)).map(([, list]) => list);
}

function mappingsTable(ctx: GuidebookContext, r: Requirement): SafeHtml {
  const { L, lang, view } = ctx;
  if (r.mappings.length === 0) return html`<p class="muted">${L.noMappings}</p>`;
  const titles = new Map(view.edition.standards.map((s) => [s.id, s.title[lang]]));
  return html`<table class="mappings">
<thead><tr><th>${L.standard}</th><th class="nowrap">${L.standardRequirement}</th><th>${L.relationship}</th><th>${L.rationale}</th></tr></thead>
<tbody>
${groupedMappings(ctx, r.mappings).map((group) =>
  group.map(
    (m, i) =>
      html`<tr>${i === 0 ? html`<td rowspan="${group.length}">${titles.get(m.standard) ?? m.standard}</td>` : ''}<td class="nowrap">${m.requirement}</td><td>${L.relationships[m.relationship]}</td><td>${m.rationale[lang]}</td></tr>\n`,
  ),
)}
</tbody></table>`;
}

/** One guidebook item: heading, facts, 基準（対策）, 解釈, 検証, mappings, references. */
export function guidebookItem(ctx: GuidebookContext, r: Requirement): SafeHtml {
  const { L, lang, view } = ctx;
  const marker = new TermMarker(view.edition.glossary, r.terms, lang);
  const t = (value: Requirement['title']) =>
    html`${marker.mark(value[lang]).map((s) => (s.termId ? html`<a class="term" href="#${gbAnchor.term(s.termId)}">${s.text}</a>` : s.text))}`;
  return html`<section class="item" id="${gbAnchor.item(r.id)}">
<h3>${r.number} ${r.title[lang]}</h3>
<dl class="meta">
<dt>${L.layer}</dt><dd>${r.layers.map((l) => view.layer(l)[lang]).join(', ')}</dd>
<dt>${L.phase}</dt><dd>${r.phases.map((p) => view.phase(p)[lang]).join(', ')}</dd>
<dt>${L.threatCategory}</dt><dd>${view.threatCategory(r.threatCategory, lang)}</dd>
${r.applicability.length > 0 ? html`<dt>${L.applicability}</dt><dd>${r.applicability.map((a) => view.applicability(a)[lang]).join(', ')}</dd>` : ''}
</dl>
<h4>${L.criteria}</h4>
<ul>${r.criteria.map((c) => html`<li>${t(c)}</li>`)}</ul>
<h4>${L.interpretation}</h4>
<ol>${r.interpretation.map(
    (p) => html`<li><span class="attack-label">${L.attack}:</span> ${t(p.attack)}
<div><span class="attack-label">${L.countermeasures}:</span><ul>${p.countermeasures.map((c) => html`<li>${t(c)}</li>`)}</ul></div></li>\n`,
  )}</ol>
<h4>${L.verification}</h4>
<p><span class="attack-label">${L.verificationMethods}:</span> ${r.verification.methods.map((m) => L.methods[m]).join(', ')}</p>
<ol>${r.verification.steps.map((s) => html`<li>${t(s)}</li>`)}</ol>
<h4>${L.mappings}</h4>
${mappingsTable(ctx, r)}
${
  r.references.length > 0
    ? html`<h4>${L.references}</h4><ul>${r.references.map((ref) => html`<li>${referenceName(ref)}${ref.note ? html` — ${ref.note[lang]}` : ''}</li>`)}</ul>`
    : ''
}
</section>\n`;
}
