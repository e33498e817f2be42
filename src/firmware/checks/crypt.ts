/**
 * crypt(3) hashes for checking a short list of candidate passwords against
 * /etc/shadow: MD5-crypt ($1$), SHA-256-crypt ($5$) and SHA-512-crypt ($6$),
 * after the published algorithms (Poul-Henning Kamp's MD5-crypt; Ulrich
 * Drepper's SHA-crypt). Verified against `openssl passwd` in the tests.
 */
import { createHash } from 'node:crypto';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type HashScheme = 'none' | 'locked' | 'des' | 'md5' | 'sha256' | 'sha512' | 'bcrypt' | 'yescrypt' | 'unknown';

/** The scheme of a shadow password field. */
export function hashScheme(field: string): HashScheme {
  if (field === '') return 'none';
  if (field.startsWith('!') || field.startsWith('*') || field === 'x') return 'locked';
  if (field.startsWith('$1$')) return 'md5';
  if (field.startsWith('$5$')) return 'sha256';
  if (field.startsWith('$6$')) return 'sha512';
  if (/^\$2[abxy]?\$/.test(field)) return 'bcrypt';
  if (field.startsWith('$y$')) return 'yescrypt';
  if (/^[./0-9A-Za-z]{13}$/.test(field)) return 'des';
  return 'unknown';
}

/** Whether `password` hashes to `field`; undefined when the scheme cannot be computed here. */
export function cryptMatches(password: string, field: string): boolean | undefined {
  const scheme = hashScheme(field);
  if (scheme === 'md5') return md5Crypt(password, field.split('$')[2] ?? '') === field;
  if (scheme === 'sha256' || scheme === 'sha512') return shaCrypt(password, field, scheme) === field;
  return undefined;
}

/** One digest of the parts in order. */
function digestOf(algorithm: 'md5' | 'sha256' | 'sha512'): (...parts: Buffer[]) => Buffer {
  return (...parts) => {
    const h = createHash(algorithm);
    for (const p of parts) h.update(p);
    return h.digest();
  };
}

/**
 * The rounds MD5-crypt and SHA-crypt share: each round digests the previous
 * result with the password, and the salt and password again on rounds not
 * divisible by 3 and by 7, in an order that alternates with the round.
 */
function stretch(start: Buffer, password: Buffer, salt: Buffer, rounds: number, digest: (...parts: Buffer[]) => Buffer): Buffer {
  let result = start;
  for (let i = 0; i < rounds; i++) {
    const parts: Buffer[] = [i & 1 ? password : result];
    if (i % 3) parts.push(salt);
    if (i % 7) parts.push(password);
    parts.push(i & 1 ? result : password);
    result = digest(...parts);
  }
  return result;
}

function to64(value: number, n: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < n; i++) {
    out += ITOA64[v & 0x3f];
    v >>>= 6;
  }
  return out;
}

export function md5Crypt(password: string, saltIn: string): string {
  const pw = Buffer.from(password);
  const salt = Buffer.from(saltIn.slice(0, 8));
  const md5 = digestOf('md5');
  const alt = md5(pw, salt, pw);
  const ctx = createHash('md5').update(pw).update('$1$').update(salt);
  for (let i = pw.length; i > 0; i -= 16) ctx.update(alt.subarray(0, Math.min(16, i)));
  for (let i = pw.length; i > 0; i >>= 1) ctx.update(i & 1 ? Buffer.from([0]) : pw.subarray(0, 1));
  const final = stretch(ctx.digest(), pw, salt, 1000, md5);
  const b = (i: number) => final[i] as number;
  const encoded =
    to64((b(0) << 16) | (b(6) << 8) | b(12), 4) +
    to64((b(1) << 16) | (b(7) << 8) | b(13), 4) +
    to64((b(2) << 16) | (b(8) << 8) | b(14), 4) +
    to64((b(3) << 16) | (b(9) << 8) | b(15), 4) +
    to64((b(4) << 16) | (b(10) << 8) | b(5), 4) +
    to64(b(11), 2);
  return `$1$${salt.toString()}$${encoded}`;
}

const SHA512_ORDER = [
  [0, 21, 42],
  [22, 43, 1],
  [44, 2, 23],
  [3, 24, 45],
  [25, 46, 4],
  [47, 5, 26],
  [6, 27, 48],
  [28, 49, 7],
  [50, 8, 29],
  [9, 30, 51],
  [31, 52, 10],
  [53, 11, 32],
  [12, 33, 54],
  [34, 55, 13],
  [56, 14, 35],
  [15, 36, 57],
  [37, 58, 16],
  [59, 17, 38],
  [18, 39, 60],
  [40, 61, 19],
  [62, 20, 41],
];
const SHA256_ORDER = [
  [0, 10, 20],
  [21, 1, 11],
  [12, 22, 2],
  [3, 13, 23],
  [24, 4, 14],
  [15, 25, 5],
  [6, 16, 26],
  [27, 7, 17],
  [18, 28, 8],
  [9, 19, 29],
];

/** SHA-crypt of `password` with the salt (and rounds) taken from `field`. */
export function shaCrypt(password: string, field: string, scheme: 'sha256' | 'sha512'): string {
  const algo = scheme === 'sha512' ? 'sha512' : 'sha256';
  const parts = field.split('$');
  const roundsPart = parts[2]?.startsWith('rounds=') ? parts[2] : null;
  const rounds = roundsPart ? Math.min(999_999_999, Math.max(1000, Number(roundsPart.slice(7)))) : 5000;
  const salt = Buffer.from((roundsPart ? parts[3] : parts[2])?.slice(0, 16) ?? '');
  const pw = Buffer.from(password);
  const digest = digestOf(algo);
  const size = algo === 'sha512' ? 64 : 32;
  const B = digest(pw, salt, pw);
  const ctxA = createHash(algo).update(pw).update(salt);
  let cnt = pw.length;
  for (; cnt > size; cnt -= size) ctxA.update(B);
  ctxA.update(B.subarray(0, cnt));
  for (let n = pw.length; n > 0; n >>= 1) ctxA.update(n & 1 ? B : pw);
  const A0 = ctxA.digest();
  const P = repeat(digest(...Array<Buffer>(pw.length).fill(pw)), pw.length);
  const S = repeat(digest(...Array<Buffer>(16 + (A0[0] as number)).fill(salt)), salt.length);
  const A = stretch(A0, P, S, rounds, digest);
  const b = (i: number) => A[i] as number;
  let encoded = '';
  for (const [x, y, z] of algo === 'sha512' ? SHA512_ORDER : SHA256_ORDER) encoded += to64((b(x as number) << 16) | (b(y as number) << 8) | b(z as number), 4);
  encoded += algo === 'sha512' ? to64(b(63), 2) : to64((b(31) << 8) | b(30), 3);
  const prefix = algo === 'sha512' ? '$6$' : '$5$';
  return `${prefix}${roundsPart ? `${roundsPart}$` : ''}${salt.toString()}$${encoded}`;
}

function repeat(digest: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += digest.length) digest.copy(out, i, 0, Math.min(digest.length, length - i));
  return out;
}
