import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseFirmware } from '../../src/firmware/analyse-firmware.js';
import { UnpackError } from '../../src/firmware/unpack/unpack.types.js';
import { squashfsToolsInstalled } from '../helpers/firmware-fixtures.js';
import { cpio, tar } from '../helpers/tar-builder.js';
import { tempDir } from '../helpers/temp-dir.js';
import { listing } from '../helpers/file-listing.js';

const dir = tempDir('tebiki-hostile-');
afterAll(() => dir.remove());

let n = 0;
/** Analyses `bytes` inside a fresh sandbox and returns the refusal; checks nothing was written outside the work folder. */
async function refusal(bytes: Buffer, budget?: { maxBytes?: number; maxEntries?: number }): Promise<UnpackError> {
  const sandbox = join(dir.path, `case-${++n}`);
  const work = join(sandbox, 'inside', 'work');
  mkdirSync(work, { recursive: true });
  const image = join(sandbox, 'image.bin');
  writeFileSync(image, bytes);
  const before = listing(sandbox);
  const error = await analyseFirmware(image, { workParent: work, ...(budget ? { budget } : {}) }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(UnpackError);
  expect(listing(sandbox)).toEqual(before);
  expect(readdirSync(work)).toEqual([]);
  return error as UnpackError;
}

describe('hostile images are refused with a clear error, nothing written outside the work folder', () => {
  it.each([
    {
      archive: 'a tar',
      pack: tar,
      entries: [
        { name: 'etc/ok', body: 'x' },
        { name: '../../../escaped', body: 'pwned' },
      ],
    },
    {
      archive: 'a cpio (initramfs) archive',
      pack: cpio,
      entries: [
        { name: 'init', body: '#!/bin/sh\n' },
        { name: 'lib/../../../../escaped', body: 'x' },
      ],
    },
  ])('path traversal with ../ in $archive', async ({ pack, entries }) => {
    const e = await refusal(pack(entries));
    expect(e.code).toBe('path-traversal');
    expect(e.message).toContain(`"${entries[1]?.name}" climbs out of the image`);
  });

  it('a symlink to /etc on the host, then a file written through it', async () => {
    const marker = `tebiki-hostile-${process.pid}`;
    const e = await refusal(
      tar([
        { name: 'hostetc', type: 'symlink', link: '/etc' },
        { name: `hostetc/${marker}`, body: 'pwned' },
      ]),
    );
    expect(e.code).toBe('symlink-escape');
    expect(e.message).toMatch(/passes through symlink \/hostetc/);
    expect(existsSync(`/etc/${marker}`)).toBe(false);
  });

  it('a symlink whose relative target climbs out of the image', async () => {
    const e = await refusal(tar([{ name: 'usr/x', type: 'symlink', link: '../../../../../../etc' }]));
    expect(e.code).toBe('symlink-escape');
    expect(e.message).toMatch(/symlink \/usr\/x -> \.\.\/\.\.\/.*points outside the image/);
  });

  it('a tar bomb: 64 MiB of zeros in 64 KiB of gzip, against a 16 MiB budget', async () => {
    const bomb = gzipSync(tar([{ name: 'zeros', body: Buffer.alloc(64 * 1024 * 1024) }]));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const e = await refusal(bomb, { maxBytes: 16 * 1024 * 1024 });
    expect(e.code).toBe('budget-exceeded');
    expect(e.message).toMatch(/more than 16777216 bytes unpacked .*bomb/);
  });

  it('an entry-count bomb', async () => {
    const entries = Array.from({ length: 2000 }, (_, i) => ({ name: `f/${i}`, body: '' }));
    const e = await refusal(tar(entries), { maxEntries: 500 });
    expect(e.code).toBe('budget-exceeded');
  });

  it('a truncated tar, a truncated tar.gz and a truncated cpio', async () => {
    const whole = tar([{ name: 'etc/passwd', body: 'root:x:0:0::/root:/bin/sh\n'.repeat(100) }]);
    expect((await refusal(whole.subarray(0, 1200))).code).toBe('truncated');
    const gz = gzipSync(whole);
    expect((await refusal(gz.subarray(0, Math.floor(gz.length / 2)))).code).toBe('truncated');
    const c = cpio([{ name: 'init', body: 'x'.repeat(1000) }]);
    const e = await refusal(c.subarray(0, 600));
    expect(e.code).toBe('truncated');
    expect(e.message).toMatch(/ends after \d+ bytes/);
  });

  it('a lying header (a size beyond the end of the archive)', async () => {
    expect((await refusal(tar([{ name: 'a', body: 'abc', size: 1_000_000 }]))).code).toBe('truncated');
  });

  it('JFFS2 and UBI are recognised and said to be unsupported, not guessed', async () => {
    const jffs2 = Buffer.alloc(4096);
    jffs2.writeUInt16LE(0x1985, 0);
    jffs2.writeUInt16LE(0xe001, 2);
    const e = await refusal(jffs2);
    expect(e.code).toBe('unsupported-format');
    expect(e.message).toMatch(/JFFS2 filesystem at offset 0; no Debian tool unpacks it/);
    const ubi = Buffer.concat([Buffer.from('UBI#'), Buffer.alloc(4092)]);
    expect((await refusal(ubi)).message).toMatch(/UBI volume/);
  });

  it('bytes that are no known format', async () => {
    const e = await refusal(Buffer.from('just some text, not an image\n'.repeat(10)));
    expect(e.code).toBe('unknown-format');
  });

  it('device files are recorded, never created', async () => {
    const image = join(dir.path, 'dev.tar');
    writeFileSync(
      image,
      tar([
        { name: 'dev/console', type: 'char' },
        { name: 'etc/passwd', body: 'root:x:0:0::/root:/sbin/nologin\n' },
      ]),
    );
    const a = await analyseFirmware(image, { workParent: dir.path });
    expect(a.manifest.find((e) => e.path === '/dev/console')).toMatchObject({ type: 'device' });
  });
});

describe('images inside images', () => {
  it('a raw flash image with a SquashFS at an offset', async () => {
    if (!squashfsToolsInstalled()) return;
    const root = join(dir.path, 'raw-root');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\n');
    const fs = join(dir.path, 'raw.sqfs');
    execFileSync('mksquashfs', [root, fs, '-noappend', '-quiet', '-no-progress', '-all-root']);
    const header = Buffer.alloc(0x20000, 0xff);
    header.write('U-Boot fake bootloader', 0);
    const image = join(dir.path, 'flash.bin');
    writeFileSync(image, Buffer.concat([header, readFileSync(fs)]));
    const a = await analyseFirmware(image, { workParent: dir.path });
    expect(a.image.format).toBe('raw(squashfs@0x20000)');
    expect(a.manifest.some((e) => e.path === '/etc/passwd')).toBe(true);
  });

  it('nested archives are opened to the depth limit and no further', async () => {
    let inner = gzipSync(tar([{ name: 'deepest.txt', body: 'bottom' }]));
    for (let level = 4; level >= 1; level--) inner = gzipSync(tar([{ name: `level${level}.tar.gz`, body: inner }]));
    const image = join(dir.path, 'nested.tar.gz');
    writeFileSync(image, inner);
    const a = await analyseFirmware(image, { workParent: dir.path, budget: { maxDepth: 2 } });
    const paths = a.manifest.map((e) => e.path);
    expect(paths).toContain('/level1.tar.gz.extracted/level2.tar.gz.extracted/level3.tar.gz');
    expect(paths.some((p) => p.includes('level3.tar.gz.extracted'))).toBe(false);
  });

  it('a tar.xz (through Debian xz) and a plain gzip file; unknown blobs get their entropy', async () => {
    const root = join(dir.path, 'xz-root');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\n');
    writeFileSync(join(root, 'etc/random.bin'), randomBytes(64 * 1024));
    const image = join(dir.path, 'rootfs.tar.xz');
    execFileSync('tar', ['cJf', image, '-C', root, '.']);
    const a = await analyseFirmware(image, { workParent: dir.path });
    expect(a.image.format).toBe('xz+tar');
    const blob = a.manifest.find((e) => e.path === '/etc/random.bin');
    expect(blob).toMatchObject({ kind: 'blob', size: 64 * 1024 });
    expect(blob?.entropy).toBeGreaterThan(7.9);
    expect(a.manifest.find((e) => e.path === '/etc/passwd')?.entropy).toBeUndefined();
    const gz = join(dir.path, 'kernel.gz');
    writeFileSync(gz, gzipSync(Buffer.from('Linux version 6.1.0-tebiki (gcc 12) #1 SMP\n')));
    const k = await analyseFirmware(gz, { workParent: dir.path });
    expect(k.image.format).toBe('gzip');
    expect(k.manifest.map((e) => e.path)).toContain('/kernel');
  });

  it('an initramfs (cpio.gz) inside a tar is unpacked in place', async () => {
    const initramfs = gzipSync(cpio([{ name: 'etc/inittab', body: '::respawn:/usr/sbin/telnetd -F\n' }]));
    const image = join(dir.path, 'with-initramfs.tar');
    writeFileSync(image, tar([{ name: 'boot/initramfs.cpio.gz', body: initramfs }]));
    const a = await analyseFirmware(image, { workParent: dir.path });
    expect(a.manifest.some((e) => e.path === '/boot/initramfs.cpio.gz.extracted/etc/inittab')).toBe(true);
  });

  it('a folder can be analysed as it is (symlinks recorded, not followed)', async () => {
    const root = join(dir.path, 'folder');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\n');
    symlinkSync('/etc/shadow', join(root, 'etc/shadow'));
    const a = await analyseFirmware(root, { workParent: dir.path });
    expect(a.image.format).toBe('dir');
    expect(a.manifest.find((e) => e.path === '/etc/shadow')).toMatchObject({ type: 'symlink', linkTarget: '/etc/shadow' });
    expect(a.findings.find((f) => f.check === 'fw.accounts')).toMatchObject({ target: '/etc/passwd', verdict: 'pass' });
  });
});
