/**
 * Firmware fixtures built in test setup from parts made here: a root
 * filesystem with deliberate problems (or its good twin), ELF binaries
 * compiled with and without hardening (gcc, and the Debian cross compilers
 * for aarch64 and big-endian MIPS when installed), packed as tar.gz, cpio and
 * SquashFS with the Debian tools. Nothing is downloaded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const HARDENED = ['-O2', '-fstack-protector-strong', '-D_FORTIFY_SOURCE=2', '-fPIE', '-pie', '-Wl,-z,relro,-z,now', '-Wl,-z,noexecstack'];
export const UNHARDENED = ['-O0', '-fno-stack-protector', '-U_FORTIFY_SOURCE', '-fno-pie', '-no-pie', '-Wl,-z,norelro', '-z', 'execstack'];

/** A program with a stack buffer and fortifiable calls, so canary and FORTIFY show when enabled. */
const PROGRAM = `#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
  char buf[64];
  ssize_t n = read(0, buf, sizeof buf - 1);
  if (n < 0) n = 0;
  buf[n] = 0;
  char out[128];
  snprintf(out, sizeof out, "%s|%s", buf, argc > 1 ? argv[1] : "");
  memcpy(buf, out, strlen(out) % 32);
  puts("BusyBox v1.36.1 (2024-01-01 00:00:00 UTC) multi-call binary.");
  puts(buf);
  return 0;
}
`;

export interface Compiler {
  arch: string;
  cc: string;
}

/** gcc for the host plus the cross compilers that are installed (.ci/run installs them). */
export function availableCompilers(): Compiler[] {
  const all: Compiler[] = [
    { arch: 'x86-64', cc: 'gcc' },
    { arch: 'aarch64', cc: 'aarch64-linux-gnu-gcc' },
    { arch: 'mips', cc: 'mips-linux-gnu-gcc' },
  ];
  return all.filter((c) => spawnSync(c.cc, ['--version']).status === 0);
}

export function compile(cc: string, flags: string[], out: string, work: string): void {
  const source = join(work, 'program.c');
  if (!existsSync(source)) writeFileSync(source, PROGRAM);
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(cc, [...flags, '-o', out, source], { stdio: 'pipe' });
}

function write(root: string, path: string, text: string, mode = 0o644): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, mode);
}

