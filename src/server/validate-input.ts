import { z } from 'zod';
import { AppError } from '../core/errors.js';

/** Validates input at the edge; failures name every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: i.code === 'invalid_type' && /received undefined/.test(i.message) ? 'is required' : i.message,
  }));
  throw new AppError('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/** JSON Schema of a zod input, for the OpenAPI document. */
export function docSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
