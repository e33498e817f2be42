import { layerPhaseMatrix } from '../../core/matrix.js';
import type { Requirement } from '../../core/model/edition.schema.js';
import { LAYERS, type Layer, PHASES, type Phase, STAGE_OF_PHASE, STAGES } from '../../core/taxonomy.js';
import { html, type SafeHtml } from '../../reports/html.js';
import type { PageContext, RenderedPage } from '../site-layout.js';
import { cellPage, requirementPage, SITE_PAGES } from '../site-paths.js';

/** The edition's front page: title, status, contents and changelog. */
export function indexPage(ctx: PageContext): RenderedPage {
  const { L, view } = ctx;
  const meta = view.edition.meta;
  const links: [string, string, string][] = [
    [SITE_PAGES.matrix, L.matrix, L.totalItems(view.requirements.length)],
    [SITE_PAGES.requirements, L.requirements, L.totalItems(view.requirements.length)],
    [SITE_PAGES.glossary, L.glossary, L.itemCount(view.edition.glossary.length)],
    [SITE_PAGES.standards, L.standards, L.itemCount(view.edition.standards.length)],
    [SITE_PAGES.coverage, L.coverage, ''],
    [SITE_PAGES.search, L.search, ''],
  ];
  const body = html`<h1>${ctx.text(meta.title)}</h1>
<dl class="facts">
<dt>${L.editionId}</dt><dd>${meta.id}</dd>
<dt>${L.status}</dt><dd><span class="badge status-${meta.status}">${L.statuses[meta.status]}</span></dd>
<dt>${L.date}</dt><dd>${meta.date}</dd>
</dl>
<section aria-labelledby="contents"><h2 id="contents">${L.contents}</h2>
<ul class="contents">${links.map(([page, label, note]) => html`<li><a href="${ctx.href(page)}">${label}</a>${note ? html` <span class="muted">${note}</span>` : ''}</li>`)}</ul>
</section>
<section aria-labelledby="changelog"><h2 id="changelog">${L.changelog}</h2>
${
  meta.changelog.length === 0
    ? html`<p class="muted">${L.noChangelog}</p>`
    : html`<ol class="changelog">${meta.changelog.map((c) => html`<li><time datetime="${c.date}">${c.date}</time><p>${ctx.text(c.text)}</p></li>`)}</ol>`
}
</section>`;
  return { title: L.home, crumbs: [], body };
}

function heatClass(count: number): string {
  if (count === 0) return 'heat-0';
  if (count < 3) return 'heat-1';
  if (count < 6) return 'heat-2';
  if (count < 12) return 'heat-3';
  return 'heat-4';
}

/** Layer × phase table; every non-empty cell links to its page. */
export function matrixPage(ctx: PageContext): RenderedPage {
  const { L, view } = ctx;
  const counts = new Map(layerPhaseMatrix(view.requirements).map((c) => [`${c.layer}|${c.phase}`, c.count]));
  const stageSpans = STAGES.map((s) => ({ stage: s, span: PHASES.filter((p) => STAGE_OF_PHASE[p] === s).length })).filter((s) => s.span > 0);
  const body = html`<h1>${L.matrix}</h1>
<p>${L.matrixIntro}</p>
<div class="table-scroll"><table class="matrix">
<caption>${ctx.text(view.edition.meta.title)} · ${L.totalItems(view.requirements.length)}</caption>
<thead>
<tr><td></td>${stageSpans.map((s) => html`<th scope="colgroup" colspan="${s.span}">${ctx.text(view.stage(s.stage))}</th>`)}</tr>
<tr><th scope="col">${L.layer} / ${L.phase}</th>${PHASES.map((p) => html`<th scope="col">${ctx.text(view.phase(p))}</th>`)}</tr>
</thead>
<tbody>
${LAYERS.map(
  (layer) =>
    html`<tr><th scope="row">${ctx.text(view.layer(layer))}</th>${PHASES.map((phase) => {
      const n = counts.get(`${layer}|${phase}`) ?? 0;
      const label = `${ctx.text(view.layer(layer))} × ${ctx.text(view.phase(phase))}: ${L.itemCount(n)}`;
      return n === 0
        ? html`<td class="${heatClass(0)}"><span aria-label="${label}">0</span></td>`
        : html`<td class="${heatClass(n)}"><a href="${ctx.href(cellPage(layer, phase))}" aria-label="${label}">${n}</a></td>`;
    })}</tr>\n`,
)}
</tbody>
</table></div>`;
  return { title: L.matrix, crumbs: [{ label: L.matrix }], body };
}

/** A table of items: number, title, layers, phases. */
export function itemTable(ctx: PageContext, items: readonly Requirement[]): SafeHtml {
  const { L, view } = ctx;
  if (items.length === 0) return html`<p class="muted">${L.noItems}</p>`;
  return html`<div class="table-scroll"><table class="items">
<thead><tr><th scope="col">${L.number}</th><th scope="col">${L.title}</th><th scope="col">${L.layer}</th><th scope="col">${L.phase}</th></tr></thead>
<tbody>
${items.map(
  (r) =>
    html`<tr><td class="number">${r.number}</td><td><a href="${ctx.href(requirementPage(r.id))}">${ctx.text(r.title)}</a></td><td>${r.layers
      .map((l) => ctx.text(view.layer(l)))
      .join('、')}</td><td>${r.phases.map((p) => ctx.text(view.phase(p))).join('、')}</td></tr>\n`,
)}
</tbody></table></div>`;
}

/** The items of one layer × phase cell. */
export function cellPageOf(ctx: PageContext, layer: Layer, phase: Phase): RenderedPage {
  const { L, view } = ctx;
  const items = view.requirements.filter((r) => r.layers.includes(layer) && r.phases.includes(phase));
  const title = L.cellTitle(ctx.text(view.layer(layer)), ctx.text(view.phase(phase)));
  const body = html`<h1>${title}</h1>
<p>${L.itemCount(items.length)}</p>
${itemTable(ctx, items)}`;
  return { title, crumbs: [{ label: L.matrix, page: SITE_PAGES.matrix }, { label: title }], body };
}

/** Every item, chapter by chapter in lifecycle order. */
export function requirementsPage(ctx: PageContext): RenderedPage {
  const { L, view } = ctx;
  const body = html`<h1>${L.requirements}</h1>
<p>${L.totalItems(view.requirements.length)}</p>
${view.chapters().map(
  (c) => html`<section aria-labelledby="phase-${c.phase}">
<h2 id="phase-${c.phase}">${ctx.text(c.label)} <span class="muted">${L.itemCount(c.items.length)}</span></h2>
${itemTable(ctx, c.items)}
</section>\n`,
)}`;
  return { title: L.requirements, crumbs: [{ label: L.requirements }], body };
}
