import type { Localized } from '../core/model/edition.schema.js';
import type { StandardSummary } from '../reports/coverage-summary.js';
import type { EditionView } from '../reports/edition-view.js';
import { html, type SafeHtml } from '../reports/html.js';
import type { Labels, Lang } from '../reports/labels.js';
import { ASSETS, inLang, relativeHref, SITE_PAGES } from './site-paths.js';

/**
 * The frame of every page of the static site, and the context page renderers
 * get. No inline script or style anywhere: the meta CSP below says so, and the
 * browser test would fail on any violation. 'self' also matches sibling
 * files when the site is opened from file://.
 */
const CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/** Everything a page renderer needs; links are relative to the page being written. */
export interface PageContext {
  lang: Lang;
  L: Labels;
  view: EditionView;
  summaries: readonly StandardSummary[];
  /** Path of this page inside its language tree, e.g. "requirements/x.html". */
  page: string;
  /** Relative URL to another page of the same language tree. */
  href(page: string, fragment?: string): string;
  text(value: Localized): string;
}

export function pageContext(base: Omit<PageContext, 'page' | 'href' | 'text'>, page: string): PageContext {
  const from = inLang(base.lang, page);
  const memo = new Map<string, string>(); // a standard's page links the same items hundreds of times
  const hrefTo = (to: string) => {
    let rel = memo.get(to);
    if (rel === undefined) {
      rel = relativeHref(from, inLang(base.lang, to));
      memo.set(to, rel);
    }
    return rel;
  };
  return {
    ...base,
    page,
    href: (to, fragment) => (fragment ? `${hrefTo(to)}#${encodeURIComponent(fragment)}` : hrefTo(to)),
    text: (value) => value[base.lang],
  };
}

export interface Crumb {
  label: string;
  page?: string;
}

export interface RenderedPage {
  title: string;
  /** Trail below Home; the last entry is this page. */
  crumbs: Crumb[];
  body: SafeHtml;
  /** Site-root paths of scripts to load at the end of the body. */
  scripts?: string[];
}

function other(lang: Lang): Lang {
  return lang === 'ja' ? 'en' : 'ja';
}

/** The start of every page's head: charset, viewport, the site's CSP, title and stylesheet. */
export function documentHead(title: string, stylesheet: string): SafeHtml {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="tebiki">
<title>${title}</title>
<link rel="stylesheet" href="${stylesheet}">`;
}

/** The whole HTML document of one page. */
export function renderPage(ctx: PageContext, page: RenderedPage): string {
  const self = inLang(ctx.lang, ctx.page);
  const asset = (path: string) => relativeHref(self, path);
  const { L } = ctx;
  const editionTitle = ctx.text(ctx.view.edition.meta.title);
  const nav: [string, string][] = [
    [SITE_PAGES.matrix, L.matrix],
    [SITE_PAGES.requirements, L.requirements],
    [SITE_PAGES.glossary, L.glossary],
    [SITE_PAGES.standards, L.standards],
    [SITE_PAGES.coverage, L.coverage],
  ];
  const crumbs = [{ label: L.home, page: SITE_PAGES.index } as Crumb, ...page.crumbs];
  const switchLang = other(ctx.lang);
  const doc = html`<!doctype html>
<html lang="${ctx.lang}">
<head>
${documentHead(`${page.title} — ${editionTitle}`, asset(ASSETS.css))}
<link rel="alternate" hreflang="${switchLang}" href="${relativeHref(self, inLang(switchLang, ctx.page))}">
</head>
<body>
<a class="skip-link" href="#main">${L.skipToContent}</a>
<header class="site-header">
<a class="brand" href="${ctx.href(SITE_PAGES.index)}">${editionTitle}</a>
<nav class="site-nav" aria-label="${L.mainNavigation}">
${nav.map(([to, label]) => html`<a href="${ctx.href(to)}"${to === ctx.page ? html` aria-current="page"` : ''}>${label}</a>`)}
</nav>
<form class="site-search" role="search" action="${ctx.href(SITE_PAGES.search)}" method="get">
<input type="search" name="q" aria-label="${L.searchLabel}" placeholder="${L.searchPlaceholder}">
<button type="submit">${L.search}</button>
</form>
<a class="lang-switch" lang="${switchLang}" hreflang="${switchLang}" href="${relativeHref(self, inLang(switchLang, ctx.page))}">${L.switchTo}</a>
</header>
${
  page.crumbs.length > 0
    ? html`<nav class="breadcrumbs" aria-label="${L.breadcrumb}"><ol>${crumbs.map((c, i) =>
        i === crumbs.length - 1 || !c.page ? html`<li aria-current="page">${c.label}</li>` : html`<li><a href="${ctx.href(c.page)}">${c.label}</a></li>`,
      )}</ol></nav>`
    : ''
}
<main id="main">
${page.body}
</main>
<footer class="site-footer">
<p>${editionTitle} · ${L.editionId} ${ctx.view.edition.meta.id} · ${L.statuses[ctx.view.edition.meta.status]} · ${ctx.view.edition.meta.date}</p>
<p>${L.generatedBy}</p>
</footer>
${(page.scripts ?? []).map((s) => html`<script src="${asset(s)}"></script>\n`)}
</body>
</html>
`;
  return doc.value;
}
