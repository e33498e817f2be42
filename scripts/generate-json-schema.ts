// npm run schema: writes JSON Schemas of the content files for editors' completion.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentJsonSchemas } from '../src/content/json-schema.js';
import { defaultContentDir } from '../src/content/content-dir.js';

const dir = join(defaultContentDir(), 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(contentJsonSchemas())) {
  writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote content/schema/${name}.schema.json`);
}
