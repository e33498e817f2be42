/**
 * fw.private-keys: PEM and OpenSSH private keys (fail: a key shipped in every
 * device is a key shared by all of them) and X.509 certificates (fail when
 * expired or with a key too small). Evidence gives fingerprints, never a key.
 */
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import type { Finding } from '../../core/evidence/finding.types.js';
import { imageFiles, readImageFile } from '../firmware-image.js';
import { type CheckContext, checkFindings } from './check-context.js';

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
const MAX_SCAN = 8 * 1024 * 1024;

export interface KeyItem {
  kind: 'private-key' | 'certificate';
  type: string;
  fingerprint: string;
  bits?: number;
  encrypted?: boolean;
  subject?: string;
  notAfter?: string;
  expired?: boolean;
  problems: string[];
}

export function keysCheck(ctx: CheckContext): Finding[] {
  const findings = checkFindings('fw.private-keys', ctx.at);
  let scanned = 0;
  for (const entry of imageFiles(ctx.image)) {
    if (entry.size > MAX_SCAN || entry.kind === 'archive' || entry.size === 0) continue;
    const bytes = readImageFile(ctx.image, entry.path, MAX_SCAN);
    scanned++;
    if (!bytes || bytes.indexOf('-----BEGIN ') < 0) continue;
    const items = pemItems(bytes.toString('latin1'), ctx.at);
    if (items.length === 0) continue;
    const keys = items.filter((i) => i.kind === 'private-key').length;
    const bad = items.filter((i) => i.problems.length > 0).length;
    const summary =
      keys > 0
        ? { ja: `秘密鍵 ${keys} 個が含まれています`, en: `${keys} private key(s) in the image` }
        : bad > 0
          ? { ja: `問題のある証明書 ${bad} 個`, en: `${bad} certificate(s) expired or with a weak key` }
          : { ja: `証明書 ${items.length} 個（問題なし）`, en: `${items.length} certificate(s), no problem found` };
    findings.add(entry.path, keys > 0 || bad > 0 ? 'fail' : 'pass', summary, { items });
  }
  return findings.orAtRoot('pass', { ja: '秘密鍵・証明書は見つかりません', en: 'No private key or certificate found' }, { scanned });
}

function pemItems(text: string, at: string): KeyItem[] {
  const items: KeyItem[] = [];
  for (const m of text.matchAll(PEM)) {
    const label = m[1] ?? '';
    const block = m[0];
    if (label === 'CERTIFICATE') items.push(certificate(block, at));
    else if (label === 'OPENSSH PRIVATE KEY') items.push(openssh(m[2] ?? ''));
    else if (label.endsWith('PRIVATE KEY')) items.push(pemKey(block, label));
  }
  return items;
}

function spkiFingerprint(der: Buffer): string {
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

function pemKey(block: string, label: string): KeyItem {
  const encrypted = label.startsWith('ENCRYPTED') || block.includes('Proc-Type: 4,ENCRYPTED');
  try {
    if (encrypted) throw new Error('encrypted');
    const key = createPrivateKey(block);
    const details = key.asymmetricKeyDetails;
    const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const bits = details?.modulusLength ?? curveBits(details?.namedCurve);
    return {
      kind: 'private-key',
      type: key.asymmetricKeyType ?? 'unknown',
      fingerprint: spkiFingerprint(der),
      ...(bits ? { bits } : {}),
      encrypted: false,
      problems: ['private-key-in-image'],
    };
  } catch {
    const body = Buffer.from(block.replace(/-----[^-]+-----|^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, ''), 'base64');
    return {
      kind: 'private-key',
      type: label.replace(/ ?PRIVATE KEY$/, '').toLowerCase() || 'pkcs8',
      fingerprint: `block-${spkiFingerprint(body)}`,
      encrypted,
      problems: ['private-key-in-image'],
    };
  }
}

/** openssh-key-v1: the public key blob inside gives the same SHA256 fingerprint ssh-keygen prints. */
function openssh(body: string): KeyItem {
  const raw = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  const magic = 'openssh-key-v1\0';
  let type = 'openssh';
  let fingerprint = `block-${spkiFingerprint(raw)}`;
  let encrypted: boolean | undefined;
  if (raw.toString('latin1', 0, magic.length) === magic) {
    let at = magic.length;
    const str = () => {
      const len = raw.readUInt32BE(at);
      const value = raw.subarray(at + 4, at + 4 + len);
      at += 4 + len;
      return value;
    };
    try {
      encrypted = str().toString() !== 'none';
      str();
      str();
      at += 4;
      const pub = str();
      type = pub.subarray(4, 4 + pub.readUInt32BE(0)).toString();
      fingerprint = spkiFingerprint(pub);
    } catch {
      /* a truncated key keeps the block fingerprint */
    }
  }
  return { kind: 'private-key', type, fingerprint, ...(encrypted === undefined ? {} : { encrypted }), problems: ['private-key-in-image'] };
}

function certificate(block: string, at: string): KeyItem {
  try {
    const cert = new X509Certificate(block);
    const details = cert.publicKey.asymmetricKeyDetails;
    const type = cert.publicKey.asymmetricKeyType ?? 'unknown';
    const bits = details?.modulusLength ?? curveBits(details?.namedCurve);
    const notAfter = new Date(cert.validTo).toISOString();
    const expired = notAfter < at;
    const problems: string[] = [];
    if (expired) problems.push('expired');
    if ((type === 'rsa' || type === 'dsa') && bits !== undefined && bits < 2048) problems.push('weak-key');
    if (type === 'ec' && bits !== undefined && bits < 256) problems.push('weak-key');
    return {
      kind: 'certificate',
      type,
      fingerprint: `SHA256:${cert.fingerprint256.replace(/:/g, '').toLowerCase()}`,
      ...(bits ? { bits } : {}),
      subject: cert.subject.replace(/\n/g, ', '),
      notAfter,
      expired,
      problems,
    };
  } catch {
    return { kind: 'certificate', type: 'unreadable', fingerprint: '', problems: ['unreadable'] };
  }
}

function curveBits(curve: string | undefined): number | undefined {
  if (!curve) return undefined;
  const m = /(\d{3})/.exec(curve);
  return m ? Number(m[1]) : undefined;
}
