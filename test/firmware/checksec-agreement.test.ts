import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { analyseFirmware } from '../../src/firmware/analyse-firmware.js';
import { parseElf } from '../../src/firmware/elf/elf-parser.js';
import { hardeningOf } from '../../src/firmware/elf/elf-hardening.js';
import { type ChecksecResult, checksec, checksecInstalled } from '../helpers/firmware-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * fw.elf-hardening agrees with Debian's checksec on every ELF file of a real
 * Debian package set (the files dpkg installed from the busybox, openssl,
 * libssl3 and OpenSSH .deb packages; .ci/run installs them).
 */
const PACKAGES = ['busybox', 'openssl', 'libssl3', 'openssh-server', 'openssh-client', 'dropbear-bin'];

function installed(pkg: string): boolean {
  return spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;
}

function elfFilesOf(pkg: string): string[] {
  const list = execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8' }).split('\n');
  return list.filter((f) => {
    if (!f || !existsSync(f) || !lstatSync(f).isFile()) return false;
    const fd = openSync(f, 'r');
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    closeSync(fd);
    return head.toString('latin1') === '\x7fELF';
  });
}

/** checksec's answer in tebiki's terms: NX, PIE (executable or shared object), RELRO, stack canary, FORTIFY_SOURCE. */
function hardeningFrom(cs: ChecksecResult) {
  return {
    nx: cs.nx === 'yes',
    pie: cs.pie === 'yes' || cs.pie === 'dso',
    relro: cs.relro === 'no' ? 'none' : cs.relro,
    canary: cs.canary === 'yes',
    fortify: cs.fortify_source === 'yes',
  };
}

const enabled = checksecInstalled();
const packages = PACKAGES.filter(installed);
if (process.env.CI === 'true') expect(packages).toEqual(expect.arrayContaining(['busybox', 'openssl', 'openssh-server']));

describe.skipIf(!enabled || packages.length === 0)('fw.elf-hardening agrees with checksec', () => {
  it(`on every ELF file of ${packages.join(', ')}`, () => {
    const files = packages.flatMap(elfFilesOf);
    expect(files.length).toBeGreaterThan(5);
    const disagreements: string[] = [];
    for (const file of files) {
      const ours = hardeningOf(parseElf(readFileSync(file)));
      const cs = checksec(file);
      const theirs = {
        ...hardeningFrom(cs),
        rpath: cs.rpath === 'yes',
        runpath: cs.runpath === 'yes',
        stripped: cs.symbols === 'no',
      };
      const mine = {
        nx: ours.nx,
        pie: ours.pie,
        relro: ours.relro,
        canary: ours.canary,
        fortify: ours.fortify,
        rpath: ours.rpath !== null,
        runpath: ours.runpath !== null,
        stripped: ours.stripped,
      };
      for (const key of Object.keys(theirs) as (keyof typeof theirs)[]) {
        if (theirs[key] !== mine[key]) disagreements.push(`${file}: ${key} checksec=${theirs[key]} tebiki=${mine[key]}`);
      }
      if ((cs.pie === 'yes') !== (ours.kind === 'pie-executable')) disagreements.push(`${file}: PIE executable vs DSO`);
    }
    console.log(`[checksec agreement] ${files.length} ELF files × 9 properties, ${disagreements.length} disagreements`);
    expect(disagreements).toEqual([]);
  });
});

/**
 * The same agreement on an image made of Debian .deb files (busybox, dropbear-bin,
 * openssl; .ci/run downloads them into .tmp/debs): unpacked with dpkg-deb, packed
 * as a tar, analysed like any firmware image; its binary table against checksec.
 */
const DEBS = process.env.TEBIKI_FW_DEBS ?? join(projectRoot(), '.tmp', 'debs');
const debs = existsSync(DEBS) ? readdirSync(DEBS).filter((f) => f.endsWith('.deb')) : [];
if (debs.length === 0) {
  if (process.env.CI === 'true') throw new Error(`${DEBS} holds no .deb files (.ci/run downloads them)`);
  console.warn(`[test] NOTICE: no .deb files in ${DEBS}; the image-of-Debian-packages agreement is skipped`);
}

describe.skipIf(!enabled || debs.length === 0)('an image of Debian packages agrees with checksec', () => {
  const dir = tempDir('tebiki-debs-');
  afterAll(() => dir.remove());

  it(`on every binary of ${debs.join(', ')}`, async () => {
    const root = join(dir.path, 'rootfs');
    mkdirSync(root);
    for (const deb of debs) execFileSync('dpkg-deb', ['-x', join(DEBS, deb), root]);
    const image = join(dir.path, 'debian-packages.tar');
    execFileSync('tar', ['cf', image, '-C', root, '.']);
    const a = await analyseFirmware(image, { workParent: dir.path });
    expect(a.binaries.length).toBeGreaterThanOrEqual(debs.length);
    const disagreements: string[] = [];
    for (const b of a.binaries) {
      const cs = checksec(join(root, b.path));
      const theirs = hardeningFrom(cs);
      const mine = { nx: b.nx, pie: b.pie, relro: b.relro, canary: b.canary, fortify: b.fortify };
      if (JSON.stringify(theirs) !== JSON.stringify(mine)) disagreements.push(`${b.path}: checksec ${JSON.stringify(theirs)} tebiki ${JSON.stringify(mine)}`);
    }
    console.log(`[checksec agreement] image of ${debs.length} .deb files: ${a.binaries.length} binaries, ${disagreements.length} disagreements`);
    expect(disagreements).toEqual([]);
    const names = a.components.map((c) => c.name);
    if (debs.some((d) => d.startsWith('busybox_'))) expect(names).toContain('busybox');
    if (debs.some((d) => d.startsWith('dropbear-bin_'))) expect(names).toContain('dropbear');
  });
});
