import { z } from 'zod';
import { type FieldErrorCode, validationErrors } from '../core/errors.js';
import { fieldCodeOf } from './problem.js';

/** Validates input at the edge; failures name every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => {
    const required = i.code === 'invalid_type' && /received undefined/.test(i.message);
    return { path: [where, ...i.path.map(String)].join('.'), message: required ? 'is required' : i.message, code: required ? 'required' : codeOfIssue(i) };
  });
  throw validationErrors(errors);
}

/** The stable field-error code of a zod issue; a custom issue's code is read from its message. */
function codeOfIssue(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return 'wrong-type';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'too-short';
      return issue.origin === 'array' || issue.origin === 'set' ? 'too-few' : 'too-small';
    case 'too_big':
      if (issue.origin === 'string') return 'too-long';
      return issue.origin === 'array' || issue.origin === 'set' ? 'too-many' : 'too-large';
    case 'invalid_format':
      return 'bad-format';
    case 'invalid_value':
      return 'not-allowed';
    case 'unrecognized_keys':
      return 'unknown-field';
    case 'custom':
      return fieldCodeOf(issue.message);
    default:
      return 'invalid';
  }
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
