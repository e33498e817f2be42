import type { AttachedCatalog } from '../core/attached-text/attached-text.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../content/content-dir.js';
import { layerPhaseMatrix } from '../core/matrix.js';
import type { Edition } from '../core/model/edition.schema.js';
import { standardSummaries } from '../reports/coverage-summary.js';
import { EditionView } from '../reports/edition-view.js';
import { html } from '../reports/html.js';
import { publicationLabels, PUBLICATION_LANGS } from '../reports/labels.js';
import { termPageOf, glossaryPage } from './pages/glossary.pages.js';
import { cellPageOf, indexPage, matrixPage, requirementsPage } from './pages/overview.pages.js';
import { requirementPageOf } from './pages/requirement.page.js';
import { searchPage } from './pages/search.page.js';
import { coveragePage, standardPageOf, standardsPage } from './pages/standards.pages.js';
import { searchIndexScript } from './search-index.js';
import { documentHead, pageContext, type RenderedPage, renderPage } from './site-layout.js';
import { ASSETS, cellPage, inLang, requirementPage, SITE_MARKER, SITE_PAGES, standardPage, termPage } from './site-paths.js';

/**
 * Builds the whole static site of an edition in memory: site path → file
 * text. Pure apart from reading our own two asset files; the same edition
 * always gives the same bytes (no clock, no randomness, sorted output).
 */
export function buildSite(edition: Edition, editionHash: string, options: { attached?: readonly AttachedCatalog[] } = {}): Map<string, string> {
  const attached = new Map((options.attached ?? []).map((c) => [c.standardId, c] as const));
  const view = new EditionView(edition);
  const summaries = standardSummaries(edition);
  const files = new Map<string, string>();

  for (const lang of PUBLICATION_LANGS) {
    const base = { lang, L: publicationLabels[lang], view, summaries };
    const add = (page: string, render: (ctx: ReturnType<typeof pageContext>) => RenderedPage) => {
      const ctx = pageContext(base, page);
      files.set(inLang(lang, page), renderPage(ctx, render(ctx)));
    };
    add(SITE_PAGES.index, indexPage);
    add(SITE_PAGES.matrix, matrixPage);
    add(SITE_PAGES.requirements, requirementsPage);
    add(SITE_PAGES.glossary, glossaryPage);
    add(SITE_PAGES.standards, standardsPage);
    add(SITE_PAGES.coverage, coveragePage);
    add(SITE_PAGES.search, searchPage);
    for (const cell of layerPhaseMatrix(edition.requirements)) {
      if (cell.count > 0) add(cellPage(cell.layer, cell.phase), (ctx) => cellPageOf(ctx, cell.layer, cell.phase));
    }
    for (const r of view.requirements) add(requirementPage(r.id), (ctx) => requirementPageOf(ctx, r));
    for (const t of edition.glossary) add(termPage(t.id), (ctx) => termPageOf(ctx, t));
    for (const s of edition.standards) add(standardPage(s.id), (ctx) => standardPageOf(ctx, s, attached.get(s.id)));
  }

  files.set('index.html', languageChoice(edition));
  files.set(ASSETS.css, readAsset('site.css'));
  files.set(ASSETS.searchScript, readAsset('search.js'));
  files.set(ASSETS.searchIndex, searchIndexScript(view));
  files.set(
    SITE_MARKER,
    `${JSON.stringify({ generator: 'tebiki publish', edition: edition.meta.id, status: edition.meta.status, hash: editionHash }, null, 2)}\n`,
  );
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function readAsset(name: string): string {
  return readFileSync(join(projectRoot(), 'src', 'publish', 'assets', name), 'utf8');
}

/** The site's root page: both edition titles and a link into each language tree. */
function languageChoice(edition: Edition): string {
  const { title } = edition.meta;
  return html`<!doctype html>
<html lang="ja">
<head>
${documentHead(`${title.ja} / ${title.en}`, ASSETS.css)}
</head>
<body>
<main id="main">
<h1>${title.ja}</h1>
<p lang="en">${title.en}</p>
<p>${publicationLabels.ja.chooseLanguage} / <span lang="en">${publicationLabels.en.chooseLanguage}</span></p>
<ul class="language-choice">
<li><a href="${inLang('ja', SITE_PAGES.index)}" hreflang="ja">日本語</a></li>
<li><a href="${inLang('en', SITE_PAGES.index)}" hreflang="en" lang="en">English</a></li>
</ul>
</main>
</body>
</html>
`.value;
}
