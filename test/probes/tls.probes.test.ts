/** tls.* on a bad endpoint (node:tls, TLS 1.0, expired 1024-bit SHA-1 self-signed) and the good nginx HTTPS twin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/evidence/finding.types.js';
import type { ProbeRunOutcome } from '../../src/services/ports/probe-runner.js';
import { tempDir } from '../helpers/temp-dir.js';
import { makeCerts } from './twins/certs.js';
import { type NginxTwins, startNginx } from './twins/nginx.twin.js';
import { findingOf, runScope, scopeOf } from './twins/run-probes.js';
import { startBadTls, type TlsTwin } from './twins/tls.twin.js';
import { startWebApp, type WebApp } from './twins/web-app.js';

const dir = tempDir('tebiki-tls-twins-');
let badTls: TlsTwin;
let nginx: NginxTwins;
let app: WebApp;
let bad: ProbeRunOutcome;
let good: ProbeRunOutcome;
const TLS = ['tls.protocol-versions', 'tls.certificate', 'tls.cipher-suites'];
const lab = { limits: { connectionsPerTarget: 2, requestsPerSecond: 100, maxLoginAttempts: 3 } };

beforeAll(async () => {
  const certs = makeCerts(dir.path);
  badTls = await startBadTls(certs.bad);
  app = await startWebApp('good');
  nginx = await startNginx(dir.path, certs, app.port, app.port);
  bad = await runScope(dir.path, scopeOf([{ host: '127.0.0.1', services: [{ port: badTls.port, kind: 'tls' }] }], { ...lab, trustedCa: certs.caFile }), TLS);
  good = await runScope(
    dir.path,
    scopeOf([{ host: '127.0.0.1', services: [{ port: nginx.goodHttps, kind: 'https' }] }], { ...lab, trustedCa: certs.caFile }),
    TLS,
  );
});

afterAll(async () => {
  await nginx?.server.stop();
  await badTls?.close();
  await app?.close();
  dir.remove();
});

/** The evidence of one tls.* finding, once the finding has the verdict expected. */
function evidenceOf(outcome: ProbeRunOutcome, check: string, target: string, verdict: Finding['verdict']): Finding['evidence'] {
  const f = findingOf(outcome, check, target);
  expect(f.verdict).toBe(verdict);
  return f.evidence;
}

describe('tls probes on the bad endpoint', () => {
  const fails = (check: string) => evidenceOf(bad, check, `127.0.0.1:${badTls.port}`, 'fail');
  it('fails tls.protocol-versions: TLS 1.0 and 1.1 are accepted', () => {
    expect(fails('tls.protocol-versions').accepted).toEqual({ TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false });
  });
  it('fails tls.certificate: expired, self-signed, 1024-bit, SHA-1, host name mismatch', () => {
    expect(fails('tls.certificate')).toMatchObject({
      key: { type: 'rsa', bits: 1024 },
      signature: 'sha1WithRSAEncryption',
      trusted: false,
      problems: ['expired', 'self-signed', 'RSA key of 1024 bits', 'weak signature sha1WithRSAEncryption', 'host name mismatch for 127.0.0.1'],
    });
  });
  it('fails tls.cipher-suites: no forward secrecy, CBC only (3DES and RC4 named as not detectable by this client)', () => {
    const evidence = fails('tls.cipher-suites');
    expect(evidence.accepted).toMatchObject({ 'no forward secrecy': true, 'CBC only': true });
    expect(evidence.notDetectable).toEqual(expect.arrayContaining(['3DES', 'RC4', 'export']));
  });
});

describe('tls probes on the good nginx twin (TLS 1.2+, certificate from the scope’s trustedCa)', () => {
  const passes = (check: string) => evidenceOf(good, check, `127.0.0.1:${nginx.goodHttps}`, 'pass');
  it('passes tls.protocol-versions', () => {
    expect(passes('tls.protocol-versions').accepted).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
  });
  it('passes tls.certificate: trusted through trustedCa, 2048-bit, SHA-256, matching 127.0.0.1', () => {
    expect(passes('tls.certificate')).toMatchObject({ key: { bits: 2048 }, signature: 'sha256WithRSAEncryption', trusted: true, problems: [] });
  });
  it('passes tls.cipher-suites', () => {
    expect(passes('tls.cipher-suites').accepted).toMatchObject({ 'no forward secrecy': false, 'CBC only': false });
  });
});
