import type { Lang } from '../reports/labels.js';

/**
 * File names of the static site. Every page exists once per language, at
 * the same path under /ja/ and /en/, so a page is cited as
 * `<lang>/requirements/<id>.html` and the language switch is the same path in
 * the other tree. Ids are slugs ([a-z0-9.-]), safe as file names; list pages
 * sit beside the folders (requirements.html, not requirements/index.html) so
 * no id can collide with them.
 */

export const SITE_PAGES = {
  index: 'index.html',
  matrix: 'matrix.html',
  requirements: 'requirements.html',
  glossary: 'glossary.html',
  standards: 'standards.html',
  coverage: 'coverage.html',
  search: 'search.html',
} as const;

export const ASSETS = {
  css: 'assets/site.css',
  searchScript: 'assets/search.js',
  searchIndex: 'assets/search-index.js',
} as const;

/** The file that marks a folder as ours, so a later publish may replace it. */
export const SITE_MARKER = 'tebiki-site.json';

export const requirementPage = (id: string) => `requirements/${id}.html`;
export const termPage = (id: string) => `glossary/${id}.html`;
export const standardPage = (id: string) => `standards/${id}.html`;
export const cellPage = (layer: string, phase: string) => `matrix/${layer}--${phase}.html`;

/** Site path (from the site root) of a page of one language tree. */
export function inLang(lang: Lang, page: string): string {
  return `${lang}/${page}`;
}

/** Relative URL from one site file to another (both from the site root), with an optional fragment. */
export function relativeHref(fromFile: string, toFile: string, fragment?: string): string {
  // Site paths are plain, normalised "a/b/c.html" strings, so a split is enough (and far cheaper than path.relative on ~10^5 links).
  const from = fromFile.split('/');
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length - 1 && common < to.length - 1 && from[common] === to[common]) common++;
  const rel = '../'.repeat(from.length - 1 - common) + to.slice(common).join('/');
  return fragment ? `${rel}#${encodeURIComponent(fragment)}` : rel;
}
