import type { Document, LineCounter, Node } from 'yaml';
import type { PathSegment, Problem } from '../core/problems.js';
import { formatPath } from '../core/problems.js';
import { loadYaml } from '../runtime/lazy-package.js';

/** A parsed YAML file that can say where any path inside it sits. */
export interface YamlSource {
  file: string;
  value: unknown;
  locate(path: readonly PathSegment[]): { line: number; column: number };
}

export type ParseOutcome = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] };

/** Hard limit against hostile files: content files are small by nature. */
export const MAX_CONTENT_FILE_BYTES = 2 * 1024 * 1024;

export function parseYamlSource(file: string, text: string): ParseOutcome {
  if (Buffer.byteLength(text, 'utf8') > MAX_CONTENT_FILE_BYTES) {
    return { ok: false, problems: [problemAt(file, 1, 1, 'file-too-large', `file is larger than ${MAX_CONTENT_FILE_BYTES} bytes`)] };
  }
  const { LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return problemAt(file, pos.line, pos.col, 'yaml-syntax', firstLine(e.message));
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { ok: false, problems: [problemAt(file, 1, 1, 'yaml-syntax', (err as Error).message)] };
  }
  return {
    ok: true,
    source: { file, value, locate: (path) => locatePath(doc, lineCounter, path) },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

export function problemAt(
  file: string,
  line: number,
  column: number,
  code: string,
  message: string,
  path: readonly PathSegment[] = [],
  severity: Problem['severity'] = 'error',
): Problem {
  return { severity, code, message, file, line, column, path: formatPath(path) };
}

/**
 * Walks the document along `path` as far as it exists and returns the
 * position of the deepest node reached: for a missing key, its parent map.
 */
function locatePath(doc: Document, counter: LineCounter, path: readonly PathSegment[]) {
  const { isMap, isPair, isScalar, isSeq } = loadYaml();
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const seg of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (pair) {
        next = pair.value ?? pair.key;
        if (pair.value == null) offset = rangeStart(pair.key) ?? offset;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    const start = rangeStart(next);
    if (next === undefined || start === undefined) break;
    node = next;
    offset = start;
  }
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}
