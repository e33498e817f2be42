/** Binary search in ascending lists (field numbers, words, keys). Pure. */

/** The first place in `sorted` whose value is not below `value` (sorted.length when none). */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, value: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as T) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The strings of a sorted list that start with `prefix`. */
export function startingWith(sorted: readonly string[], prefix: string): string[] {
  const from = lowerBound(sorted, prefix);
  let end = from;
  while (end < sorted.length && (sorted[end] as string).startsWith(prefix)) end++;
  return sorted.slice(from, end);
}
