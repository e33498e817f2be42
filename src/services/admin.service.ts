import type { Actor } from '../core/authorization.js';
import { isRole } from '../core/authorization.js';
import { AppError, ERROR_CATALOG, validationErrors } from '../core/errors.js';
import { fieldErrorsOf } from '../core/zod-field-errors.js';
import { type AuditFilter, listAudit } from '../store/audit.repository.js';
import { verifyAuditLog } from './audit.service.js';
import { readSetting, writeSetting } from '../store/settings.repository.js';
import { listUsers } from '../store/users.repository.js';
import { type ServiceContext, mutate } from './context.js';
import type { UserRow } from '../store/users.repository.js';
import { createUserIn, NewUserInput, toUserView, type UserView } from './users.js';

function requireAdmin(actor: Actor): void {
  if (!isRole(actor, 'admin')) throw new AppError('forbidden');
}

export async function createUser(ctx: ServiceContext, actor: Actor, input: NewUserInput): Promise<UserView> {
  requireAdmin(actor);
  const parsed = NewUserInput.safeParse(input);
  if (!parsed.success) {
    throw validationErrors(
      fieldErrorsOf(parsed.error.issues, input).map((e) => (e.path ? e : { ...e, path: 'input' })),
      ERROR_CATALOG['validation-failed'],
    );
  }
  const row = await mutate<UserRow>(
    ctx,
    actor,
    (u) => ({ action: 'user.created', targetType: 'user', targetId: u.id, detail: { email: u.email, role: u.role, organisationId: u.organisation_id } }),
    (trx) => createUserIn(trx, parsed.data, ctx.now()),
  );
  return toUserView(row);
}

export async function allUsers(ctx: ServiceContext, actor: Actor): Promise<UserView[]> {
  requireAdmin(actor);
  return (await listUsers(ctx.store.db)).map(toUserView);
}

const ANONYMOUS_READ = 'anonymous-read';

export async function anonymousReadAllowed(ctx: ServiceContext): Promise<boolean> {
  const value = await readSetting(ctx.store.db, ANONYMOUS_READ);
  return value === undefined ? ctx.config.anonymousReadDefault : value === 'true';
}

export async function setAnonymousRead(ctx: ServiceContext, actor: Actor, allowed: boolean): Promise<void> {
  requireAdmin(actor);
  await mutate(ctx, actor, { action: 'settings.anonymous-read', targetType: 'settings', targetId: ANONYMOUS_READ, detail: { allowed } }, (trx) =>
    writeSetting(trx, ANONYMOUS_READ, String(allowed)),
  );
}

export async function recentAudit(ctx: ServiceContext, actor: Actor, limit: number, beforeSeq?: number, filter: AuditFilter = {}) {
  requireAdmin(actor);
  const entries = await listAudit(ctx.store.db, { limit, ...(beforeSeq !== undefined ? { beforeSeq } : {}), ...filter });
  return entries.map((e) => ({ ...e, detail: JSON.parse(e.detail) as unknown }));
}

/** The same check as `bin/tebiki audit verify`, for the admin's button. */
export async function verifyAuditChain(ctx: ServiceContext, actor: Actor) {
  requireAdmin(actor);
  return verifyAuditLog(ctx.store);
}
