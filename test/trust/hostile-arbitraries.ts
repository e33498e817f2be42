/**
 * fast-check arbitraries shared by the hostile-input tests: mutations of a
 * valid document (text or JSON value), so that most runs come near the
 * reader's real paths instead of failing at the first byte.
 */
import fc from 'fast-check';
import { afterEach, expect } from 'vitest';

/** Runs per property: enough to find the usual crashes, few enough for a loaded 2-core machine. */
export const RUNS = Number(process.env.TEBIKI_FUZZ_RUNS ?? 60);

/** Awkward values: wrong types, huge and odd strings, deep nesting, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, 0, -1, 1e308, '', ' ', '\u0000', '\uFEFF', '../../etc/passwd', '<script>', '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 2_000 }).map(deepArray),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', ''), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/**
 * Arrays nested `depth` deep. fast-check prints a failing value by recursing
 * into it, which overflows the stack at this depth and hides the real failure;
 * the outer array describes itself instead (a symbol key: JSON never sees it).
 */
function deepArray(depth: number): unknown {
  const value = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown[];
  Object.defineProperty(value, fc.toStringMethod, { value: () => `[arrays nested ${depth} deep]` });
  return value;
}

type Path = (string | number)[];

/**
 * How deep a mutation reaches: a hostile value put deeper inside a value that
 * is itself nested 2,000 deep would nest past what JSON.stringify can write.
 */
const MUTATION_DEPTH = 32;

/** Every path inside a JSON value (objects and arrays), the root included, down to MUTATION_DEPTH. */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (prefix.length >= MUTATION_DEPTH) return out;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...prefix, i], out);
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

const DELETE = Symbol('delete');

/** A copy of `value` with one to three places replaced by a hostile value, or deleted. */
export function mutatedJson<T>(value: T): fc.Arbitrary<unknown> {
  const paths = pathsOf(value);
  const change = fc.record({
    at: fc.nat({ max: paths.length - 1 }),
    to: fc.oneof({ weight: 4, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(DELETE) }),
  });
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    let copy: unknown = structuredClone(value);
    for (const { at, to } of changes) copy = setAt(copy, paths[at] ?? [], to);
    return copy;
  });
}

function setAt(root: unknown, path: Path, to: unknown): unknown {
  if (path.length === 0) return to === DELETE ? undefined : to;
  let node = root;
  for (const seg of path.slice(0, -1)) {
    // Own keys only: an earlier change may have deleted or replaced an own "__proto__" key,
    // and reading it then would walk into Object.prototype and write there, polluting every
    // object of this process (the server's too, under inject), so a later for…in never ends.
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, seg)) return root;
    node = (node as Record<string | number, unknown>)[seg];
  }
  if (!node || typeof node !== 'object') return root;
  const last = path[path.length - 1] as string | number;
  if (to === DELETE) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete (node as Record<string | number, unknown>)[last];
  } else {
    // defineProperty: "__proto__" becomes an own key, as JSON.parse would make it.
    Object.defineProperty(node, last, { value: to, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/** A text with one to four edits: a cut, an insertion of odd characters, a deletion, a swap of one byte. */
export function mutatedText(text: string, inserts: fc.Arbitrary<string> = fc.string({ unit: 'binary', maxLength: 30 })): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat({ max: text.length }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat({ max: text.length }), what: inserts }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat({ max: text.length }), length: fc.nat({ max: 40 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat({ max: text.length }), length: fc.nat({ max: 400 }) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce((t, e) => {
      const at = Math.min(e.at, t.length);
      switch (e.kind) {
        case 'cut':
          return t.slice(0, at);
        case 'insert':
          return t.slice(0, at) + e.what + t.slice(at);
        case 'delete':
          return t.slice(0, at) + t.slice(at + e.length);
        default:
          return t.slice(0, at + e.length) + t.slice(at, at + e.length) + t.slice(at + e.length);
      }
    }, text),
  );
}

/** Bytes with one to eight bytes overwritten, or cut short. */
export function mutatedBytes(bytes: Buffer): fc.Arbitrary<Buffer> {
  const flip = fc.record({ at: fc.nat({ max: bytes.length - 1 }), to: fc.integer({ min: 0, max: 255 }) });
  return fc
    .record({ flips: fc.array(flip, { minLength: 1, maxLength: 8 }), cut: fc.option(fc.nat({ max: bytes.length }), { freq: 4 }) })
    .map(({ flips, cut }) => {
      const copy = Buffer.from(bytes);
      for (const f of flips) copy[f.at] = f.to;
      return cut === null ? copy : copy.subarray(0, cut);
    });
}

/** Characters XML readers trip on. */
export const xmlNoise = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('<', '>', '&', '&amp;', '&#0;', '&#xD800;', ']]>', '<![CDATA[', '<!--', '-->', '<?x?>', '</a>', '<a b="', '"', "'", '\u0000', 'xmlns:x="y"'),
);

/** YAML's own syntax (indicators, anchors, aliases, merge keys, documents, block scalars), or random text; `extra` adds a file's own pieces. */
export function yamlNoise(...extra: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom(': ', '- ', '\t', '&a ', '*a', '<<: *a', '? ', '---\n', '"', '{', '[', '|', '#', '\n  ', ...extra),
  );
}

/**
 * A YAML alias bomb ("billion laughs"): anchor `a` is a list of nine `leaf`s,
 * each next anchor a list of nine aliases of the one before, ten levels deep.
 */
export function aliasBomb(leaf: string): string {
  const lines = [`a: &a [${Array(9).fill(leaf).join(',')}]`];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  }
  return lines.join('\n');
}

/**
 * Keys every plain object or array inherits and iterates with for…in: none,
 * unless something (a reader, the server, or a mutation here) wrote into
 * Object.prototype or Array.prototype.
 */
export function inheritedKeys(): string[] {
  const keys: string[] = [];
  for (const k in {}) keys.push(k);
  for (const k in []) keys.push(k);
  return keys;
}

/**
 * After each test of the file: no reader, server or mutation wrote into the
 * shared prototypes. What was written is removed before the assertion, so one
 * failure does not spread to the tests after it in the same worker.
 */
export function checkPrototypesAfterEach(): void {
  afterEach(() => {
    const keys = inheritedKeys();
    for (const k of keys) {
      delete (Object.prototype as Record<string, unknown>)[k];
      delete (Array.prototype as unknown as Record<string, unknown>)[k];
    }
    expect(keys, 'keys written into Object.prototype or Array.prototype').toEqual([]);
  });
}
