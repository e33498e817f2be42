import argon2 from 'argon2';
import { AppError } from '../core/errors.js';

/** OWASP-recommended argon2id parameters (19 MiB, 2 passes). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when an email is unknown, so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`unused-${Math.random()}`);
  return dummyHash;
}

const TOO_COMMON = ['password', 'passw0rd', '123456', 'qwerty', 'letmein', 'admin', 'tebiki', 'iloveyou'];

/** Length and a little sense; long passphrases are welcome. */
export function checkPasswordPolicy(password: string, email: string): void {
  const fail = (message: string) => {
    throw new AppError('validation-failed', message, [{ path: 'password', message }]);
  };
  if (password.length < MIN_PASSWORD_LENGTH) fail(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) fail(`password must have at most ${MAX_PASSWORD_LENGTH} characters`);
  if (new Set(password).size < 4) fail('password uses too few different characters');
  const lower = password.toLowerCase();
  if (TOO_COMMON.some((w) => lower.includes(w)) && new Set(lower).size < 8) fail('password is too easy to guess');
  const local = email.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) fail('password must not contain the email name');
}
