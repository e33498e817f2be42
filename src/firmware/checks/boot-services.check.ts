/**
 * fw.boot-services: telnetd, FTP, TFTP or a debug shell started at boot, read
 * from inittab, rc scripts, init.d (SysV and OpenWrt procd), inetd and systemd
 * units. An init.d script nothing links to from an rc folder may be disabled:
 * that is inconclusive, not a failure.
 */
import { posix } from 'node:path';
import type { Finding, FindingVerdict } from '../../core/evidence/finding.types.js';
import type { FirmwareImage } from '../firmware-image.js';
import { imageFiles, readImageText } from '../firmware-image.js';
import { type CheckContext, checkFindings } from './check-context.js';

const SERVICES: { service: string; re: RegExp }[] = [
  { service: 'telnet', re: /(^|[\s/"'])(u?telnetd|in\.telnetd)\b|\btelnetd\b/ },
  { service: 'ftp', re: /(^|[\s/"'])(ftpd|vsftpd|proftpd|pure-ftpd|bftpd|in\.ftpd)\b/ },
  { service: 'tftp', re: /(^|[\s/"'])(tftpd|in\.tftpd|atftpd|utftpd)\b/ },
  { service: 'debug-shell', re: /\b(nc|netcat|ncat)\b.*\s-e\s*\/bin\/(ba)?sh\b|\bgdbserver\b|\badbd\b|\bgetty\b.*\s-n\b.*-l\s*\/bin\/(a|ba)?sh\b/ },
];
/** inittab: `id:runlevels:action:process`; a bare shell as process is a console shell without login. */
const INITTAB_SHELL = /^[^:#]*:[^:]*:(respawn|askfirst|once|wait|sysinit):-?\/bin\/(a|ba|da|z)?sh\b/;

export interface BootHit {
  line: number;
  service: string;
  enabled: boolean | 'unknown';
  text: string;
}

export function bootServicesCheck(ctx: CheckContext): Finding[] {
  const findings = checkFindings('fw.boot-services', ctx.at);
  const rcLinked = rcTargets(ctx.image);
  for (const entry of imageFiles(ctx.image, 'text').filter((e) => isBootFile(e.path))) {
    const text = readImageText(ctx.image, entry.path, 1024 * 1024);
    if (text === null) continue;
    const enabled = enabledState(ctx.image, entry.path, rcLinked);
    const hits = scanBootFile(entry.path, text, enabled);
    if (hits.length === 0) continue;
    const verdict: FindingVerdict = hits.some((h) => h.enabled === true) ? 'fail' : 'inconclusive';
    const services = [...new Set(hits.map((h) => h.service))].join(', ');
    const summary =
      verdict === 'fail'
        ? { ja: `起動時に ${services} が起動されます`, en: `${services} started at boot` }
        : { ja: `${services} を起動するスクリプト（有効かは不明）`, en: `a script that starts ${services} (whether it is enabled is unknown)` };
    findings.add(entry.path, verdict, summary, { hits });
  }
  return findings.orAtRoot('pass', { ja: '危険な起動サービスは見つかりません', en: 'No telnet, FTP, TFTP or debug shell started at boot' }, {});
}

function isBootFile(path: string): boolean {
  return (
    /^\/etc\/(inittab|rc\.local|rcS|inetd\.conf|rc\.d\/rcS?|init\.d\/rcS?)$/.test(path) ||
    /^\/etc\/(init\.d|xinetd\.d|init|rc\.d|rc[0-6S]\.d)\//.test(path) ||
    /^\/(etc|lib|usr\/lib)\/systemd\/system\/.+\.(service|socket)$/.test(path)
  );
}

/** Names of init.d scripts some rc folder (rcN.d, OpenWrt /etc/rc.d) links to, and systemd units wanted by a target. */
function rcTargets(image: FirmwareImage): Set<string> {
  const out = new Set<string>();
  for (const e of image.entries.values()) {
    if (e.type !== 'symlink' || !e.linkTarget) continue;
    if (/^\/etc\/rc(\.d|[0-6S]\.d)\/[SK]?\d*/.test(e.path)) out.add(posix.basename(e.linkTarget));
    if (/^\/etc\/systemd\/system\/[^/]+\.wants\//.test(e.path)) out.add(posix.basename(e.linkTarget));
  }
  return out;
}

function enabledState(image: FirmwareImage, path: string, rcLinked: Set<string>): boolean | 'unknown' {
  const name = posix.basename(path);
  if (path.startsWith('/etc/init.d/') && !/^rcS?$/.test(name)) return rcLinked.has(name) ? true : 'unknown';
  if (/\/systemd\/system\//.test(path))
    return rcLinked.has(name) || (path.startsWith('/etc/systemd/') && !image.entries.get(path)?.linkTarget) ? true : 'unknown';
  return true;
}

export function scanBootFile(path: string, text: string, enabled: boolean | 'unknown'): BootHit[] {
  const hits: BootHit[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line || line.startsWith('#')) continue;
    if (path === '/etc/inittab' && INITTAB_SHELL.test(line)) hits.push({ line: i + 1, service: 'debug-shell', enabled, text: line.slice(0, 200) });
    if (/systemd/.test(path) && !/^Exec(Start|StartPre)=|^ListenStream=/.test(line)) continue;
    for (const { service, re } of SERVICES) {
      if (re.test(line)) {
        hits.push({ line: i + 1, service, enabled, text: line.slice(0, 200) });
        break;
      }
    }
  }
  return hits;
}
