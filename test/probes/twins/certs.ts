/** Certificates made in test setup with Debian's openssl: a lab CA, a good leaf it signs, and a bad self-signed one. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCerts {
  /** The lab CA's certificate file (the scope's trustedCa). */
  caFile: string;
  caPem: string;
  /** RSA 2048, SHA-256, signed by the CA, valid now, for 127.0.0.1 and localhost. */
  good: KeyPair & { keyFile: string; certFile: string };
  /** RSA 1024, SHA-1, self-signed, expired in 2021. */
  bad: KeyPair & { keyFile: string; certFile: string };
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
const read = (dir: string, f: string) => execFileSync('cat', [join(dir, f)]).toString('utf8');

export function makeCerts(dir: string, ips: string[] = ['127.0.0.1']): TestCerts {
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-sha256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-subj',
    '/CN=tebiki test lab CA',
  ]);
  const san = ['DNS:localhost', ...ips.map((ip) => `IP:${ip}`)].join(',');
  writeFileSync(
    join(dir, 'leaf.ext'),
    `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'good.key', '-out', 'good.csr', '-subj', '/CN=good-device']);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'good.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-sha256',
    '-days',
    '30',
    '-extfile',
    'leaf.ext',
    '-out',
    'good.pem',
  ]);
  writeFileSync(
    join(dir, 'ca.cnf'),
    '[ca]\ndefault_ca=d\n[d]\ndir=.\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\npolicy=p\ndefault_md=sha1\nunique_subject=no\n[p]\ncommonName=supplied\n',
  );
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '01\n');
  openssl(dir, ['req', '-newkey', 'rsa:1024', '-nodes', '-keyout', 'bad.key', '-out', 'bad.csr', '-subj', '/CN=bad-device']);
  openssl(dir, [
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-selfsign',
    '-keyfile',
    'bad.key',
    '-in',
    'bad.csr',
    '-out',
    'bad.pem',
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20210101000000Z',
    '-notext',
  ]);
  return {
    caFile: join(dir, 'ca.pem'),
    caPem: read(dir, 'ca.pem'),
    good: { key: read(dir, 'good.key'), cert: read(dir, 'good.pem'), keyFile: join(dir, 'good.key'), certFile: join(dir, 'good.pem') },
    bad: { key: read(dir, 'bad.key'), cert: read(dir, 'bad.pem'), keyFile: join(dir, 'bad.key'), certFile: join(dir, 'bad.pem') },
  };
}
