/**
 * The filters of a coverage report as they appear in the page URL and in the
 * API query string (the same keys: sl, componentType, status, conditions).
 * `conditions` present but empty means "no condition holds".
 */
export interface CoverageQuery {
  sl?: string;
  componentType?: string;
  status?: string;
  /** Condition ids that hold; undefined: conditions are not evaluated. */
  conditions?: string[];
}

export function readCoverageQuery(search: string): CoverageQuery {
  const params = new URLSearchParams(search);
  const query: CoverageQuery = {};
  for (const key of ['sl', 'componentType', 'status'] as const) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  const conditions = params.get('conditions');
  if (conditions !== null) query.conditions = conditions.split(',').filter((c) => c.length > 0);
  return query;
}

/** "?sl=2&conditions=1,8" in a fixed key order, '' when no filter is set. */
export function coverageQueryString(query: CoverageQuery): string {
  const params = new URLSearchParams();
  for (const key of ['sl', 'componentType', 'status'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.conditions) params.set('conditions', query.conditions.join(','));
  // Commas are safe in a query string and much easier to read.
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

export function coveragePath(standardId?: string, query: CoverageQuery = {}): string {
  return standardId ? `/coverage/${encodeURIComponent(standardId)}${coverageQueryString(query)}` : '/coverage';
}

export const UNBACKED_PATH = '/coverage/unbacked';
