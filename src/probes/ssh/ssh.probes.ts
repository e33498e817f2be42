/** SSH probes: weak algorithms from the KEXINIT, and whether password authentication is offered. */
import { spawn } from 'node:child_process';
import { definitionOf } from '../probe-definition.js';
import { type Probe, type ProbeContext, result } from '../probe.types.js';
import { readKexInit } from './kexinit.js';

/** Algorithms ssh-audit marks as failing (broken or too weak), by category. */
const WEAK: Record<'kex' | 'hostKey' | 'ciphers' | 'macs', RegExp> = {
  kex: /^(diffie-hellman-group1-sha1|diffie-hellman-group14-sha1|diffie-hellman-group-exchange-sha1|rsa1024-sha1|gss-.*-sha1-.*)$/,
  hostKey: /^(ssh-dss|ssh-rsa|ssh-rsa-cert-v01@openssh\.com|ssh-dss-cert-v01@openssh\.com|x509v3-ssh-dss|x509v3-ssh-rsa)$/,
  ciphers: /(-cbc$|^arcfour|^rijndael-cbc|^none$|^des$)/,
  macs: /^(hmac-md5.*|hmac-sha1.*|umac-64.*|hmac-ripemd160.*|none)$/,
};

export const sshAlgorithmsProbe: Probe = {
  definition: definitionOf('ssh.algorithms'),
  kinds: ['ssh'],
  evidenceFields: { banner: 'the server identification line', offered: 'the KEXINIT name-lists', weak: 'the weak ones per category' },
  async run(ctx) {
    let kexinit: Awaited<ReturnType<typeof readKexInit>>;
    try {
      kexinit = await readKexInit(ctx);
    } catch (err) {
      return result('error', 'KEXINIT を読めない', 'Could not read the KEXINIT', { error: (err as Error).message });
    }
    const { banner, compression: _c, ...offered } = kexinit;
    const weak = Object.fromEntries(Object.entries(WEAK).map(([k, re]) => [k, offered[k as keyof typeof WEAK].filter((a) => re.test(a))]));
    const count = Object.values(weak).flat().length;
    const evidence = { banner, offered, weak };
    if (count > 0)
      return result(
        'fail',
        `弱いアルゴリズムを提示する: ${Object.values(weak).flat().join(', ')}`,
        `Offers weak algorithms: ${Object.values(weak).flat().join(', ')}`,
        evidence,
      );
    return result('pass', '弱いアルゴリズムは提示しない', 'Offers no weak algorithm', evidence);
  },
};

export const sshPasswordAuthProbe: Probe = {
  definition: definitionOf('ssh.password-auth'),
  kinds: ['ssh'],
  evidenceFields: { user: 'the user name asked for (no login is attempted)', methods: 'the authentication methods the server offers' },
  async run(ctx) {
    const user = ctx.resolved.target.ssh?.user ?? 'tebiki-probe';
    let methods: string[] | undefined;
    let detail: string;
    try {
      ({ methods, detail } = await authMethods(ctx, user));
    } catch (err) {
      return result('error', 'ssh クライアントを実行できない', 'Could not run the ssh client', { error: (err as Error).message });
    }
    if (!methods) return result('inconclusive', '認証方式の一覧を得られない', 'Could not learn the authentication methods', { user, detail });
    const evidence = { user, methods };
    if (methods.some((m) => m === 'password' || m === 'keyboard-interactive')) {
      return result('fail', 'パスワード認証を提示する', 'Offers password authentication', evidence);
    }
    return result('pass', 'パスワード認証を提示しない', 'Does not offer password authentication', evidence);
  },
};

/**
 * Asks Debian's OpenSSH client to authenticate with method "none" only: the server
 * answers with the methods that can continue, and no credential is ever sent.
 */
function authMethods(ctx: ProbeContext, user: string): Promise<{ methods?: string[]; detail: string }> {
  const { address } = ctx.resolved;
  const port = ctx.service.port;
  return ctx.limiter.run(address, ctx.signal, () => {
    ctx.guard.assertConnect(address, port);
    const args = [
      ...['-F', '/dev/null', '-T', '-p', String(port), '-l', user],
      ...['-o', 'BatchMode=yes', '-o', 'PreferredAuthentications=none', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null'],
      ...['-o', 'GlobalKnownHostsFile=/dev/null', '-o', `ConnectTimeout=${Math.ceil(ctx.timeoutMs / 1000)}`, '-o', 'ConnectionAttempts=1'],
      ...['-o', 'KexAlgorithms=+diffie-hellman-group1-sha1,diffie-hellman-group14-sha1', '-o', 'HostKeyAlgorithms=+ssh-rsa,ssh-dss'],
      ...['-o', 'Ciphers=+aes128-cbc,aes256-cbc,3des-cbc', '-o', 'MACs=+hmac-sha1,hmac-md5'],
      address,
      'true',
    ];
    return new Promise((resolve, reject) => {
      const child = spawn('ssh', args, { stdio: ['ignore', 'ignore', 'pipe'], signal: ctx.signal, timeout: ctx.timeoutMs * 2 });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr = (stderr + c.toString('utf8')).slice(-4000);
      });
      child.on('error', reject);
      child.on('close', () => {
        const m = /Permission denied \(([^)]*)\)/.exec(stderr);
        resolve({ methods: m?.[1]?.split(',').map((s) => s.trim()), detail: stderr.trim().split('\n').slice(-2).join(' ') });
      });
    });
  });
}
