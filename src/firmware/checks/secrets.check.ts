/**
 * fw.hardcoded-secrets: passwords, API keys and tokens written into
 * configuration files and scripts. Values are masked in the evidence; the
 * line number says where to look.
 */
import type { Finding } from '../../core/evidence/finding.types.js';
import type { ManifestEntry } from '../unpack/unpack.types.js';
import { imageFiles, readImageText } from '../firmware-image.js';
import { type CheckContext, checkFindings, mask } from './check-context.js';

const CONFIG_EXT = /\.(conf|cfg|cnf|ini|json|xml|ya?ml|sh|lua|js|php|py|pl|env|properties|txt|rc)$/i;
const SKIP = /^\/etc\/(passwd|shadow|group|gshadow)-?$/;
const MAX = 1024 * 1024;

const ASSIGNMENT =
  /\b(pass(?:word|wd|phrase)?|pwd|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|token|client[_-]?secret|psk|wpa_passphrase|key_passphrase)\b["']?\s*[:=]\s*["']?([^\s"'#;,<>&|)]{4,})/i;
const SHAPES: { kind: string; re: RegExp }[] = [
  { kind: 'aws-access-key', re: /\b(AKIA[0-9A-Z]{16})\b/ },
  { kind: 'github-token', re: /\b(gh[pousr]_[A-Za-z0-9]{36,})\b/ },
  { kind: 'slack-token', re: /\b(xox[abpr]-[A-Za-z0-9-]{10,})\b/ },
  { kind: 'google-api-key', re: /\b(AIza[0-9A-Za-z_-]{35})\b/ },
  { kind: 'stripe-key', re: /\b(sk_live_[0-9A-Za-z]{16,})\b/ },
  { kind: 'url-credentials', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]{3,})@/i },
];
const PLACEHOLDER = /^(\$|%|\{\{|<|\*+$|x+$|null$|none$|true$|false$|yes$|no$|required$|optional$|string$|\.\.\.)/i;

export interface SecretHit {
  line: number;
  kind: string;
  name?: string;
  value: string;
}

export function secretsCheck(ctx: CheckContext): Finding[] {
  const findings = checkFindings('fw.hardcoded-secrets', ctx.at);
  let scanned = 0;
  for (const entry of imageFiles(ctx.image, 'text').filter(isConfigOrScript)) {
    const text = readImageText(ctx.image, entry.path, MAX);
    if (text === null) continue;
    scanned++;
    const hits = scanText(text);
    if (hits.length === 0) continue;
    findings.add(entry.path, 'fail', { ja: `埋め込まれた秘密 ${hits.length} 件`, en: `${hits.length} hard-coded secret(s)` }, { hits: hits.slice(0, 50) });
  }
  return findings.orAtRoot('pass', { ja: '埋め込まれた秘密は見つかりません', en: 'No hard-coded secret found' }, { scanned });
}

function isConfigOrScript(e: ManifestEntry): boolean {
  if (SKIP.test(e.path) || e.size > MAX) return false;
  if (e.path.startsWith('/etc/') || e.path.startsWith('/www/') || e.path.includes('/config/')) return true;
  return CONFIG_EXT.test(e.path) || (e.mode & 0o111) !== 0;
}

/** Every secret-looking value in a text, masked. */
export function scanText(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > 4096 || line.includes('-----BEGIN ')) continue;
    const m = ASSIGNMENT.exec(line);
    const value = m?.[2];
    if (m && value && !PLACEHOLDER.test(value) && !/^\s*(#|\/\/|;)/.test(line)) {
      hits.push({ line: i + 1, kind: 'assignment', name: m[1], value: mask(value) });
      continue;
    }
    for (const { kind, re } of SHAPES) {
      const s = re.exec(line);
      if (s?.[1]) hits.push({ line: i + 1, kind, value: mask(s[1]) });
    }
  }
  return hits;
}
