import type { GlossaryTerm } from '../../core/model/edition.schema.js';
import { html } from '../../reports/html.js';
import type { PageContext, RenderedPage } from '../site-layout.js';
import { requirementPage, SITE_PAGES, termPage } from '../site-paths.js';

/** Every term in reading order (kana for Japanese, alphabetical for English), with its definition. */
export function glossaryPage(ctx: PageContext): RenderedPage {
  const { L, view } = ctx;
  const terms = view.glossary(ctx.lang);
  const body = html`<h1>${L.glossary}</h1>
<p>${L.itemCount(terms.length)}</p>
<dl class="glossary">
${terms.map(
  (
    t,
  ) => html`<dt><a href="${ctx.href(termPage(t.id))}">${ctx.text(t.term)}</a>${ctx.lang === 'ja' && t.reading ? html` <span class="reading">${t.reading}</span>` : ''}</dt>
<dd>${ctx.text(t.definition)}</dd>\n`,
)}
</dl>`;
  return { title: L.glossary, crumbs: [{ label: L.glossary }], body };
}

/** One term: definition, how industries use it differently, related terms, the items that list it. */
export function termPageOf(ctx: PageContext, term: GlossaryTerm): RenderedPage {
  const { L, view } = ctx;
  const usedBy = view.usedBy(term.id);
  const title = ctx.text(term.term);
  const otherLang = ctx.lang === 'ja' ? term.term.en : term.term.ja;
  const body = html`<h1>${title}</h1>
<dl class="facts">
${term.reading ? html`<dt>${L.reading}</dt><dd lang="ja">${term.reading}</dd>` : ''}
<dt>${ctx.lang === 'ja' ? 'English' : '日本語'}</dt><dd lang="${ctx.lang === 'ja' ? 'en' : 'ja'}">${otherLang}</dd>
</dl>
<section aria-labelledby="definition"><h2 id="definition">${L.definition}</h2>
<p>${ctx.text(term.definition)}</p>
</section>
${
  term.industryUsage.length > 0
    ? html`<section aria-labelledby="usage"><h2 id="usage">${L.industryUsage}</h2>
<dl class="usage">${term.industryUsage.map((u) => html`<dt>${ctx.text(u.industry)}</dt><dd>${ctx.text(u.usage)}</dd>`)}</dl>
</section>`
    : ''
}
${
  term.related.length > 0
    ? html`<section aria-labelledby="related"><h2 id="related">${L.related}</h2>
<ul class="inline-list">${term.related.map((id) => {
        const other = view.termById.get(id);
        return other ? html`<li><a href="${ctx.href(termPage(id))}">${ctx.text(other.term)}</a></li>` : html`<li>${id}</li>`;
      })}</ul>
</section>`
    : ''
}
<section aria-labelledby="used-by"><h2 id="used-by">${L.usedBy}</h2>
${
  usedBy.length === 0
    ? html`<p class="muted">${L.notUsed}</p>`
    : html`<ul class="item-links">${usedBy.map((r) => html`<li><a href="${ctx.href(requirementPage(r.id))}"><span class="number">${r.number}</span> ${ctx.text(r.title)}</a></li>`)}</ul>`
}
</section>`;
  return { title, crumbs: [{ label: L.glossary, page: SITE_PAGES.glossary }, { label: title }], body };
}
