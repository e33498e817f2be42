import { createHash, randomBytes } from 'node:crypto';
import type { TOTP } from 'otpauth';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { ANONYMOUS, type Actor, isRole } from '../core/authorization.js';
import { AppError, validationErrors } from '../core/errors.js';
import type { Role } from '../core/taxonomy.js';
import { lazyPackage } from '../runtime/lazy-package.js';
import {
  consumeUserToken,
  countRecoveryCodesLeft,
  replaceRecoveryCodes,
  updateUser,
  updateUserTokenData,
  spendRecoveryCode,
} from '../store/accounts.repository.js';
import { readSetting, TOTP_REQUIRED_ROLES, writeSetting } from '../store/settings.repository.js';
import { findUserById, type UserRow } from '../store/users.repository.js';
import { type LoginResult, startSession } from './auth.service.js';
import { mutate, type ServiceContext } from './context.js';
import { verifyPassword } from './passwords.js';
import { requiredRolesIn, SECOND_FACTOR_ATTEMPTS } from './second-factor.js';
import { liveToken } from './user-tokens.js';

/**
 * TOTP second factor (RFC 6238 through `otpauth`) with one-time recovery
 * codes. Secrets and codes go to the user's own browser once, in a response
 * body; they appear in no URL, log or audit entry.
 */

const RECOVERY_CODES = 10;

// Loaded by the first second-factor set-up or check, not at start-up.
const otpauth = lazyPackage<typeof import('otpauth')>('otpauth');

