import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseElf } from '../../src/firmware/elf/elf-parser.js';
import { hardeningOf } from '../../src/firmware/elf/elf-hardening.js';
import { checksec, checksecInstalled } from '../helpers/firmware-fixtures.js';

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
        nx: cs.nx === 'yes',
        pie: cs.pie === 'yes' || cs.pie === 'dso',
        relro: cs.relro === 'no' ? 'none' : cs.relro,
        canary: cs.canary === 'yes',
        fortify: cs.fortify_source === 'yes',
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
