/**
 * JSON Schema validation with ajv for SBOM documents: the CycloneDX JSON
 * schemas 1.2–1.6 as @cyclonedx/cyclonedx-library ships them, and tebiki's
 * SPDX 2.3 schema (src/sbom/schemas, read from the source folder also when
 * running from dist/, which holds only compiled code). Compiled once per schema, on first use.
 * `idn-email` and `iri-reference` are accepted as any string: ajv-formats has
 * no checker for them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { type FieldErrorCode, type FieldErrorParams, reason } from '../core/errors.js';
import type { SbomProblem } from '../core/sbom/sbom.types.js';
import { projectRoot } from '../content/content-dir.js';
import { lazyPackage } from '../runtime/lazy-package.js';
import { placed, type TextPlace } from '../core/text-place.js';

// Loaded with the first SBOM validated, not at start-up. ajv-formats is CommonJS with a default export.
const loadAjv = lazyPackage<typeof import('ajv')>('ajv');
const loadAddFormats = lazyPackage<{ default: (ajv: Ajv) => Ajv }>('ajv-formats');
export const CYCLONEDX_JSON_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6'] as const;

const require = createRequire(import.meta.url);
const cdxSchemaDir = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const compiled = new Map<string, ValidateFunction>();
let ajv: Ajv | null = null;

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function instance(): Ajv {
  if (ajv) return ajv;
  ajv = new (loadAjv().Ajv)({ strict: false, allErrors: true, validateSchema: false });
  loadAddFormats().default(ajv);
  ajv.addFormat('idn-email', true);
  ajv.addFormat('iri-reference', true);
  // The bom schemas refer to their siblings by file name, relative to their own $id.
  for (const file of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
    ajv.addSchema({ ...readJson(join(cdxSchemaDir, file)), $id: `http://cyclonedx.org/schema/${file}` });
  }
  return ajv;
}

function validator(key: string, load: () => Record<string, unknown>): ValidateFunction {
  const existing = compiled.get(key);
  if (existing) return existing;
  const fn = instance().compile(load());
  compiled.set(key, fn);
  return fn;
}

/**
 * ajv checks `uniqueItems` by comparing every pair of items deeply: quadratic,
 * seconds for a few thousand components. The keyword is dropped; the model
 * rules check what matters in linear time (every bom-ref unique).
 */
function withoutUniqueItems(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUniqueItems);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'uniqueItems')
      .map(([k, v]) => [k, withoutUniqueItems(v)]),
  );
}

export function cyclonedxValidator(version: string): ValidateFunction {
  return validator(`cdx-${version}`, () => withoutUniqueItems(readJson(join(cdxSchemaDir, `bom-${version}.SNAPSHOT.schema.json`))) as Record<string, unknown>);
}

export function spdxValidator(): ValidateFunction {
  return validator('spdx-2.3', () => readJson(join(projectRoot(), 'src', 'sbom', 'schemas', 'spdx-2.3.schema.json')));
}

/** ajv errors as problems, the most specific first, at most `limit`; `placeOf` turns a JSON pointer into a place. */
export function schemaProblems(errors: readonly ErrorObject[] | null | undefined, placeOf: (pointer: string) => TextPlace, limit = 20): SbomProblem[] {
  const seen = new Set<string>();
  const out: SbomProblem[] = [];
  for (const e of [...(errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)) {
    const extra = e.keyword === 'additionalProperties' ? ` "${String((e.params as { additionalProperty?: string }).additionalProperty)}"` : '';
    const allowed = e.keyword === 'enum' ? `: ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).slice(0, 8).join(', ')}` : '';
    const message = `${e.message ?? 'invalid'}${extra}${allowed}`;
    const k = `${e.instancePath}\u0000${message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...placed(placeOf(e.instancePath || '/')), message, ...reasonOf(e) });
    if (out.length >= limit) break;
  }
  return out;
}

/** Limits of a number, a text's length or a list's size, by ajv keyword. */
const LIMITS: Record<string, FieldErrorCode> = {
  maxLength: 'too-long',
  minLength: 'too-short',
  maxItems: 'too-many',
  minItems: 'too-few',
  maximum: 'too-large',
  exclusiveMaximum: 'too-large',
  minimum: 'too-small',
  exclusiveMinimum: 'too-small',
};

/** The stable reason of one ajv error, with what the UI needs to say it (the missing field, the allowed values, the limit). */
export function reasonOf(e: ErrorObject): { code: FieldErrorCode; params?: FieldErrorParams } {
  const p = e.params as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  switch (e.keyword) {
    case 'required':
      return reason('required', { field: text(p.missingProperty) });
    case 'additionalProperties':
      return reason('unknown-field', { field: text(p.additionalProperty) });
    case 'type':
      return reason('wrong-type', { expected: Array.isArray(p.type) ? p.type.map(text) : text(p.type) });
    case 'enum':
      // Every allowed value (the English message lists the first 8): the UI's sentence must not hide the one wanted.
      return reason('not-allowed', { allowed: (Array.isArray(p.allowedValues) ? p.allowedValues : []).slice(0, 50).map(text) });
    case 'const':
      return reason('not-allowed', { allowed: [text(p.allowedValue)] });
    case 'format':
      return reason('bad-format', { expected: text(p.format) });
    case 'pattern':
      return reason('bad-format', { expected: text(p.pattern) });
    case 'oneOf':
    case 'anyOf':
      return reason('no-alternative-matches');
  }
  const limit = LIMITS[e.keyword];
  if (limit && typeof p.limit === 'number') return { code: limit, params: { limit: p.limit } };
  return reason('invalid');
}
