import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../content/content-dir.js';
import type { AttachedCatalog } from '../../core/attached-text/attached-text.js';
import type { Edition } from '../../core/model/edition.schema.js';
import { standardNodeViews, standardSummaries } from '../coverage-summary.js';
import { type Chapter, EditionView } from '../edition-view.js';
import { html, type SafeHtml, trustedMarkup } from '../html.js';
import { publicationLabels, type Lang } from '../labels.js';
import { publisherTextList } from '../publisher-text-html.js';
import { gbAnchor, type GuidebookContext, guidebookItem } from './guidebook-item.js';

/**
 * The guidebook as one self-contained HTML document in one language: title
 * page, contents, one chapter per lifecycle phase (items by number), a
 * glossary appendix and a coverage appendix. Its stylesheet is embedded (the
 * file must stand alone) and it has no script. Printed or rendered to PDF it
 * is A4 with page numbers (CSS @page margin boxes).
 */
export function renderGuidebookHtml(edition: Edition, lang: Lang, attached: readonly AttachedCatalog[] = []): string {
  const ctx: GuidebookContext = { lang, L: publicationLabels[lang], view: new EditionView(edition) };
  const chapters = ctx.view.chapters().filter((c) => c.items.length > 0 || c.alsoApplies.length > 0);
  const css = readFileSync(join(projectRoot(), 'src', 'reports', 'guidebook', 'guidebook.css'), 'utf8');
  const meta = edition.meta;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="generator" content="tebiki">
<title>${meta.title[lang]}</title>
<style>
${trustedMarkup(css)}
</style>
</head>
<body>
${titlePage(ctx)}
${front(ctx)}
${toc(ctx, chapters, attached)}
${chapters.map((c, i) => chapter(ctx, c, i + 1))}
${glossaryAppendix(ctx)}
${coverageAppendix(ctx)}
${attached.map((catalog, i) => attachedAppendix(ctx, catalog, attachedLetter(i)))}
</body>
</html>
`.value;
}

function titlePage(ctx: GuidebookContext): SafeHtml {
  const { L, lang, view } = ctx;
  const meta = view.edition.meta;
  return html`<section class="title-page">
<p class="subtitle">${L.guidebookSubtitle}</p>
<h1>${meta.title[lang]}</h1>
<div class="facts">
<p>${L.editionId} ${meta.id} · ${L.statuses[meta.status]} · ${meta.date}</p>
<p>${L.totalItems(view.requirements.length)} · ${L.glossary} ${L.itemCount(view.edition.glossary.length)} · ${L.standards} ${L.itemCount(view.edition.standards.length)}</p>
</div>
</section>`;
}

function front(ctx: GuidebookContext): SafeHtml {
  const { L, lang, view } = ctx;
  const log = view.edition.meta.changelog;
  if (log.length === 0) return html``;
  return html`<section class="front">
<h2>${L.changelog}</h2>
<dl>${log.map((c) => html`<dt>${c.date}</dt><dd>${c.text[lang]}</dd>`)}</dl>
</section>`;
}

function toc(ctx: GuidebookContext, chapters: readonly Chapter[], attached: readonly AttachedCatalog[]): SafeHtml {
  const { L, lang } = ctx;
  return html`<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">${L.tableOfContents}</h2>
<ol>
${chapters.map(
  (c, i) => html`<li><div class="chapter-entry"><a href="#${gbAnchor.chapter(c.phase)}">${L.chapter(i + 1)} ${c.label[lang]}</a></div>
<ol>${c.items.map((r) => html`<li><a href="#${gbAnchor.item(r.id)}">${r.number} ${r.title[lang]}</a></li>`)}</ol></li>\n`,
)}
<li><div class="chapter-entry"><a href="#appendix-glossary">${L.appendix('A')} ${L.glossary}</a></div></li>
<li><div class="chapter-entry"><a href="#appendix-coverage">${L.appendix('B')} ${L.coverage}</a></div></li>
${attached.map((c, i) => html`<li><div class="chapter-entry"><a href="#${attachedAnchor(c)}">${L.appendix(attachedLetter(i))} ${L.attachedAppendix(standardTitle(ctx, c, lang))}</a></div></li>`)}
</ol>
</nav>`;
}

function chapter(ctx: GuidebookContext, c: Chapter, n: number): SafeHtml {
  const { L, lang } = ctx;
  return html`<section class="chapter" id="${gbAnchor.chapter(c.phase)}">
<h2><span class="chapter-number">${L.chapter(n)} · ${c.stage[lang]}</span>${c.label[lang]}</h2>
${c.description ? html`<p>${c.description[lang]}</p>` : ''}
${c.items.map((r) => guidebookItem(ctx, r))}
${
  c.alsoApplies.length > 0
    ? html`<div class="also"><p>${L.alsoApplies}</p><ul>${c.alsoApplies.map((r) => html`<li><a href="#${gbAnchor.item(r.id)}">${r.number} ${r.title[lang]}</a></li>`)}</ul></div>`
    : ''
}
</section>\n`;
}

function glossaryAppendix(ctx: GuidebookContext): SafeHtml {
  const { L, lang, view } = ctx;
  return html`<section class="appendix" id="appendix-glossary">
<h2>${L.appendix('A')} ${L.glossary}</h2>
<dl class="glossary">
${view.glossary(lang).map(
  (t) => html`<dt id="${gbAnchor.term(t.id)}">${t.term[lang]}${lang === 'ja' && t.reading ? html` <span class="reading">${t.reading}</span>` : ''}</dt>
<dd><p>${t.definition[lang]}</p>${
    t.industryUsage.length > 0 ? html`<ul class="usage">${t.industryUsage.map((u) => html`<li>${u.industry[lang]}: ${u.usage[lang]}</li>`)}</ul>` : ''
  }</dd>\n`,
)}
</dl>
</section>`;
}

function coverageAppendix(ctx: GuidebookContext): SafeHtml {
  const { L, lang, view } = ctx;
  const summaries = standardSummaries(view.edition);
  return html`<section class="appendix" id="appendix-coverage">
<h2>${L.appendix('B')} ${L.coverage}</h2>
<p>${L.coverageIntro}</p>
<table class="coverage">
<thead><tr><th>${L.standard}</th><th>${L.answerable}</th><th>${L.mapped} (${L.fully})</th><th>${L.outOfScope}</th><th>${L.pending}</th><th>${L.gap}</th></tr></thead>
<tbody>
${summaries.map(
  (s) =>
    html`<tr><td><a href="#${gbAnchor.standard(s.standard.id)}">${s.standard.title[lang]}</a></td><td class="numeric">${s.answerable}</td><td class="numeric">${s.mapped} (${s.fully})</td><td class="numeric">${s.outOfScope}</td><td class="numeric">${s.pending}</td><td class="numeric">${s.gaps}</td></tr>\n`,
)}
</tbody></table>
${summaries.map((s) => {
  const declared = standardNodeViews(view.edition, s.standard).filter((v) => v.standing === 'out-of-scope' || v.standing === 'pending');
  return html`<section id="${gbAnchor.standard(s.standard.id)}">
<h3>${s.standard.title[lang]}</h3>
<p class="muted">${L.version} ${s.standard.version} · ${L.publisher} ${s.standard.publisher} · ${L.confidenceLabel}: ${(L.confidence as Record<string, string>)[s.standard.confidence] ?? s.standard.confidence}</p>
${
  declared.length > 0
    ? html`<table><thead><tr><th>${L.standardRequirement}</th><th>${L.status}</th><th>${L.rationale}</th></tr></thead><tbody>${declared.map(
        (v) =>
          html`<tr><td class="nowrap">${v.node.id}</td><td>${v.standing === 'pending' ? L.pending : L.outOfScope}</td><td>${v.reason?.[lang] ?? ''}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${s.gapIds.length > 0 ? html`<p><strong>${L.gap}:</strong> ${s.gapIds.join(', ')}</p>` : ''}
</section>\n`;
})}
</section>`;
}

/** Appendices C, D, …: one per standard whose publisher's text is attached (NIST SP 800-171), after the coverage appendix. */
const attachedLetter = (i: number) => String.fromCharCode('C'.charCodeAt(0) + i);
const attachedAnchor = (c: AttachedCatalog) => `appendix-attached-${c.standardId}`;
const standardTitle = (ctx: GuidebookContext, c: AttachedCatalog, lang: Lang) =>
  ctx.view.edition.standards.find((s) => s.id === c.standardId)?.title[lang] ?? c.standardId;

/** The publisher's English original of each requirement, beside its id and our title; withdrawn ones say where NIST incorporated them. */
function attachedAppendix(ctx: GuidebookContext, catalog: AttachedCatalog, letter: string): SafeHtml {
  const { L, lang, view } = ctx;
  const standard = view.edition.standards.find((s) => s.id === catalog.standardId);
  const nodes = standard ? standard.requirements : [];
  return html`<section class="appendix attached-text" id="${attachedAnchor(catalog)}">
<h2>${L.appendix(letter)} ${L.attachedAppendix(standardTitle(ctx, catalog, lang))}</h2>
<p>${L.attachedIntro}</p>
<p class="citation">${L.citation}: <cite lang="en">${catalog.citation}</cite></p>
${publisherTextList(catalog, nodes, (title) => title[lang])}
</section>`;
}
