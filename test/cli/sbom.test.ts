import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osvRecord, osvSet } from '../helpers/osv-fixtures.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { productWithSbom } from './product-with-sbom.js';
import { cyclonedxJson, spdxTagValue } from '../helpers/sbom-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir();
const file = (name: string) => join(dir.path, name);

beforeAll(async () => {
  writeFileSync(file('bom.json'), JSON.stringify(cyclonedxJson('1.6')));
  writeFileSync(file('bom.spdx'), spdxTagValue());
  const withDevice = cyclonedxJson('1.6');
  // A hardware component that carries a purl an OSV record names: kept and listed, never matched.
  (withDevice.components as Record<string, unknown>[]).push({ type: 'device', 'bom-ref': 'dev-lodash', name: 'lodash board', purl: 'pkg:npm/lodash@4.17.19' });
  writeFileSync(file('bom-device.json'), JSON.stringify(withDevice));
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
  it('--format text prints the same findings as text; hardware components are listed and not matched', async () => {
    const text = await runCli(['sbom', file('bom-device.json'), '--vulns', file('osv'), '--format', 'text']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('CycloneDX 1.6 (json): 5 components, 2 hardware (not matched)');
    expect(text.stdout).toContain('known vulnerabilities: 2');
    expect(text.stdout).toContain('GHSA-35jh-r3h4-6jhm');
    const json = JSON.parse((await runCli(['sbom', file('bom-device.json'), '--vulns', file('osv'), '--format', 'json'])).stdout);
    expect(json.sbom.components).toBe(5);
    expect(json.matches.map((m: { purl: string }) => m.purl)).toEqual(['pkg:npm/lodash@4.17.20', 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12']);
  });
  it('a match in the JSON carries no more and no fewer fields than documented', async () => {
    const out = JSON.parse((await runCli(['sbom', file('bom.json'), '--vulns', file('osv'), '--format', 'json'])).stdout);
    expect(Object.keys(out).sort()).toEqual(['matches', 'quality', 'sbom']);
    expect(Object.keys(out.sbom).sort()).toEqual(['components', 'format', 'specVersion']);
    for (const m of out.matches) expect(Object.keys(m).sort()).toEqual(['aliases', 'fixed', 'id', 'purl', 'severity']);
    expect(Object.keys(out.quality[0])).toEqual(['missing']);
    for (const q of out.quality.slice(1)) expect(Object.keys(q)).toEqual(['component', 'missing']);
  });
  it('exits 2 when the file cannot be read, naming the place', async () => {
    const broken = await runCli(['sbom', file('broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json: line 1, column \d+: the JSON ends too early/);
    expect((await runCli(['sbom', file('missing.json')])).code).toBe(2);
    expect((await runCli(['sbom', file('bom.json'), '--vulns', file('nowhere')])).code).toBe(2);
  });
});

describe('bin/tebiki import osv / import kev', () => {
  it('imports a folder, reports changes on re-import, marks KEV records, refuses a bad catalog', () => {
    const env = { TEBIKI_DATA_DIR: join(dir.path, 'db'), DATABASE_URL: '' };
    const first = runBin(['import', 'osv', file('all.zip'), '--format', 'json'], env);
    expect(first.code, first.stderr).toBe(0);
    // The stored SBOMs are matched again by the shared sbom.rematch job, recorded in the jobs table like the server's.
    expect(JSON.parse(first.stdout)).toMatchObject({
      read: 3,
      added: 3,
      updated: 0,
      unchanged: 0,
      rematch: { state: 'completed', versions: 0, newMatches: 0 },
    });
    expect(first.stderr).toContain('job sbom.rematch');
    const again = runBin(['import', 'osv', file('osv')], env);
    expect(again.stdout).toContain('3 records read: 0 added, 0 updated, 3 unchanged');
    const catalog = {
      catalogVersion: '2026.01.20',
      vulnerabilities: [{ cveID: 'CVE-2023-5678', vendorProject: 'OpenSSL', product: 'OpenSSL', vulnerabilityName: 'x', dateAdded: '2026-01-19' }],
    };
    writeFileSync(file('kev.json'), JSON.stringify(catalog));
    const kev = runBin(['import', 'kev', file('kev.json')], env);
    expect(kev.stdout).toContain('1 OSV records marked');
    expect(kev.stdout).toMatch(/job [0-9a-f-]{36}: SBOMs of 0 product versions matched again: 0 new matches, 0 CRA cases proposed/);
    writeFileSync(file('kev-bad.json'), JSON.stringify({ vulnerabilities: [] }));
    const bad = runBin(['import', 'kev', file('kev-bad.json')], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('catalogVersion');
  }, 180_000);
});

describe('bin/tebiki export vex', () => {
  it('writes OpenVEX and CycloneDX VEX for a product version; an unknown version is refused', async () => {
    const env = { TEBIKI_DATA_DIR: join(dir.path, 'db'), DATABASE_URL: '' };
    await productWithSbom(join(dir.path, 'db'), 'cli', file('bom.json'));
    for (const format of ['openvex', 'cyclonedx']) {
      const r = runBin(['export', 'vex', '--product', 'prod-cli', '--version', '1.0', '--format', format, '--out', file(`vex-${format}.json`)], env);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(JSON.parse(readFileSync(file('vex-openvex.json'), 'utf8')).statements.map((s: { status: string }) => s.status)).toEqual([
      'under_investigation',
      'under_investigation',
    ]);
    expect(JSON.parse(readFileSync(file('vex-cyclonedx.json'), 'utf8')).specVersion).toBe('1.6');
    const missing = runBin(['export', 'vex', '--product', 'prod-cli', '--version', '9.9', '--format', 'openvex', '--out', file('x.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no version 9.9');
  }, 180_000);
});

describe('bin/tebiki import osv matches the stored SBOMs again', () => {
  it('a new record that names a stored component is found by the sbom.rematch job and reported; a changed record is listed', () => {
    const env = { TEBIKI_DATA_DIR: join(dir.path, 'db'), DATABASE_URL: '' };
    mkdirSync(file('osv-later'));
    writeFileSync(file('osv-later/inner.json'), JSON.stringify(osvRecord('GHSA-inner', 'npm', 'inner-part', [{ introduced: '0' }, { fixed: '1.0.1' }])));
    const r = runBin(['import', 'osv', file('osv-later'), '--format', 'json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('job sbom.rematch');
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 1, added: 1, rematch: { state: 'completed', versions: 1, newMatches: 1 } });
    const again = runBin(['import', 'osv', file('osv-later')], env);
    expect(again.stdout).toContain('1 records read: 0 added, 0 updated, 1 unchanged');
    expect(again.stdout).toContain('nothing changed: the stored SBOMs were not matched again');
    writeFileSync(
      file('osv-later/inner.json'),
      JSON.stringify(osvRecord('GHSA-inner', 'npm', 'inner-part', [{ introduced: '0' }, { fixed: '1.0.2' }], { modified: '2026-01-22T00:00:00Z' })),
    );
    const changed = runBin(['import', 'osv', file('osv-later')], env);
    expect(changed.stdout).toContain('1 records read: 0 added, 1 updated, 0 unchanged');
    expect(changed.stdout).toContain('  updated GHSA-inner (modified 2026-01-22T00:00:00Z)');
    expect(changed.stdout).toMatch(/SBOMs of 1 product versions matched again: 0 new matches/);
  }, 180_000);
});
