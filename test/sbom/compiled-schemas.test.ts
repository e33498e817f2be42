import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';

// The server runs from dist/, which holds only compiled code: the schemas the SBOM
// reader validates against must be found from there too (SPDX JSON once failed with
// ENOENT on a built server while every test through the sources passed).
const compiled = join(projectRoot(), 'dist/src/sbom/json-schema-validator.js');

describe('SBOM schemas from the built server (after npm run build)', () => {
  it('the SPDX 2.3 and CycloneDX 1.6 validators compile and judge a document', async () => {
    expect(existsSync(compiled), `${compiled} is missing: run npm run build first`).toBe(true);
    const { spdxValidator, cyclonedxValidator } = (await import(compiled)) as typeof import('../../src/sbom/json-schema-validator.js');
    const spdx = spdxValidator();
    expect(spdx({ spdxVersion: 'SPDX-2.3' })).toBe(false);
    expect(spdx.errors?.length).toBeGreaterThan(0);
    const cdx = cyclonedxValidator('1.6');
    expect(cdx({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [] })).toBe(true);
  });
});
