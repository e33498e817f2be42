import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { SHARED_DIR } from './shared-reference.js';

/** NIST's published OSCAL 1.2.1 JSON Schemas from ../shared, compiled with ajv. */
export function oscalValidator(model: 'catalog' | 'mapping' | 'assessment-results') {
  const schema = JSON.parse(readFileSync(join(SHARED_DIR, 'data', 'oscal-schemas-1.2.1', `oscal_${model}_schema.json`), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (doc: unknown) => {
    const ok = validate(doc);
    return { ok, errors: (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`) };
  };
}
