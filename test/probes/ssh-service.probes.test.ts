/** ssh.*, service.inventory and service.cleartext on OpenSSH twins and a telnet listener; `auto` detection. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeRunOutcome } from '../../src/services/ports/probe-runner.js';
import { tempDir } from '../helpers/temp-dir.js';
import { findingOf, onLoopback, runScope, scopeOf, TWIN_LAB } from './twins/run-probes.js';
import { type SshdTwin, startSshd } from './twins/sshd.twin.js';
import { startTelnet, type TelnetTwin } from './twins/telnet.twin.js';

const dir = tempDir('tebiki-ssh-twins-');
let badSsh: SshdTwin;
let goodSsh: SshdTwin;
let telnet: TelnetTwin;
let bad: ProbeRunOutcome;
let good: ProbeRunOutcome;

beforeAll(async () => {
  badSsh = await startSshd(dir.path, 'bad');
  goodSsh = await startSshd(dir.path, 'good');
  telnet = await startTelnet();
  const services = [
    { port: badSsh.port, kind: 'ssh' },
    { port: telnet.port, kind: 'auto' },
  ];
  bad = await runScope(dir.path, scopeOf([onLoopback(services)], TWIN_LAB));
  good = await runScope(dir.path, scopeOf([onLoopback([{ port: goodSsh.port, kind: 'auto' }])], TWIN_LAB));
});

afterAll(async () => {
  await badSsh?.server.stop();
  await goodSsh?.server.stop();
  await telnet?.close();
  dir.remove();
});

describe('the bad device: weak sshd with passwords, and telnet', () => {
  it('fails ssh.algorithms, naming the weak algorithms from the KEXINIT', () => {
    const f = findingOf(bad, 'ssh.algorithms', `127.0.0.1:${badSsh.port}`);
    expect(f.verdict).toBe('fail');
    expect(f.evidence.weak).toEqual({
      kex: ['diffie-hellman-group1-sha1', 'diffie-hellman-group14-sha1'],
      hostKey: ['ssh-rsa'],
      ciphers: ['aes128-cbc', '3des-cbc'],
      macs: ['hmac-md5', 'hmac-sha1'],
    });
    expect(String(f.evidence.banner)).toMatch(/^SSH-2\.0-OpenSSH/);
  });
  it('fails ssh.password-auth: password is offered (no login attempted)', () => {
    expect(findingOf(bad, 'ssh.password-auth', `127.0.0.1:${badSsh.port}`)).toMatchObject({
      verdict: 'fail',
      evidence: { methods: expect.arrayContaining(['password']) },
    });
  });
  it('detects telnet on an auto port: service.cleartext fails, service.inventory shows the negotiation', () => {
    const t = `127.0.0.1:${telnet.port}`;
    expect(findingOf(bad, 'service.cleartext', t)).toMatchObject({ verdict: 'fail', evidence: { kind: 'telnet', protocol: 'telnet' } });
    expect(findingOf(bad, 'service.inventory', t)).toMatchObject({
      verdict: 'pass',
      evidence: { declared: 'auto', detected: 'telnet', banner: expect.stringMatching(/^telnet negotiation ff/) },
    });
  });
});

describe('the good device: modern sshd, keys only, detected from auto', () => {
  const t = () => `127.0.0.1:${goodSsh.port}`;
  it('passes ssh.algorithms and ssh.password-auth', () => {
    expect(findingOf(good, 'ssh.algorithms', t()).verdict).toBe('pass');
    expect(findingOf(good, 'ssh.password-auth', t())).toMatchObject({ verdict: 'pass', evidence: { methods: ['publickey'] } });
  });
  it('passes service.cleartext and inventories the SSH banner', () => {
    expect(findingOf(good, 'service.cleartext', t()).verdict).toBe('pass');
    expect(findingOf(good, 'service.inventory', t())).toMatchObject({
      verdict: 'pass',
      evidence: { detected: 'ssh', banner: expect.stringMatching(/^SSH-2\.0-/) },
    });
  });
});
