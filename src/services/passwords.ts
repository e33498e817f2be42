import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { validationErrors } from '../core/errors.js';
import { PASSWORD_REASONS, type PasswordReason } from '../core/password-reasons.js';
import { lazyPackage } from '../runtime/lazy-package.js';

// The dictionaries are decompressed when read: on the first password checked, not at start-up.
const zxcvbnCore = lazyPackage<typeof import('@zxcvbn-ts/core')>('@zxcvbn-ts/core');
const zxcvbnCommon = lazyPackage<typeof import('@zxcvbn-ts/language-common')>('@zxcvbn-ts/language-common');
// The hashing addon is loaded by the first login or password set, not at start-up.
const argon2 = lazyPackage<typeof import('argon2')>('argon2');

/** OWASP-recommended argon2id parameters (19 MiB, 2 passes). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's scale 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

export function hashPassword(password: string): Promise<string> {
  return argon2().hash(password, { ...OPTIONS, type: argon2().argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2().verify(hash, password);
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

/**
 * zxcvbn-ts with its bundled common-password list (about 49,000 passwords
 * ranked by frequency in breached-password corpora), diceware words and
 * keyboard graphs: offline, loaded on first use.
 */
let estimator: ZxcvbnFactory | undefined;
function strength() {
  const common = zxcvbnCommon();
  estimator ??= new (zxcvbnCore().ZxcvbnFactory)({ dictionary: { ...common.dictionary, tebiki: ['tebiki', 'tebikisho'] }, graphs: common.adjacencyGraphs });
  return estimator;
}

const COMMON_WARNINGS = new Set(['topTen', 'topHundred', 'common', 'similarToCommon', 'pwned']);

/** The parts of a name or email worth refusing inside a password: 3+ characters, or 2+ when not ASCII (山田). */
function personalParts(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s@._+-]+/)
    .filter((p) => p.length >= 3 || (p.length >= 2 && /[^ -~]/.test(p)));
}

/** Why a password is refused for this user, or null when it is acceptable. */
export function passwordProblem(password: string, user: { email: string; displayName?: string }): PasswordReason | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password-too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'password-too-long';
  const lower = password.toLowerCase();
  const email = user.email.toLowerCase();
  const local = email.split('@')[0] ?? '';
  if (lower.includes(email) || (local.length >= 3 && lower.includes(local))) return 'password-contains-email';
  const nameParts = personalParts(user.displayName ?? '');
  if (nameParts.some((p) => lower.includes(p))) return 'password-contains-name';
  const result = strength().check(password, [email, ...personalParts(email), ...nameParts]);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ?? '';
  if (COMMON_WARNINGS.has(warning) || result.sequence.some((m) => m.pattern === 'dictionary' && m.token.length >= password.length - 2)) {
    return 'password-common';
  }
  if (warning === 'userInputs') return 'password-contains-email';
  return 'password-guessable';
}

/** Refuses a password that is too short, common, breached, guessable or built from the user's own email or name. */
export function checkPasswordPolicy(password: string, user: { email: string; displayName?: string }): void {
  const reason = passwordProblem(password, user);
  if (!reason) return;
  const message = PASSWORD_REASONS[reason].en;
  throw validationErrors([{ path: 'password', message, code: reason }], message);
}
