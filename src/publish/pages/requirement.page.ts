import type { Requirement } from '../../core/model/edition.schema.js';
import { standardAnchors } from '../../reports/anchors.js';
import { referenceName } from '../../reports/edition-view.js';
import { html, type SafeHtml } from '../../reports/html.js';
import { TermMarker } from '../../core/term-marks.js';
import type { PageContext, RenderedPage } from '../site-layout.js';
import { cellPage, SITE_PAGES, standardPage, termPage } from '../site-paths.js';

/** A text with the item's glossary terms linked at their first occurrence on the page. */
function linkedText(ctx: PageContext, marker: TermMarker, text: string): SafeHtml {
  return html`${marker.mark(text).map((s) => (s.termId ? html`<a class="term" href="${ctx.href(termPage(s.termId))}">${s.text}</a>` : s.text))}`;
}

function facts(ctx: PageContext, r: Requirement): SafeHtml {
  const { L, view } = ctx;
  const cells = r.layers.flatMap((layer) =>
    r.phases.map(
      (phase) => html`<li><a href="${ctx.href(cellPage(layer, phase))}">${L.cellTitle(ctx.text(view.layer(layer)), ctx.text(view.phase(phase)))}</a></li>`,
    ),
  );
  return html`<dl class="facts">
<dt>${L.number}</dt><dd>${r.number}</dd>
<dt>${L.layer} × ${L.phase}</dt><dd><ul class="inline-list">${cells}</ul></dd>
<dt>${L.threatCategory}</dt><dd>${view.threatCategory(r.threatCategory, ctx.lang)}</dd>
${r.applicability.length > 0 ? html`<dt>${L.applicability}</dt><dd>${r.applicability.map((a) => ctx.text(view.applicability(a))).join('、')}</dd>` : ''}
</dl>`;
}

function mappingsSection(ctx: PageContext, r: Requirement): SafeHtml {
  const { L, view } = ctx;
  if (r.mappings.length === 0) return html`<p class="muted">${L.noMappings}</p>`;
  const standards = new Map(view.edition.standards.map((s) => [s.id, s]));
  return html`<div class="table-scroll"><table class="mappings">
<thead><tr><th scope="col">${L.standard}</th><th scope="col">${L.standardRequirement}</th><th scope="col">${L.relationship}</th><th scope="col">${L.rationale}</th></tr></thead>
<tbody>
${r.mappings.map((m) => {
  const std = standards.get(m.standard);
  const anchor = std ? standardAnchors(std).get(m.requirement) : undefined;
  const stdCell = std ? html`<a href="${ctx.href(standardPage(std.id))}">${ctx.text(std.title)}</a>` : m.standard;
  const reqCell = std && anchor ? html`<a class="std-req" href="${ctx.href(standardPage(std.id), anchor)}">${m.requirement}</a>` : m.requirement;
  return html`<tr><td>${stdCell}</td><td>${reqCell}</td><td><span class="rel rel-${m.relationship}">${L.relationships[m.relationship]}</span></td><td>${ctx.text(m.rationale)}</td></tr>\n`;
})}
</tbody></table></div>`;
}

/** One guidebook item: criteria, interpretation, verification, mappings, references, terms. */
export function requirementPageOf(ctx: PageContext, r: Requirement): RenderedPage {
  const { L, view } = ctx;
  const marker = new TermMarker(view.edition.glossary, r.terms, ctx.lang);
  const t = (value: Requirement['title']) => linkedText(ctx, marker, ctx.text(value));
  const title = `${r.number} ${ctx.text(r.title)}`;
  const body = html`<h1><span class="number">${r.number}</span> ${ctx.text(r.title)}</h1>
${facts(ctx, r)}
<section aria-labelledby="criteria"><h2 id="criteria">${L.criteria}</h2>
<ul class="criteria">${r.criteria.map((c) => html`<li>${t(c)}</li>`)}</ul>
</section>
<section aria-labelledby="interpretation"><h2 id="interpretation">${L.interpretation}</h2>
<ol class="attacks">${r.interpretation.map(
    (p) => html`<li><p class="label">${L.attack}</p><p>${t(p.attack)}</p>
<p class="label">${L.countermeasures}</p><ul>${p.countermeasures.map((c) => html`<li>${t(c)}</li>`)}</ul></li>\n`,
  )}</ol>
</section>
<section aria-labelledby="verification"><h2 id="verification">${L.verification}</h2>
<h3>${L.verificationMethods}</h3>
<ul class="chips">${r.verification.methods.map((m) => html`<li>${L.methods[m]}</li>`)}</ul>
<h3>${L.verificationSteps}</h3>
<ol class="steps">${r.verification.steps.map((s) => html`<li>${t(s)}</li>`)}</ol>
</section>
<section aria-labelledby="mappings"><h2 id="mappings">${L.mappings}</h2>
${mappingsSection(ctx, r)}
</section>
${
  r.references.length > 0
    ? html`<section aria-labelledby="references"><h2 id="references">${L.references}</h2>
<ul class="references">${r.references.map((ref) => html`<li><span class="ref-id">${referenceName(ref)}</span>${ref.note ? html` ${ctx.text(ref.note)}` : ''}</li>`)}</ul>
</section>`
    : ''
}
${
  r.terms.length > 0
    ? html`<section aria-labelledby="terms"><h2 id="terms">${L.terms}</h2>
<ul class="inline-list terms">${r.terms.map((id) => {
        const term = view.termById.get(id);
        return html`<li><a href="${ctx.href(termPage(id))}">${term ? ctx.text(term.term) : id}</a></li>`;
      })}</ul>
</section>`
    : ''
}`;
  return { title, crumbs: [{ label: L.requirements, page: SITE_PAGES.requirements }, { label: title }], body };
}
