import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../core/authorization.js';
import { AppError, validationErrors } from '../core/errors.js';
import { ROLES, type Role } from '../core/taxonomy.js';
import type { Db } from '../store/database.js';
import { findOrganisation } from '../store/organisations.repository.js';
import { findUserByEmail, insertUser, type UserRow } from '../store/users.repository.js';
import type { SessionUser } from '../store/sessions.repository.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';

import type { UserView } from '../core/accounts.types.js';
export type { UserView };

export function toUserView(row: SessionUser): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    orgManager: row.org_manager === 1,
    active: row.disabled === 0,
    language: row.language === 'en' || row.language === 'ja' ? row.language : null,
    totpEnabled: row.totp_enabled === 1,
  };
}

export function actorOf(row: Pick<UserRow, 'id' | 'role' | 'organisation_id'>): Actor {
  return { kind: 'user', userId: row.id, role: row.role as Role, organisationId: row.organisation_id };
}

export const NewUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254)),
  displayName: z.string().trim().min(1, 'is required').max(100),
  password: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string().nullable().default(null),
});
export type NewUserInput = z.input<typeof NewUserInput>;

/** Validates and inserts a user inside the caller's transaction. */
export async function createUserIn(trx: Db, input: z.output<typeof NewUserInput>, now: Date): Promise<UserRow> {
  checkPasswordPolicy(input.password, { email: input.email, displayName: input.displayName });
  if (input.role === 'member' && !input.organisationId) {
    throw validationErrors([{ path: 'organisationId', message: 'is required for members', code: 'required' }], 'a member must belong to an organisation');
  }
  if (input.role !== 'member' && input.organisationId) {
    throw validationErrors([{ path: 'organisationId', message: 'must be empty for this role', code: 'invalid' }], 'only members belong to an organisation');
  }
  if (input.organisationId && !(await findOrganisation(trx, input.organisationId))) {
    throw validationErrors([{ path: 'organisationId', message: 'unknown organisation', code: 'unknown' }], 'organisation does not exist');
  }
  if (await findUserByEmail(trx, input.email)) {
    throw new AppError('conflict', 'a user with this email exists', [{ path: 'email', message: 'already registered', code: 'already-exists' }]);
  }
  const row: UserRow = {
    id: randomUUID(),
    email: input.email,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    role: input.role,
    organisation_id: input.organisationId,
    disabled: 0,
    created_at: now.toISOString(),
  };
  await insertUser(trx, row);
  return row;
}
