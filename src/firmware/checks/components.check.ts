/**
 * fw.components: the installed packages (opkg, dpkg and apk databases) and the
 * version strings of well-known components found in binaries (BusyBox,
 * OpenSSL, dropbear, lighttpd, the Linux kernel …). sbom.ts turns the list
 * into a CycloneDX 1.6 SBOM.
 */
import type { Finding } from '../../core/evidence/finding.types.js';
import { imageFiles, readImageFile, readImageText } from '../firmware-image.js';
import { type CheckContext, finding } from './check-context.js';

export interface FirmwareComponent {
  name: string;
  version: string;
  source: 'opkg' | 'dpkg' | 'apk' | 'binary';
  /** Where it was found: the package database or the binary holding the version string. */
  path: string;
  arch?: string;
  /** CPE 2.3 vendor:product for well-known components, to match vulnerability feeds. */
  cpe?: string;
}

const PACKAGE_DBS: { path: string; source: 'opkg' | 'dpkg' | 'apk' }[] = [
  { path: '/usr/lib/opkg/status', source: 'opkg' },
  { path: '/var/lib/opkg/status', source: 'opkg' },
  { path: '/var/lib/dpkg/status', source: 'dpkg' },
  { path: '/lib/apk/db/installed', source: 'apk' },
];

