import type { AttachedCatalog } from '../../core/attached-text/attached-text.js';
import { publisherTextList } from '../../reports/publisher-text-html.js';
import type { Standard } from '../../core/model/edition.schema.js';
import { standardAnchors } from '../../reports/anchors.js';
import { type StandardNodeView, type StandardSummary, standardNodeViews } from '../../reports/coverage-summary.js';
import { html, type SafeHtml } from '../../reports/html.js';
import type { Labels } from '../../reports/labels.js';
import type { PageContext, RenderedPage } from '../site-layout.js';
import { requirementPage, SITE_PAGES, standardPage } from '../site-paths.js';

/** The label of a node's standing; exported for the search index and the guidebook. */
export function standingLabel(L: Labels, standing: StandardNodeView['standing']): string {
  switch (standing) {
    case 'covered':
      return L.covered;
    case 'partial':
      return L.partial;
    case 'out-of-scope':
      return L.outOfScope;
    case 'pending':
      return L.pending;
    case 'gap':
      return L.gap;
    default:
      return L.notCounted;
  }
}

function confidenceLabel(L: Labels, confidence: string): string {
  return (L.confidence as Record<string, string>)[confidence] ?? confidence;
}

/** Every standard with version, publisher and confidence of its catalog. */
export function standardsPage(ctx: PageContext): RenderedPage {
  const { L, view } = ctx;
  const body = html`<h1>${L.standards}</h1>
<div class="table-scroll"><table class="standards">
<thead><tr><th scope="col">${L.standard}</th><th scope="col">${L.version}</th><th scope="col">${L.publisher}</th><th scope="col">${L.confidenceLabel}</th></tr></thead>
<tbody>
${view.edition.standards.map(
  (s) =>
    html`<tr><td><a href="${ctx.href(standardPage(s.id))}">${ctx.text(s.title)}</a></td><td>${s.version}</td><td>${s.publisher}</td><td><span class="badge confidence-${s.confidence}">${confidenceLabel(L, s.confidence)}</span></td></tr>\n`,
)}
</tbody></table></div>
<p><a href="${ctx.href(SITE_PAGES.coverage)}">${L.coverage}</a></p>`;
  return { title: L.standards, crumbs: [{ label: L.standards }], body };
}

function nodeBadges(ctx: PageContext, standard: Standard, v: StandardNodeView): SafeHtml {
  const { L } = ctx;
  const n = v.node;
  const conditions = (n.conditions ?? []).map((c) => {
    const label = standard.conditions?.[c];
    return label ? `${c}: ${ctx.text(label)}` : c;
  });
  return html`<ul class="badges">
<li class="badge">${L.nodeKinds[n.kind]}</li>
${n.status ? html`<li class="badge status-${n.status}">${L.nodeStatus[n.status]}</li>` : ''}
${n.levels?.length ? html`<li class="badge">${L.levels} ${n.levels.join(', ')}</li>` : ''}
${n.appliesTo?.length ? html`<li class="badge">${L.appliesTo} ${n.appliesTo.join(', ')}</li>` : ''}
${conditions.length ? html`<li class="badge">${L.conditions} ${conditions.join('; ')}</li>` : ''}
${v.confidence !== 'verified' ? html`<li class="badge flag confidence-${v.confidence}">${L.confidenceLabel}: ${confidenceLabel(L, v.confidence)}</li>` : ''}
${n.unconfirmed ? html`<li class="badge flag unconfirmed">${L.unconfirmed}</li>` : ''}
</ul>`;
}

function nodeBlock(ctx: PageContext, standard: Standard, v: StandardNodeView, anchor: string): SafeHtml {
  const { L } = ctx;
  const depth = `depth-${Math.min(v.depth, 4)}`;
  if (v.standing === 'group') {
    return html`<h2 class="std-group ${depth}" id="${anchor}"><span class="node-id">${v.node.id}</span> ${ctx.text(v.node.title)}</h2>\n`;
  }
  return html`<article class="std-node ${depth} standing-${v.standing}" id="${anchor}">
<h3><span class="node-id">${v.node.id}</span> ${ctx.text(v.node.title)}</h3>
${nodeBadges(ctx, standard, v)}
<p class="standing"><span class="badge standing-${v.standing}">${standingLabel(L, v.standing)}</span></p>
${
  v.links.length > 0
    ? html`<ul class="reach">${v.links.map(
        (l) =>
          html`<li><a href="${ctx.href(requirementPage(l.requirementId))}"><span class="number">${l.number}</span> ${ctx.text(l.title)}</a> <span class="rel rel-${l.relationship}">${L.relationships[l.relationship]}</span></li>`,
      )}</ul>`
    : ''
}
${v.reason ? html`<p class="reason">${ctx.text(v.reason)}</p>` : ''}
</article>\n`;
}

