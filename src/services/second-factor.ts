import { z } from 'zod';
import { ANONYMOUS } from '../core/authorization.js';
import { ROLES, type Role } from '../core/taxonomy.js';
import type { UserRow } from '../store/users.repository.js';
import { mutate, type ServiceContext } from './context.js';
import { issueUserToken } from './user-tokens.js';

/** Minutes a password-checked login waits for its TOTP or recovery code. */
export const SECOND_FACTOR_MINUTES = 5;
/** Wrong codes before the pending login is dropped and the password must be given again. */
export const SECOND_FACTOR_ATTEMPTS = 5;

const RequiredRoles = z.array(z.enum(ROLES));
/** The setting's text last read and its roles: every signed-in request reads the setting, which seldom changes. */
let lastRead: { value: string; roles: readonly Role[] } | undefined;

/** The roles a stored totp-required setting names; none when unset or unreadable. */
export function requiredRolesIn(value: string | undefined): readonly Role[] {
  if (!value) return [];
  if (lastRead?.value !== value) {
    const parsed = RequiredRoles.safeParse(JSON.parse(value));
    lastRead = { value, roles: Object.freeze(parsed.success ? parsed.data : []) };
  }
  return lastRead.roles;
}

/** After a right password: a short-lived token that stands for "password checked, code pending". */
export async function startSecondFactor(ctx: ServiceContext, user: UserRow, ip: string): Promise<string> {
  const issued = await mutate(ctx, ANONYMOUS, { action: 'auth.second-factor-requested', targetType: 'user', targetId: user.id, detail: { ip } }, (trx) =>
    issueUserToken(ctx, trx, {
      kind: 'second-factor',
      email: null,
      userId: user.id,
      data: { failures: 0 },
      createdBy: null,
      hours: SECOND_FACTOR_MINUTES / 60,
    }),
  );
  return issued.token;
}
