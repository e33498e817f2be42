/** The list after a checkbox for `item` changes: without `item` if it was there, else with it at the end. */
export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}
