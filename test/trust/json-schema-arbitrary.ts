/**
 * Near-valid values from a route's JSON Schema (as @fastify/swagger documents
 * it): values that satisfy most of the schema, so that a mutation lands
 * beyond the first check. Only the keywords our zod schemas produce.
 */
import fc from 'fast-check';

type Schema = Record<string, unknown>;

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  email: fc.emailAddress(),
  'date-time': fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  date: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  uri: fc.webUrl(),
  uuid: fc.uuid(),
};

export function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 1 });
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(options) && options.length) return fc.oneof(...options.map((o) => fromSchema(o, depth + 1)));
  const nullable = schema.nullable === true ? (a: fc.Arbitrary<unknown>) => fc.option(a, { nil: null, freq: 5 }) : (a: fc.Arbitrary<unknown>) => a;
  const type = Array.isArray(schema.type) ? (schema.type as string[])[0] : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties)) model[key] = fromSchema(sub, depth + 1);
      return nullable(fc.record(model, { requiredKeys: [...required].filter((k) => k in properties) as never[] }));
    }
    case 'array': {
      const min = (schema.minItems as number | undefined) ?? 0;
      const max = Math.min((schema.maxItems as number | undefined) ?? min + 3, min + 3);
      return nullable(fc.array(fromSchema(schema.items as Schema | undefined, depth + 1), { minLength: min, maxLength: max }));
    }
    case 'string': {
      const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
      if (format) return nullable(format);
      const min = (schema.minLength as number | undefined) ?? 0;
      const max = (schema.maxLength as number | undefined) ?? 40;
      return nullable(
        fc.oneof(
          fc.string({ minLength: min, maxLength: Math.min(max, min + 40) }),
          // at the limit and just past it
          fc.constantFrom('a'.repeat(Math.min(max, 300_000)), 'a'.repeat(Math.min(max + 1, 300_001)), 'あ'.repeat(Math.min(max, 100_000))),
        ),
      );
    }
    case 'integer':
    case 'number': {
      const min = (schema.minimum as number | undefined) ?? -1_000;
      const max = Math.min((schema.maximum as number | undefined) ?? 1_000, Number.MAX_SAFE_INTEGER);
      return nullable(type === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true }));
    }
    case 'boolean':
      return nullable(fc.boolean());
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
