import type { Confidence } from './taxonomy.js';
import type { Localized } from './model/edition.schema.js';
import type { Landscape, LandscapeAxis, LandscapeEntry, LandscapeKind } from './model/landscape.schema.js';
import type { PathSegment, Severity } from './problems.js';

/**
 * The standards landscape (標準規格マッピング): which standards, regulations and
 * certification schemes apply per sector and level, joined with the standard
 * catalogs an edition carries. Pure: the loader and the services do the I/O.
 */

/** A problem inside the landscape document, located by its path. */
export interface LandscapeProblem {
  severity: Severity;
  code: string;
  message: string;
  path: PathSegment[];
}

/**
 * Cross-reference checks the schema cannot do: unique ids, entries naming
 * known sectors, levels and related entries, `verified` backed by a source,
 * and (when `catalogIds` is given) every catalog present in the content.
 */
export function validateLandscape(landscape: Landscape, catalogIds?: ReadonlySet<string>): LandscapeProblem[] {
  const problems: LandscapeProblem[] = [];
  const error = (code: string, message: string, path: PathSegment[]) => problems.push({ severity: 'error', code, message, path });
  const sectors = uniqueIds(landscape.sectors, 'sectors', error);
  const levels = uniqueIds(landscape.levels, 'levels', error);
  const entries = uniqueIds(landscape.entries, 'entries', error);

  landscape.entries.forEach((entry, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['entries', i, ...rest];
    checkList(entry.sectors, sectors, 'sector', at('sectors'), error);
    checkList(entry.levels, levels, 'level', at('levels'), error);
    checkList(entry.related ?? [], entries, 'entry', at('related'), error);
    (entry.related ?? []).forEach((id, j) => {
      if (id === entry.id) error('landscape-self-reference', `entry ${entry.id} lists itself as related`, at('related', j));
    });
    if (entry.confidence === 'verified' && !entry.source) {
      error('landscape-unsourced', `entry ${entry.id} is marked verified but names no source; add source or lower the confidence`, at('confidence'));
    }
    if (entry.catalog && catalogIds && !catalogIds.has(entry.catalog)) {
      error(
        'landscape-unknown-catalog',
        `catalog "${entry.catalog}" is not a standard in content/standards (known: ${[...catalogIds].sort().join(', ')})`,
        at('catalog'),
      );
    }
  });
  return problems;
}

function uniqueIds(items: readonly { id: string }[], list: string, error: (code: string, message: string, path: PathSegment[]) => void): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) error('landscape-duplicate-id', `${list}: id "${item.id}" is used more than once`, [list, i, 'id']);
    seen.add(item.id);
  });
  return seen;
}

function checkList(
  values: readonly string[],
  known: ReadonlySet<string>,
  what: string,
  path: PathSegment[],
  error: (code: string, message: string, path: PathSegment[]) => void,
) {
  const seen = new Set<string>();
  values.forEach((value, j) => {
    if (!known.has(value)) error(`landscape-unknown-${what}`, `unknown ${what} "${value}" (known: ${[...known].join(', ')})`, [...path, j]);
    else if (seen.has(value)) error('landscape-duplicate-reference', `${what} "${value}" is listed twice`, [...path, j]);
    seen.add(value);
  });
}

/** Narrows the map to one sector and/or one level; omitted keys do not filter. */
export interface LandscapeFilter {
  sector?: string | undefined;
  level?: string | undefined;
}

/** A filter value that names no sector or level, with the ids that would be valid. */
export interface UnknownFilterValue {
  key: 'sector' | 'level';
  value: string;
  valid: string[];
}

/** The filter values the landscape does not know (empty when the filter is fine). */
export function unknownLandscapeFilter(landscape: Landscape, filter: LandscapeFilter): UnknownFilterValue[] {
  const unknown: UnknownFilterValue[] = [];
  const check = (key: 'sector' | 'level', value: string | undefined, axis: readonly LandscapeAxis[]) => {
    if (value !== undefined && !axis.some((a) => a.id === value)) unknown.push({ key, value, valid: axis.map((a) => a.id) });
  };
  check('sector', filter.sector, landscape.sectors);
  check('level', filter.level, landscape.levels);
  return unknown;
}

/** One line per unknown value, naming the valid ids: for usage errors and 400 answers. */
export function describeUnknownFilter(u: UnknownFilterValue): string {
  return `unknown ${u.key} "${u.value}"; valid ${u.key} ids: ${u.valid.join(', ')}`;
}

/** The entries that apply to the filter's sector and level, in document order. */
export function filterLandscape(landscape: Landscape, filter: LandscapeFilter): LandscapeEntry[] {
  return landscape.entries.filter(
    (e) => (filter.sector === undefined || e.sectors.includes(filter.sector)) && (filter.level === undefined || e.levels.includes(filter.level)),
  );
}

/** What the map needs to know of a standard catalog the edition carries. */
export interface CatalogSummary {
  id: string;
  title: Localized;
  version: string;
}

/** An entry as shown: its catalog says whether the edition carries it. */
export interface LandscapeEntryView {
  id: string;
  name: string;
  title?: string;
  kind: LandscapeKind;
  /** Always both languages; a single name in the file serves both. */
  publisher: Localized;
  sectors: string[];
  levels: string[];
  description: Localized;
  confidence: Confidence;
  source?: string;
  related: { id: string; name: string }[];
  /** null: we have no catalog for it; loaded false: the landscape names one the edition does not carry. */
  catalog: { id: string; loaded: boolean; title?: Localized; version?: string } | null;
}

export interface LandscapeView {
  filter: LandscapeFilter;
  sectors: LandscapeAxis[];
  levels: LandscapeAxis[];
  total: number;
  entries: LandscapeEntryView[];
}

/** Filters the landscape and joins each entry with the catalogs at hand. The filter must be known (see unknownLandscapeFilter). */
export function landscapeView(landscape: Landscape, catalogs: readonly CatalogSummary[], filter: LandscapeFilter): LandscapeView {
  const byId = new Map(catalogs.map((c) => [c.id, c]));
  const names = new Map(landscape.entries.map((e) => [e.id, e.name]));
  const entries = filterLandscape(landscape, filter).map((e): LandscapeEntryView => {
    const catalog = e.catalog ? byId.get(e.catalog) : undefined;
    return {
      id: e.id,
      name: e.name,
      ...(e.title ? { title: e.title } : {}),
      kind: e.kind,
      publisher: typeof e.publisher === 'string' ? { ja: e.publisher, en: e.publisher } : e.publisher,
      sectors: e.sectors,
      levels: e.levels,
      description: e.description,
      confidence: e.confidence,
      ...(e.source ? { source: e.source } : {}),
      related: (e.related ?? []).map((id) => ({ id, name: names.get(id) ?? id })),
      catalog: e.catalog
        ? catalog
          ? { id: e.catalog, loaded: true, title: catalog.title, version: catalog.version }
          : { id: e.catalog, loaded: false }
        : null,
    };
  });
  const cleanFilter: LandscapeFilter = {
    ...(filter.sector !== undefined ? { sector: filter.sector } : {}),
    ...(filter.level !== undefined ? { level: filter.level } : {}),
  };
  return { filter: cleanFilter, sectors: landscape.sectors, levels: landscape.levels, total: entries.length, entries };
}
