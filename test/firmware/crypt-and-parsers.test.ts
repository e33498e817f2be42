import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cryptMatches, hashScheme } from '../../src/firmware/checks/crypt.js';
import { parseApk, parseControl } from '../../src/firmware/checks/components.check.js';
import { scanText } from '../../src/firmware/checks/secrets.check.js';
import { modeBits } from '../../src/firmware/unpack/squashfs.js';

describe('crypt(3) hashes agree with openssl passwd', () => {
  const cases: [string, string, string][] = [
    ['-1', 'admin', 'abcdefgh'],
    ['-1', '', 'xy'],
    ['-5', 'password', 'saltsalt'],
    ['-6', 'root', '0123456789abcdefXYZ'],
    ['-6', 'a-very-long-password-that-is-longer-than-sixty-four-bytes-so-it-wraps-the-digest', 's'],
  ];
  for (const [flag, password, salt] of cases) {
    it(`openssl passwd ${flag} of a ${password.length}-character password`, () => {
      const hash = execFileSync('openssl', ['passwd', flag, '-salt', salt, password], { encoding: 'utf8' }).trim();
      expect(cryptMatches(password, hash)).toBe(true);
      expect(cryptMatches(`${password}x`, hash)).toBe(false);
    });
  }
  it('names the schemes, DES included', () => {
    expect(['', '!', '*', 'abJnggxhB/yWI', '$1$a$b', '$y$j9T$x$y'].map(hashScheme)).toEqual(['none', 'locked', 'locked', 'des', 'md5', 'yescrypt']);
    expect(cryptMatches('x', 'abJnggxhB/yWI')).toBeUndefined();
  });
});

describe('package databases', () => {
  it('dpkg keeps installed packages only; apk reads P/V/A', () => {
    const dpkg = 'Package: a\nStatus: install ok installed\nVersion: 1.0\nArchitecture: arm64\n\nPackage: b\nStatus: deinstall ok config-files\nVersion: 2\n';
    expect(parseControl(dpkg, '/var/lib/dpkg/status', 'dpkg')).toEqual([
      { name: 'a', version: '1.0', source: 'dpkg', path: '/var/lib/dpkg/status', arch: 'arm64' },
    ]);
    expect(parseApk('C:Q1x\nP:musl\nV:1.2.4-r2\nA:aarch64\n\nP:busybox\nV:1.36.1-r5\n', '/lib/apk/db/installed').map((c) => `${c.name}@${c.version}`)).toEqual([
      'musl@1.2.4-r2',
      'busybox@1.36.1-r5',
    ]);
  });
});

describe('secrets in text', () => {
  it('finds assignments and token shapes, masks them, skips placeholders and comments', () => {
    const hits = scanText('password=hunter22\n# password=commented\napi_key: $' + '{KEY}\naws = AKIAABCDEFGHIJKLMNOP\nurl=mqtt://dev:s3cr3t@broker\n');
    expect(hits.map((h) => `${h.line}:${h.kind}`)).toEqual(['1:assignment', '4:aws-access-key', '5:url-credentials']);
    expect(JSON.stringify(hits)).not.toMatch(/hunter22|AKIAABCDEFGHIJKLMNOP|s3cr3t/);
  });
});

describe('SquashFS listing modes', () => {
  it('reads setuid, setgid and sticky bits', () => {
    expect(modeBits('rwsr-xr-x')).toBe(0o4755);
    expect(modeBits('rwxr-sr-x')).toBe(0o2755);
    expect(modeBits('rwxrwxrwt')).toBe(0o1777);
    expect(modeBits('rw-r--r--')).toBe(0o644);
  });
});
