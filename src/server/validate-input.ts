import { z } from 'zod';
import { validationErrors } from '../core/errors.js';
import { fieldErrorsOf } from '../core/zod-field-errors.js';

/** Validates input at the edge; failures name every bad field, each with its stable code. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.output<S> {
  const input = value ?? {};
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationErrors(fieldErrorsOf(result.error.issues, input, [where]));
}

/**
 * A route's zod input as its OpenAPI documentation will show it. Converted to
 * JSON Schema only when the document is first asked for (documentedSchema),
 * not while routes are registered at start-up; Fastify itself validates
 * nothing with it (every route parses its input with zod).
 */
export class DocSchema {
  constructor(readonly input: z.ZodType) {}

  toJsonSchema(): Record<string, unknown> {
    const json = z.toJSONSchema(this.input, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
    delete json.$schema;
    return json;
  }
}

/** The documentation of a zod input (body, querystring, params or headers of a route's schema). */
export function docSchema(schema: z.ZodType): DocSchema {
  return new DocSchema(schema);
}

/** A route's schema with its DocSchema parts converted: @fastify/swagger's transform, run when the document is built. */
export function documentedSchema<S extends object>(schema: S): S {
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, value instanceof DocSchema ? value.toJsonSchema() : value])) as S;
}

/**
 * Where the first NUL character (U+0000) sits in parsed input, e.g.
 * `body.items.3.note`; null when there is none. PostgreSQL cannot store NUL
 * in text, and no field of ours means one, so it is refused at the edge for
 * every route alike. Walks objects and arrays (not a Buffer or a stream),
 * without recursion, so a deeply nested body cannot overflow the stack.
 */
export function nulCharacterPath(value: unknown, where: string): string | null {
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [unknown, string];
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return path;
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}.${i}`]);
    } else if (node !== null && typeof node === 'object' && isPlain(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\u0000')}`;
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/** Parsed data, not bytes or a stream (raw uploads keep theirs; their services check them). */
function isPlain(value: object): boolean {
  return !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer) && typeof (value as { pipe?: unknown }).pipe !== 'function';
}
