import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gccTwinImage } from '../helpers/firmware-fixtures.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tar } from '../helpers/tar-builder.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('tebiki-fw-cli-');
let bad = '';
let good = '';

beforeAll(() => {
  bad = gccTwinImage(dir.path, 'bad');
  good = gccTwinImage(dir.path, 'good');
});
afterAll(() => dir.remove());

describe('bin/tebiki firmware', () => {
  it('prints the JSON report, writes the SBOM, reports progress on stderr and exits 1 when a check failed', async () => {
    const sbom = join(dir.path, 'out', 'bad.cdx.json');
    const r = await runCli(['firmware', bad, '--format', 'json', '--sbom-out', sbom]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/firmware: check fw\.accounts/);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['run', 'image', 'files', 'findings', 'binaries']);
    expect(Object.keys(report.run)).toEqual(['id', 'startedAt', 'finishedAt']);
    expect(report.image).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), format: 'gzip+tar' });
    expect(report.files).toBeGreaterThan(5);
    const accounts = report.findings.find((f: { check: string }) => f.check === 'fw.accounts');
    expect(Object.keys(accounts)).toEqual(['check', 'path', 'verdict', 'requirements', 'summary', 'evidence']);
    expect(accounts).toMatchObject({ path: '/etc/shadow', verdict: 'fail', summary: { ja: expect.any(String), en: expect.any(String) } });
    expect(accounts.requirements).toContain('design-auth-no-default-passwords');
    expect(report.binaries).toEqual([{ path: '/usr/bin/app-x86-64', arch: 'x86-64', nx: false, pie: false, relro: 'none', canary: false, fortify: false }]);
    expect(JSON.parse(readFileSync(sbom, 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
  });

  it('exits 0 on the good twin, with the text report', async () => {
    const r = await runCli(['firmware', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^gzip\+tar {2}sha256 [0-9a-f]{64}/);
    expect(r.stdout).toMatch(/pass +fw\.elf-hardening +1 binaries hardened/);
    expect(r.stdout).not.toMatch(/^fail/m);
  });

  it('--defaults FILE tries the declared default passwords', async () => {
    const defaults = join(dir.path, 'defaults.txt');
    writeFileSync(defaults, 'root:admin\n');
    const r = await runCli(['firmware', bad, '--defaults', defaults, '--format', 'json']);
    const accounts = JSON.parse(r.stdout).findings.find((f: { check: string }) => f.check === 'fw.accounts');
    expect(accounts.evidence.issues).toContainEqual({ account: 'root', problem: 'default-password', detail: '•••• (5 chars)' });
  });

  it('exits 2 when the image cannot be read, naming why', async () => {
    const hostile = join(dir.path, 'hostile.tar');
    writeFileSync(hostile, tar([{ name: '../../evil', body: 'x' }]));
    const r = await runCli(['firmware', hostile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*hostile\.tar: .*climbs out of the image/);
    const missing = await runCli(['firmware', join(dir.path, 'nope.bin')]);
    expect(missing.code).toBe(2);
    expect((await runCli(['firmware', good, '--format', 'xml'])).code).toBe(2);
  });

  it('runs as the real executable', () => {
    const r = runBin(['firmware', good, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(5);
  });
});
