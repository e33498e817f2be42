/** URLs of the browsing pages (list, standards, glossary, search), built in one place. */

/** The filters of the item list, as they appear in its query string. */
export const REQUIREMENT_FILTER_KEYS = ['layer', 'phase', 'stage', 'threatCategory', 'standard', 'applicability'] as const;
export type RequirementFilterKey = (typeof REQUIREMENT_FILTER_KEYS)[number];
export type RequirementFilters = Partial<Record<RequirementFilterKey, string>>;

/** Reads the known filters out of a query string; anything else is ignored. */
export function readFilters(search: string): RequirementFilters {
  const params = new URLSearchParams(search);
  const filters: RequirementFilters = {};
  for (const key of REQUIREMENT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** The query string of a set of filters, in a fixed key order ('' when none). */
export function filterQuery(filters: RequirementFilters): string {
  const params = new URLSearchParams();
  for (const key of REQUIREMENT_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function requirementListPath(filters: RequirementFilters = {}): string {
  return `/requirements${filterQuery(filters)}`;
}

export function standardsPath(): string {
  return '/standards';
}

export function standardPath(standardId: string): string {
  return `/standards/${encodeURIComponent(standardId)}`;
}

/**
 * The element id of one standard requirement on its standard's page. Ids
 * contain spaces ("CR 1.1 RE(1)"), which an HTML id may not; they are
 * replaced, and a prefix keeps ids starting with digits ("03.01.18") valid
 * for CSS selectors too.
 */
export function standardRequirementAnchor(requirementId: string): string {
  return `req-${requirementId.replace(/\s+/g, '_')}`;
}

export function standardRequirementPath(standardId: string, requirementId: string): string {
  return `${standardPath(standardId)}#${encodeURIComponent(standardRequirementAnchor(requirementId))}`;
}

export type GlossaryOrder = 'kana' | 'alpha';

export function glossaryPath(order: GlossaryOrder = 'kana'): string {
  return order === 'kana' ? '/glossary' : '/glossary?order=alpha';
}

export function glossaryTermPath(termId: string): string {
  return `/glossary/${encodeURIComponent(termId)}`;
}

export function searchPath(query: string): string {
  return `/search?${new URLSearchParams({ q: query }).toString()}`;
}
