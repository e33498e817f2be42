/** The app's own URLs, built in one place so links and routes agree. */

export function cellPath(layer: string, phase: string): string {
  return `/matrix/${encodeURIComponent(layer)}/${encodeURIComponent(phase)}`;
}

export function requirementPath(id: string): string {
  return `/requirements/${encodeURIComponent(id)}`;
}