function openssl(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * A root filesystem. `bad`: shadow with an empty and an MD5-crypt ('admin') password,
 * a PEM private key, telnetd in inittab, a world-writable init script, an API key in
 * a config file, unhardened binaries. The good twin has none of these.
 */
export function buildRootfs(root: string, work: string, bad: boolean, compilers: Compiler[]): void {
  const md5 = openssl(['passwd', '-1', '-salt', 'fixture1', 'admin']);
  const sha = openssl(['passwd', '-6', '-salt', 'fixturesalt', 'k7#Vq9!zLr2@wXe8']);
  write(root, 'etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/var:/sbin/nologin\nguest:x:1000:1000:guest:/home/guest:/bin/sh\n');
  write(
    root,
    'etc/shadow',
    bad
      ? `root:${md5}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nguest::19000:0:99999:7:::\n`
      : `root:${sha}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nguest:!:19000:0:99999:7:::\n`,
    0o600,
  );
  write(
    root,
    'etc/inittab',
    bad
      ? '::sysinit:/etc/init.d/rcS\n::respawn:/usr/sbin/telnetd -F -l /bin/login\n'
      : '::sysinit:/etc/init.d/rcS\nttyS0::respawn:/sbin/getty -L ttyS0 115200 vt100\n',
  );
  write(root, 'etc/init.d/rcS', '#!/bin/sh\nmount -a\n/usr/sbin/dropbear -R\n', bad ? 0o777 : 0o755);
  write(
    root,
    'etc/config/app.conf',
    bad ? 'server = cloud.example.invalid\napi_key = "Zx81kQ0pLmN4vB7t"\n' : 'server = cloud.example.invalid\napi_key = $' + '{APP_API_KEY}\n',
  );
  write(
    root,
    'usr/lib/opkg/status',
    'Package: busybox\nVersion: 1.36.1-1\nStatus: install user installed\nArchitecture: mips_24kc\n\nPackage: dropbear\nVersion: 2022.83-1\nStatus: install user installed\nArchitecture: mips_24kc\n\n',
  );
  const cert = certificate(work);
  write(root, 'etc/ssl/certs/device-ca.pem', cert);
  if (bad) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    write(root, 'etc/ssl/private/device.key', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  }
  for (const c of compilers) compile(c.cc, bad ? UNHARDENED : HARDENED, join(root, 'usr/bin', `app-${c.arch}`), work);
  mkdirSync(join(root, 'tmp'), { recursive: true });
  chmodSync(join(root, 'tmp'), 0o1777);
  mkdirSync(join(root, 'bin'), { recursive: true });
  symlinkSync('../usr/bin/app-x86-64', join(root, 'bin/sh'));
}

let certCache: string | null = null;
function certificate(work: string): string {
  if (certCache) return certCache;
  const key = join(work, 'ca.key');
  certCache = openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-subj', '/CN=fixture CA', '-days', '3650']);
  return `${certCache}\n`;
}

export type Packing = 'tar.gz' | 'cpio' | 'squashfs';

/** A twin's root folder built in `work` with gcc's x86-64 binaries, packed as `work`/`twin`.tar.gz; returns the archive's path. */
export function gccTwinImage(work: string, twin: 'bad' | 'good'): string {
  const root = join(work, twin);
  mkdirSync(root);
  buildRootfs(root, work, twin === 'bad', [{ arch: 'x86-64', cc: 'gcc' }]);
  return pack(root, join(work, `${twin}.tar.gz`), 'tar.gz');
}

/** Packs a root folder with the Debian tools, every entry owned by root as on a real image. */
export function pack(root: string, out: string, packing: Packing): string {
  if (packing === 'tar.gz') execFileSync('tar', ['czf', out, '--owner=0', '--group=0', '-C', root, '.']);
  else if (packing === 'cpio') execFileSync('sh', ['-c', `cd "${root}" && find . | cpio -o -H newc -R 0:0 --quiet > "${out}"`]);
  else execFileSync('mksquashfs', [root, out, '-noappend', '-quiet', '-no-progress', '-all-root']);
  return out;
}

export function squashfsToolsInstalled(): boolean {
  return spawnSync('mksquashfs', ['-version']).status === 0;
}

/** The compilers for the tests; under CI a missing cross compiler fails the run, elsewhere a notice. */
export function compilersForTests(): Compiler[] {
  const found = availableCompilers();
  const missing = ['aarch64', 'mips'].filter((arch) => !found.some((c) => c.arch === arch));
  if (missing.length > 0) {
    const message = `cross compilers for ${missing.join(', ')} missing (apt-get install gcc-aarch64-linux-gnu gcc-mips-linux-gnu; .ci/run does)`;
    if (process.env.CI === 'true') throw new Error(`${message}: required under CI`);
    console.warn(`[test] NOTICE: ${message}; those architectures are skipped`);
  }
  return found;
}

export function checksecInstalled(): boolean {
  const ok = spawnSync('checksec', ['--version']).status === 0;
  if (!ok) {
    if (process.env.CI === 'true') throw new Error('checksec is required under CI (apt-get install checksec)');
    console.warn('[test] NOTICE: checksec not installed; the agreement test is skipped');
  }
  return ok;
}

export interface ChecksecResult {
  relro: string;
  canary: string;
  nx: string;
  pie: string;
  rpath: string;
  runpath: string;
  symbols: string;
  fortify_source: string;
}

/** Debian's `checksec --file=X --output=json` for one file. */
export function checksec(file: string): ChecksecResult {
  const out = execFileSync('checksec', [`--file=${file}`, '--output=json'], { encoding: 'utf8' });
  const parsed = JSON.parse(out) as Record<string, ChecksecResult>;
  const result = Object.values(parsed)[0];
  if (!result) throw new Error(`checksec said nothing about ${file}`);
  return result;
}