/** One standard: its catalog facts, then every node with the items that reach it, its out-of-scope reason, or "gap". */
export function standardPageOf(ctx: PageContext, standard: Standard, attached?: AttachedCatalog): RenderedPage {
  const { L, view } = ctx;
  const anchors = standardAnchors(standard);
  const summary = ctx.summaries.find((s) => s.standard.id === standard.id);
  const title = ctx.text(standard.title);
  const body = html`<h1>${title}</h1>
<dl class="facts">
<dt>${L.version}</dt><dd>${standard.version}</dd>
<dt>${L.publisher}</dt><dd>${standard.publisher}</dd>
<dt>${L.confidenceLabel}</dt><dd><span class="badge confidence-${standard.confidence}">${confidenceLabel(L, standard.confidence)}</span></dd>
<dt>${L.licence}</dt><dd>${ctx.text(standard.licence)}</dd>
<dt>${L.source}</dt><dd>${standard.source}</dd>
${
  standard.conditions
    ? html`<dt>${L.conditions}</dt><dd><dl class="conditions">${Object.entries(standard.conditions).map(([id, label]) => html`<dt>${id}</dt><dd>${ctx.text(label)}</dd>`)}</dl></dd>`
    : ''
}
</dl>
${summary ? coverageTable(ctx, [summary]) : ''}
<div class="std-tree">
${standardNodeViews(view.edition, standard).map((v) => nodeBlock(ctx, standard, v, anchors.get(v.node.id) ?? ''))}
</div>
${attached ? attachedSection(ctx, standard, attached) : ''}`;
  return { title, crumbs: [{ label: L.standards, page: SITE_PAGES.standards }, { label: title }], body };
}

/** Summary table: answerable requirements, mapped (fully), out of scope, pending verification, gaps. */
export function coverageTable(ctx: PageContext, summaries: readonly StandardSummary[]): SafeHtml {
  const { L } = ctx;
  return html`<div class="table-scroll"><table class="coverage">
<thead><tr><th scope="col">${L.standard}</th><th scope="col">${L.answerable}</th><th scope="col">${L.mapped} (${L.fully})</th><th scope="col">${L.outOfScope}</th><th scope="col">${L.pending}</th><th scope="col">${L.gap}</th></tr></thead>
<tbody>
${summaries.map(
  (s) =>
    html`<tr><th scope="row"><a href="${ctx.href(standardPage(s.standard.id))}">${ctx.text(s.standard.title)}</a></th><td>${s.answerable}</td><td>${s.mapped} (${s.fully})</td><td>${s.outOfScope}</td><td>${s.pending}</td><td class="${s.gaps > 0 ? 'has-gaps' : ''}">${s.gaps}</td></tr>\n`,
)}
</tbody></table></div>`;
}

/** Coverage of every standard, with the gaps listed and linked. */
export function coveragePage(ctx: PageContext): RenderedPage {
  const { L } = ctx;
  const withGaps = ctx.summaries.filter((s) => s.gaps > 0);
  const body = html`<h1>${L.coverage}</h1>
<p>${L.coverageIntro}</p>
${coverageTable(ctx, ctx.summaries)}
${withGaps.map((s) => {
  const anchors = standardAnchors(s.standard);
  return html`<section><h2>${ctx.text(s.standard.title)}: ${L.gap}</h2>
<ul class="inline-list gaps">${s.gapIds.map((id) => html`<li><a href="${ctx.href(standardPage(s.standard.id), anchors.get(id))}">${id}</a></li>`)}</ul></section>\n`;
})}`;
  return { title: L.coverage, crumbs: [{ label: L.coverage }], body };
}

/** Published with --with-attached-text: the publisher's English original of each requirement, with the citation saying where it came from. */
function attachedSection(ctx: PageContext, standard: Standard, catalog: AttachedCatalog): SafeHtml {
  const { L } = ctx;
  return html`<section class="attached-text" id="publisher-text">
<h2>${L.attachedAppendix(ctx.text(standard.title))}</h2>
<p>${L.attachedIntro}</p>
<p class="citation">${L.citation}: <cite lang="en">${catalog.citation}</cite></p>
${publisherTextList(catalog, standard.requirements, (title) => ctx.text(title))}
</section>`;
}
