import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseFirmware, type FirmwareAnalysis } from '../../src/firmware/analyse-firmware.js';
import { parseDefaults } from '../../src/firmware/checks/check-context.js';
import { buildRootfs, compilersForTests, type Packing, pack, squashfsToolsInstalled } from '../helpers/firmware-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('tebiki-fw-');
const compilers = compilersForTests();
const packings: Packing[] = squashfsToolsInstalled() ? ['tar.gz', 'cpio', 'squashfs'] : ['tar.gz', 'cpio'];
const images: Record<string, string> = {};

beforeAll(() => {
  for (const twin of ['bad', 'good'] as const) {
    const root = join(dir.path, `${twin}-root`);
    mkdirSync(root);
    buildRootfs(root, dir.path, twin === 'bad', compilers);
    for (const p of packings) images[`${twin}.${p}`] = pack(root, join(dir.path, `${twin}.${p}`), p);
  }
});
afterAll(() => dir.remove());

function byCheck(a: FirmwareAnalysis, check: string) {
  return a.findings.filter((f) => f.check === check);
}

describe.each(packings)('a firmware image packed as %s', (packing) => {
  it('the bad image fails every check it was built to fail, with masked evidence', async () => {
    const a = await analyseFirmware(images[`bad.${packing}`] as string, { workParent: dir.path });
    const accounts = byCheck(a, 'fw.accounts')[0];
    expect(accounts).toMatchObject({ verdict: 'fail', target: '/etc/shadow' });
    const problems = ((accounts?.evidence.issues ?? []) as { account: string; problem: string }[]).map((i) => `${i.account}:${i.problem}`);
    expect(problems).toEqual(expect.arrayContaining(['root:weak-hash', 'root:common-password', 'guest:empty-password']));
    expect(JSON.stringify(a.findings)).not.toMatch(/\$1\$fixture1/);

    const keys = byCheck(a, 'fw.private-keys').find((f) => f.target === '/etc/ssl/private/device.key');
    expect(keys?.verdict).toBe('fail');
    expect(JSON.stringify(keys?.evidence)).toMatch(/"fingerprint":"SHA256:[A-Za-z0-9+/]{43}"/);
    expect(JSON.stringify(a.findings)).not.toContain('PRIVATE KEY-----');

    const secrets = byCheck(a, 'fw.hardcoded-secrets').find((f) => f.target === '/etc/config/app.conf');
    expect(secrets?.verdict).toBe('fail');
    expect(JSON.stringify(a.findings)).not.toContain('Zx81kQ0pLmN4vB7t');

    expect(byCheck(a, 'fw.boot-services')).toEqual([expect.objectContaining({ target: '/etc/inittab', verdict: 'fail' })]);
    const perms = byCheck(a, 'fw.permissions');
    expect(perms).toEqual([expect.objectContaining({ target: '/etc/init.d/rcS', verdict: 'fail' })]);
    expect(perms[0]?.evidence).toMatchObject({ mode: '0777', problems: ['world-writable'] });

    expect(a.binaries.map((b) => b.arch).sort()).toEqual(compilers.map((c) => c.arch).sort());
    for (const f of byCheck(a, 'fw.elf-hardening')) expect(f.verdict).toBe('fail');
    for (const b of a.binaries) expect(b).toMatchObject({ nx: false, pie: false, relro: 'none', canary: false });
  });

  it('the good twin passes every check', async () => {
    const a = await analyseFirmware(images[`good.${packing}`] as string, { workParent: dir.path });
    const notPassing = a.findings.filter((f) => f.verdict !== 'pass').map((f) => `${f.check} ${f.target} ${f.verdict} ${f.summary.en}`);
    expect(notPassing).toEqual([]);
    expect(byCheck(a, 'fw.elf-hardening')).toHaveLength(compilers.length);
    for (const b of a.binaries) expect(b).toMatchObject({ nx: true, pie: true, relro: 'full', canary: true, fortify: true });
  });
});

describe('what an analysis records', () => {
  it('a manifest with type, mode, owner, size and SHA-256; the work folder is gone afterwards', async () => {
    const work = join(dir.path, 'work-parent');
    mkdirSync(work);
    const a = await analyseFirmware(images['bad.tar.gz'] as string, { workParent: work });
    const shadow = a.manifest.find((e) => e.path === '/etc/shadow');
    expect(shadow).toMatchObject({ type: 'file', mode: 0o600, uid: 0, gid: 0, kind: 'text' });
    expect(shadow?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.manifest.find((e) => e.path === '/bin/sh')).toMatchObject({ type: 'symlink', linkTarget: '../usr/bin/app-x86-64' });
    expect(a.manifest.find((e) => e.path === '/tmp')).toMatchObject({ type: 'dir', mode: 0o1777 });
    expect(a.image).toMatchObject({ format: 'gzip+tar' });
    expect(a.image.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(work)).toEqual([]);
  });

  it('the declared defaults are tried against the shadow hashes', async () => {
    const a = await analyseFirmware(images['bad.cpio'] as string, { workParent: dir.path, defaults: parseDefaults('# vendor defaults\nroot:admin\n') });
    const issues = byCheck(a, 'fw.accounts')[0]?.evidence.issues as { account: string; problem: string; detail?: string }[];
    expect(issues).toContainEqual({ account: 'root', problem: 'default-password', detail: '•••• (5 chars)' });
  });

  it('the SBOM is CycloneDX 1.6 with the opkg packages as purls and the image hash', async () => {
    const a = await analyseFirmware(images['good.tar.gz'] as string, { workParent: dir.path });
    const sbom = JSON.parse(a.sbom) as {
      bomFormat: string;
      specVersion: string;
      metadata: { component: { type: string; hashes: { content: string }[] } };
      components: { name: string; version: string; purl: string }[];
    };
    expect(sbom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(sbom.metadata.component.type).toBe('firmware');
    expect(sbom.metadata.component.hashes[0]?.content).toBe(a.image.sha256);
    expect(sbom.components.map((c) => c.purl)).toEqual(
      expect.arrayContaining(['pkg:generic/busybox@1.36.1-1?arch=mips_24kc', 'pkg:generic/dropbear@2022.83-1?arch=mips_24kc']),
    );
  });
});
