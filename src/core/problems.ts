/** A problem found in content or input: always names its place. */
export type Severity = 'error' | 'warning';

export type PathSegment = string | number;

export interface Problem {
  severity: Severity;
  /** Stable machine-readable code, e.g. `dangling-mapping`. */
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  /** Path inside the file's document, e.g. `mappings[2].requirement`. */
  path: string;
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