/** Anchor text, the version pattern after it, the component name and its CPE vendor:product (part). */
const KNOWN: { anchor: string; re: RegExp; name: string; cpe: string }[] = [
  { anchor: 'BusyBox v', re: /BusyBox v(\d+\.\d+(?:\.\d+)?)/, name: 'busybox', cpe: 'a:busybox:busybox' },
  { anchor: 'OpenSSL ', re: /OpenSSL (\d+\.\d+\.\d+[a-z]?)\s+\d{1,2} [A-Z][a-z]{2} \d{4}/, name: 'openssl', cpe: 'a:openssl:openssl' },
  { anchor: 'dropbear_', re: /dropbear_(\d{4}\.\d+)/, name: 'dropbear', cpe: 'a:dropbear_ssh_project:dropbear_ssh' },
  { anchor: 'lighttpd/', re: /lighttpd\/(\d+\.\d+\.\d+)/, name: 'lighttpd', cpe: 'a:lighttpd:lighttpd' },
  { anchor: 'Linux version ', re: /Linux version (\d+\.\d+(?:\.\d+)?)[^ ]* \(/, name: 'linux', cpe: 'o:linux:linux_kernel' },
  { anchor: 'OpenSSH_', re: /OpenSSH_(\d+\.\d+(?:p\d+)?)/, name: 'openssh', cpe: 'a:openbsd:openssh' },
  { anchor: 'dnsmasq-', re: /dnsmasq-(\d+\.\d+)/, name: 'dnsmasq', cpe: 'a:thekelleys:dnsmasq' },
  { anchor: 'libcurl/', re: /libcurl\/(\d+\.\d+\.\d+)/, name: 'curl', cpe: 'a:haxx:libcurl' },
  { anchor: 'GNU C Library', re: /GNU C Library [^\n]*?version (\d+\.\d+)/, name: 'glibc', cpe: 'a:gnu:glibc' },
  { anchor: 'uClibc', re: /uClibc(?:-ng)? (\d+\.\d+\.\d+)/, name: 'uclibc', cpe: 'a:uclibc:uclibc' },
];

export function componentsCheck(ctx: CheckContext): { findings: Finding[]; components: FirmwareComponent[] } {
  const components: FirmwareComponent[] = [];
  for (const db of PACKAGE_DBS) {
    const text = readImageText(ctx.image, db.path, 64 * 1024 * 1024);
    if (text !== null) components.push(...(db.source === 'apk' ? parseApk(text, db.path) : parseControl(text, db.path, db.source)));
  }
  components.push(...versionStrings(ctx));
  const unique = dedupe(components);
  const packages = unique.filter((c) => c.source !== 'binary').length;
  const evidence = { packages, versionStrings: unique.length - packages, components: unique.map((c) => `${c.name}@${c.version} (${c.source})`).slice(0, 500) };
  const found = unique.length > 0;
  const summary = found
    ? { ja: `構成要素 ${unique.length} 個（パッケージ ${packages}）`, en: `${unique.length} components (${packages} from package databases)` }
    : { ja: '構成要素を特定できません', en: 'No component could be identified' };
  return { findings: [finding('fw.components', '/', found ? 'pass' : 'inconclusive', summary, evidence, ctx.at)], components: unique };
}

/** dpkg and opkg status files: paragraphs of `Field: value`. */
export function parseControl(text: string, path: string, source: 'opkg' | 'dpkg'): FirmwareComponent[] {
  const out: FirmwareComponent[] = [];
  for (const para of text.split(/\r?\n\r?\n/)) {
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.+)$`, 'mi').exec(para)?.[1]?.trim();
    const name = field('Package');
    const version = field('Version');
    const status = field('Status');
    if (!name || !version) continue;
    if (status && !/\binstalled\b/.test(status)) continue;
    const arch = field('Architecture');
    out.push({ name, version, source, path, ...(arch ? { arch } : {}) });
  }
  return out;
}

/** apk's installed database: `P:` name, `V:` version, `A:` arch, blank line between packages. */
export function parseApk(text: string, path: string): FirmwareComponent[] {
  const out: FirmwareComponent[] = [];
  for (const para of text.split(/\r?\n\r?\n/)) {
    const field = (k: string) => new RegExp(`^${k}:(.+)$`, 'm').exec(para)?.[1]?.trim();
    const name = field('P');
    const version = field('V');
    const arch = field('A');
    if (name && version) out.push({ name, version, source: 'apk', path, ...(arch ? { arch } : {}) });
  }
  return out;
}

function versionStrings(ctx: CheckContext): FirmwareComponent[] {
  const out: FirmwareComponent[] = [];
  const candidates = imageFiles(ctx.image).filter((e) => e.kind === 'elf' || (e.kind === 'blob' && /vmlinu|kernel|\.carved/.test(e.path)));
  for (const entry of candidates) {
    const bytes = readImageFile(ctx.image, entry.path, 256 * 1024 * 1024);
    if (!bytes) continue;
    for (const known of KNOWN) {
      const version = versionAt(bytes, known.anchor, known.re);
      if (version) out.push({ name: known.name, version, source: 'binary', path: entry.path, cpe: known.cpe });
    }
  }
  for (const e of ctx.image.entries.values()) {
    const m = /^\/lib\/modules\/(\d+\.\d+(?:\.\d+)?)[^/]*$/.exec(e.path);
    if (m?.[1] && e.type === 'dir') out.push({ name: 'linux', version: m[1], source: 'binary', path: e.path, cpe: 'o:linux:linux_kernel' });
  }
  return out;
}

/** The first occurrence of `anchor` (of at most 200 tried) that `re` reads a version from. */
function versionAt(bytes: Buffer, anchor: string, re: RegExp): string | null {
  let at = bytes.indexOf(anchor);
  for (let tries = 0; at >= 0 && tries < 200; tries++) {
    const m = re.exec(bytes.toString('latin1', Math.max(0, at - 16), at + 200));
    if (m?.[1]) return m[1];
    at = bytes.indexOf(anchor, at + anchor.length);
  }
  return null;
}

/** One component per name and version; a package database entry wins over a version string. */
function dedupe(list: FirmwareComponent[]): FirmwareComponent[] {
  const byKey = new Map<string, FirmwareComponent>();
  const packaged = new Set(list.filter((c) => c.source !== 'binary').map((c) => c.name));
  for (const c of list) {
    if (c.source === 'binary' && packaged.has(c.name)) continue;
    const key = `${c.source === 'binary' ? 'bin' : c.source}:${c.name}@${c.version}`;
    if (!byKey.has(key)) byKey.set(key, c);
  }
  return [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
}
