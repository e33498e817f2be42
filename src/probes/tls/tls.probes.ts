/** TLS probes: protocol versions, the certificate, cipher suites. */
import { getCiphers } from 'node:tls';
import { isIP } from 'node:net';
import { definitionOf } from '../probe-definition.js';
import { type Probe, result } from '../probe.types.js';
import { signatureAlgorithm } from './der.js';
import { acceptedVersions, handshake } from './handshake.js';

const TLS_KINDS = ['https', 'tls', 'mqtts'] as const;

export const protocolVersionsProbe: Probe = {
  definition: definitionOf('tls.protocol-versions'),
  kinds: TLS_KINDS,
  evidenceFields: { accepted: 'each TLS version and whether the server completed a handshake with it', sslv3: 'why SSLv3 is not reported' },
  async run(ctx) {
    const versions = await acceptedVersions(ctx);
    const accepted = Object.fromEntries(Object.entries(versions).map(([v, h]) => [v, h.ok]));
    const evidence = { accepted, sslv3: 'not detectable: this client cannot speak SSLv3' };
    if (!Object.values(accepted).some(Boolean)) {
      const errors = Object.fromEntries(Object.entries(versions).map(([v, h]) => [v, h.error]));
      return result('error', 'どの TLS バージョンでも接続できない', 'No TLS version could connect', { ...evidence, errors });
    }
    const old = ['TLSv1', 'TLSv1.1'].filter((v) => accepted[v]);
    if (old.length > 0) return result('fail', `古い TLS を受け付ける: ${old.join(', ')}`, `Accepts outdated TLS: ${old.join(', ')}`, evidence);
    return result('pass', 'TLS 1.2 以上のみ', 'TLS 1.2 or later only', evidence);
  },
};

export const certificateProbe: Probe = {
  definition: definitionOf('tls.certificate'),
  kinds: TLS_KINDS,
  evidenceFields: {
    subject: 'the certificate subject',
    issuer: 'its issuer',
    validFrom: 'start of validity',
    validTo: 'end of validity',
    key: 'key type and size',
    signature: 'signature algorithm',
    trusted: 'whether it chains to a public root or the scope’s trustedCa',
    problems: 'each problem found',
  },
  async run(ctx) {
    const h = await handshake(ctx);
    if (!h.ok || !h.certificate) return result('error', 'TLS で接続できない', 'No TLS connection', { error: h.error });
    const cert = h.certificate;
    const now = Date.now();
    const key = cert.publicKey.asymmetricKeyDetails;
    const keyType = cert.publicKey.asymmetricKeyType ?? 'unknown';
    const signature = signatureAlgorithm(cert.raw);
    const selfSigned = cert.issuer === cert.subject && safeVerify(cert);
    const host = ctx.resolved.target.host;
    const matches = isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host) !== undefined;
    const problems = [
      ...(Date.parse(cert.validTo) < now ? ['expired'] : []),
      ...(Date.parse(cert.validFrom) > now ? ['not yet valid'] : []),
      ...(selfSigned ? ['self-signed'] : []),
      ...(!selfSigned && !h.authorized ? [`untrusted issuer (${h.authorizationError})`] : []),
      ...(keyType === 'rsa' && (key?.modulusLength ?? 0) < 2048 ? [`RSA key of ${key?.modulusLength} bits`] : []),
      ...(/sha1|md5/i.test(signature) ? [`weak signature ${signature}`] : []),
      ...(!matches ? [`host name mismatch for ${host}`] : []),
    ];
    const evidence = {
      subject: cert.subject.replaceAll('\n', ', '),
      issuer: cert.issuer.replaceAll('\n', ', '),
      validFrom: new Date(cert.validFrom).toISOString(),
      validTo: new Date(cert.validTo).toISOString(),
      key: { type: keyType, bits: key?.modulusLength ?? null, curve: key?.namedCurve ?? null },
      signature,
      trusted: h.authorized === true,
      problems,
    };
    if (problems.length > 0) return result('fail', `証明書の問題: ${problems.join('、')}`, `Certificate problems: ${problems.join(', ')}`, evidence);
    return result('pass', '証明書に問題はない', 'The certificate has no problem', evidence);
  },
};

function safeVerify(cert: NonNullable<Awaited<ReturnType<typeof handshake>>['certificate']>): boolean {
  try {
    return cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

const CLIENT_CIPHERS = new Set(getCiphers());

export const cipherSuitesProbe: Probe = {
  definition: definitionOf('tls.cipher-suites'),
  kinds: TLS_KINDS,
  evidenceFields: {
    negotiated: 'the suite a modern client gets',
    accepted: 'each weak class tried (up to TLS 1.2) and whether it was accepted',
    notDetectable: 'classes this client cannot offer',
  },
  async run(ctx) {
    const versions = await acceptedVersions(ctx);
    const legacy = (['TLSv1', 'TLSv1.1', 'TLSv1.2'] as const).filter((v) => versions[v].ok);
    const negotiated = versions['TLSv1.3'].ok ? versions['TLSv1.3'].cipher : versions['TLSv1.2'].cipher;
    if (legacy.length === 0) {
      if (!versions['TLSv1.3'].ok) return result('error', 'TLS で接続できない', 'No TLS connection');
      return result('pass', 'TLS 1.3 のみ（すべて AEAD・前方秘匿）', 'TLS 1.3 only (all AEAD with forward secrecy)', { negotiated });
    }
    const classes: Record<string, { spec: string; clientHas: RegExp }> = {
      'no forward secrecy': { spec: 'kRSA', clientHas: /^aes/ },
      '3DES': { spec: '3DES', clientHas: /des-cbc3/ },
      'NULL or anonymous': { spec: 'aNULL:eNULL', clientHas: /null|^adh|^aecdh/ },
      RC4: { spec: 'RC4', clientHas: /rc4/ },
      export: { spec: 'EXP', clientHas: /^exp/ },
    };
    const notDetectable = Object.entries(classes)
      .filter(([, c]) => ![...CLIENT_CIPHERS].some((n) => c.clientHas.test(n)))
      .map(([name]) => name);
    const accepted: Record<string, boolean> = {};
    for (const [name, { spec }] of Object.entries(classes)) {
      if (notDetectable.includes(name)) continue;
      accepted[name] = (await handshake(ctx, { min: 'TLSv1', max: 'TLSv1.2', ciphers: spec })).ok;
    }
    const aead = versions['TLSv1.3'].ok || (await handshake(ctx, { min: 'TLSv1.2', max: 'TLSv1.2', ciphers: 'AESGCM:CHACHA20:AESCCM' })).ok;
    accepted['CBC only'] = !aead;
    const weak = Object.entries(accepted)
      .filter(([, ok]) => ok)
      .map(([name]) => name);
    const evidence = { negotiated, accepted, notDetectable };
    if (weak.length > 0) return result('fail', `弱い暗号スイートを受け付ける: ${weak.join('、')}`, `Accepts weak suites: ${weak.join(', ')}`, evidence);
    return result('pass', '弱い暗号スイートは受け付けない', 'No weak suite is accepted', evidence);
  },
};
