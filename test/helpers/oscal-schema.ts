import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { SHARED_DIR } from './shared-reference.js';

/** NIST's published OSCAL 1.2.1 JSON Schemas from ../shared, compiled with ajv. */
export function oscalValidator(model: 'catalog' | 'mapping' | 'assessment-results') {
  const schema = JSON.parse(readFileSync(join(SHARED_DIR, 'data', 'oscal-schemas-1.2.1', `oscal_${model}_schema.json`), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS with a default export: reach it the same way under tsx and tsc.
  const addFormats = (formats as unknown as { default: typeof formats }).default ?? formats;
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile(schema);
  return (doc: unknown) => {
    const ok = validate(doc);
    return { ok, errors: (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`) };
  };
}
