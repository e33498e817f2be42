import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osvSet } from '../helpers/osv-fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { cyclonedxJson, spdxTagValue } from '../helpers/sbom-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir();
const file = (name: string) => join(dir.path, name);

beforeAll(async () => {
  writeFileSync(file('bom.json'), JSON.stringify(cyclonedxJson('1.6')));
  writeFileSync(file('bom.spdx'), spdxTagValue());
  writeFileSync(file('broken.json'), '{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [');
  mkdirSync(file('osv/npm'), { recursive: true });
  for (const [i, r] of osvSet().entries()) writeFileSync(file(`osv/npm/${i}.json`), JSON.stringify(r));
  const zip = new JSZip();
  for (const r of osvSet()) zip.file(`${r.id}.json`, JSON.stringify(r));
  writeFileSync(file('all.zip'), await zip.generateAsync({ type: 'nodebuffer' }));
});
afterAll(() => dir.remove());

describe('bin/tebiki sbom (no database)', () => {
  it('prints the documented JSON and exits 1 when a match is found', async () => {
    const r = await runCli(['sbom', file('bom.json'), '--vulns', file('osv'), '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.sbom).toEqual({ format: 'CycloneDX', specVersion: '1.6', components: 4 });
    expect(out.quality[0]).toEqual({ missing: [] });
    expect(out.quality.slice(1).map((q: { component: string }) => q.component)).toEqual([
      'pkg:npm/inner-part@1.0.0',
      'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12',
    ]);
    expect(out.matches).toEqual([
      {
        purl: 'pkg:npm/lodash@4.17.20',
        id: 'GHSA-35jh-r3h4-6jhm',
        aliases: ['CVE-2021-23337'],
        severity: { level: 'high', score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', type: 'CVSS_V3' },
        fixed: '4.17.21',
      },
      {
        purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12',
        id: 'DSA-0000-1',
        aliases: ['CVE-2023-5678'],
        severity: { level: 'unknown', score: null, vector: null, type: null },
        fixed: '3.0.11-1~deb12u2',
      },
    ]);
  });
  it('reads OSV all.zip archives the same way', async () => {
    const r = await runCli(['sbom', file('bom.json'), '--vulns', file('all.zip'), '--format', 'json']);
    expect(JSON.parse(r.stdout).matches.map((m: { id: string }) => m.id)).toEqual(['GHSA-35jh-r3h4-6jhm', 'DSA-0000-1']);
  });
  it('exits 0 without matches, and prints text by default', async () => {
    const r = await runCli(['sbom', file('bom.spdx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SPDX 2.3 (tag-value): 2 components');
    expect(r.stdout).toContain('known vulnerabilities: 0');
  });
  it('exits 2 when the file cannot be read, naming the place', async () => {
    const broken = await runCli(['sbom', file('broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json: line 1, column \d+: the JSON ends too early/);
    expect((await runCli(['sbom', file('missing.json')])).code).toBe(2);
    expect((await runCli(['sbom', file('bom.json'), '--vulns', file('nowhere')])).code).toBe(2);
  });
});