function totpFor(user: Pick<UserRow, 'email'>, secret: string): TOTP {
  const { Secret, TOTP } = otpauth();
  return new TOTP({ issuer: 'tebiki', label: user.email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** A code is right within one 30-second step either side (clock drift). */
function codeIsRight(ctx: ServiceContext, user: UserRow, code: string): boolean {
  if (!user.totp_secret || !/^\d{6}$/.test(code)) return false;
  return totpFor(user, user.totp_secret).validate({ token: code, window: 1, timestamp: ctx.now().getTime() }) !== null;
}

const recoveryHash = (code: string) =>
  createHash('sha256')
    .update(code.replace(/[^a-z0-9]/gi, '').toLowerCase())
    .digest('hex');

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

function requireUser(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.userId;
}

async function userOf(ctx: ServiceContext, actor: Actor): Promise<UserRow> {
  const user = await findUserById(ctx.store.db, requireUser(actor));
  if (!user) throw new AppError('unauthenticated');
  return user;
}

/** Step 1: a new secret, stored but not yet in force, shown once as base32 and as an otpauth URI. */
export async function beginTotpEnrolment(ctx: ServiceContext, actor: Actor): Promise<{ secret: string; uri: string }> {
  const user = await userOf(ctx, actor);
  if (user.totp_enabled === 1) throw new AppError('conflict', 'a second factor is already set up');
  const secret = new (otpauth().Secret)({ size: 20 }).base32;
  await mutate(ctx, actor, { action: 'account.totp-enrolment-started', targetType: 'user', targetId: user.id }, (trx) =>
    updateUser(trx, user.id, { totp_secret: secret, totp_enabled: 0 }),
  );
  return { secret, uri: totpFor(user, secret).toString() };
}

/** Step 2: a right code turns the factor on and yields the recovery codes, shown once. */
export async function confirmTotpEnrolment(ctx: ServiceContext, actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await userOf(ctx, actor);
  if (user.totp_enabled === 1) throw new AppError('conflict', 'a second factor is already set up');
  if (!user.totp_secret) throw new AppError('conflict', 'start the enrolment first');
  if (!codeIsRight(ctx, user, code.trim())) throw validationErrors([{ path: 'code', message: 'is wrong or expired', code: 'wrong' }], 'the code is wrong');
  const codes = newRecoveryCodes();
  await mutate(ctx, actor, { action: 'account.totp-enabled', targetType: 'user', targetId: user.id }, async (trx) => {
    await updateUser(trx, user.id, { totp_enabled: 1 });
    await replaceRecoveryCodes(trx, user.id, codes.map(recoveryHash));
  });
  return { recoveryCodes: codes };
}

/** Turning the factor off needs the password, and is refused where the role requires it. */
export async function disableTotp(ctx: ServiceContext, actor: Actor, password: string): Promise<void> {
  const user = await userOf(ctx, actor);
  if (!(await verifyPassword(user.password_hash, password)))
    throw validationErrors([{ path: 'password', message: 'is wrong', code: 'wrong' }], 'the password is wrong');
  if ((await totpRequiredRoles(ctx)).includes(user.role as Role)) throw new AppError('conflict', 'your role requires a second factor');
  await mutate(ctx, actor, { action: 'account.totp-disabled', targetType: 'user', targetId: user.id }, async (trx) => {
    await updateUser(trx, user.id, { totp_enabled: 0, totp_secret: null });
    await replaceRecoveryCodes(trx, user.id, []);
  });
}

export async function recoveryCodesLeft(ctx: ServiceContext, actor: Actor): Promise<number> {
  return countRecoveryCodesLeft(ctx.store.db, requireUser(actor));
}

export const SecondFactorInput = z
  .object({ token: z.string().min(1).max(200), code: z.string().max(20).optional(), recoveryCode: z.string().max(40).optional() })
  .strict()
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), coded('send code or recoveryCode', 'invalid', ['code']));

/** Completes a login waiting for its second factor: a TOTP code, or a recovery code (each works once). */
export async function completeSecondFactor(ctx: ServiceContext, input: z.output<typeof SecondFactorInput>, ip: string): Promise<LoginResult> {
  const pending = await liveToken(ctx, ctx.store.db, 'second-factor', input.token);
  const user = pending.user_id ? await findUserById(ctx.store.db, pending.user_id) : undefined;
  if (!user || user.disabled || user.totp_enabled !== 1) throw new AppError('invalid-credentials');
  const at = ctx.now().toISOString();
  if (
    input.code !== undefined
      ? codeIsRight(ctx, user, input.code.trim())
      : await spendRecoveryCode(ctx.store.db, user.id, recoveryHash(input.recoveryCode ?? ''), at)
  ) {
    const how = input.code !== undefined ? 'totp' : 'recovery-code';
    return startSession(ctx, user, ip, `auth.login-${how}`, async (trx) => {
      if (!(await consumeUserToken(trx, pending.token_hash, at))) throw new AppError('invalid-credentials');
    });
  }
  const failures = (JSON.parse(pending.data) as { failures: number }).failures + 1;
  await mutate(ctx, ANONYMOUS, { action: 'auth.second-factor-failed', targetType: 'user', targetId: user.id, detail: { ip, failures } }, async (trx) => {
    await updateUserTokenData(trx, pending.token_hash, JSON.stringify({ failures }));
    if (failures >= SECOND_FACTOR_ATTEMPTS) await consumeUserToken(trx, pending.token_hash, at);
  });
  throw new AppError('invalid-credentials', 'the code is wrong');
}

export async function totpRequiredRoles(ctx: ServiceContext): Promise<readonly Role[]> {
  return requiredRolesIn(await readSetting(ctx.store.db, TOTP_REQUIRED_ROLES));
}

export async function setTotpRequiredRoles(ctx: ServiceContext, actor: Actor, roles: Role[]): Promise<void> {
  if (!isRole(actor, 'admin')) throw new AppError('forbidden');
  const unique = [...new Set(roles)].sort();
  await mutate(ctx, actor, { action: 'settings.totp-required', targetType: 'settings', targetId: TOTP_REQUIRED_ROLES, detail: { roles: unique } }, (trx) =>
    writeSetting(trx, TOTP_REQUIRED_ROLES, JSON.stringify(unique)),
  );
}
