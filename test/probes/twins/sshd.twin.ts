/**
 * Debian's OpenSSH sshd in the foreground (-D -e -f), with its own host keys and
 * config: the bad twin offers SHA-1 key exchange, CBC ciphers, SHA-1/MD5 MACs, the
 * ssh-rsa host key type and passwords; the good twin only modern algorithms and keys.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type RunningServer, startProcess } from './processes.js';

export interface SshdTwin {
  port: number;
  server: RunningServer;
}

const SETTINGS = {
  bad: [
    'KexAlgorithms diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,curve25519-sha256',
    'Ciphers aes128-cbc,3des-cbc,aes128-ctr',
    'MACs hmac-md5,hmac-sha1,hmac-sha2-256',
    'HostKeyAlgorithms ssh-rsa,rsa-sha2-256',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
  ],
  good: [
    'KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org,sntrup761x25519-sha512@openssh.com',
    'Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr',
    'MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com',
    'HostKeyAlgorithms ssh-ed25519',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
  ],
};

export async function startSshd(dir: string, mode: 'bad' | 'good', host = '127.0.0.1'): Promise<SshdTwin> {
  const port = await freePort(host);
  const keys = join(dir, `sshd-${mode}`);
  mkdirSync(keys, { recursive: true });
  // sshd refuses to start without its privilege separation directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const keyType = mode === 'bad' ? ['-t', 'rsa', '-b', '2048'] : ['-t', 'ed25519'];
  execFileSync('ssh-keygen', ['-q', ...keyType, '-N', '', '-f', join(keys, 'host_key')]);
  const config = join(keys, 'sshd_config');
  writeFileSync(
    config,
    [
      `ListenAddress ${host}:${port}`,
      `HostKey ${join(keys, 'host_key')}`,
      `PidFile ${join(keys, 'sshd.pid')}`,
      'PermitRootLogin no',
      'UsePAM no',
      'PubkeyAuthentication yes',
      'AuthorizedKeysFile none',
      'MaxStartups 50',
      ...SETTINGS[mode],
      '',
    ].join('\n'),
  );
  const server = await startProcess('/usr/sbin/sshd', ['-D', '-e', '-f', config], [{ host, port }]);
  return { port, server };
}
