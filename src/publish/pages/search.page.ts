import { html } from '../../reports/html.js';
import type { PageContext, RenderedPage } from '../site-layout.js';
import { ASSETS, SITE_PAGES } from '../site-paths.js';

/**
 * The search page. The form works as a plain GET to itself (?q=…); search.js
 * reads the query, searches the index and renders results with DOM nodes.
 * The words it needs come from data- attributes, so the script stays one
 * file for both languages.
 */
export function searchPage(ctx: PageContext): RenderedPage {
  const { L } = ctx;
  const body = html`<h1>${L.search}</h1>
<p>${L.searchIntro}</p>
<form id="search-form" class="search-form" role="search" action="${ctx.href(SITE_PAGES.search)}" method="get">
<label for="search-input">${L.searchLabel}</label>
<input id="search-input" name="q" type="search" autocomplete="off" placeholder="${L.searchPlaceholder}">
<button type="submit">${L.search}</button>
</form>
<noscript><p class="notice">${L.searchNeedsScript}</p></noscript>
<p id="search-status" class="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="search-results" data-lang="${ctx.lang}" data-count-one="${L.itemCount(1).replace('1', '{n}')}" data-count-other="${L.itemCount(2).replace('2', '{n}')}"
 data-kind-requirement="${L.resultKinds.requirement}" data-kind-term="${L.resultKinds.term}" data-kind-standard-requirement="${L.resultKinds['standard-requirement']}"></ol>`;
  return { title: L.search, crumbs: [{ label: L.search }], body, scripts: [ASSETS.searchIndex, ASSETS.searchScript] };
}
