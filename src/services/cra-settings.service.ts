import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { type Actor, canReadOrganisationData, isRole } from '../core/authorization.js';
import { CRITERIA_KINDS, type CraContactView, type CriteriaKind, type CriteriaView } from '../core/cra/cra-case.types.js';
import { AppError, validationErrors } from '../core/errors.js';
import { activeMember, findCriteria, insertCriteria, latestCriteria, listContacts, replaceContacts } from '../store/cra.repository.js';
import type { Db } from '../store/database.js';
import { findOrganisation, findProduct } from '../store/organisations.repository.js';
import { findUserById } from '../store/users.repository.js';
import { mutate, type ServiceContext } from './context.js';

/**
 * Who owns CRA reporting for each product (one owner, any deputies), and each
 * organisation's written triage criteria for "actively exploited" and "severe
 * incident", versioned: a case records the version it was decided against.
 */

export const ContactsInput = z
  .object({
    ownerId: z.string().min(1, 'is required').max(100),
    deputyIds: z.array(z.string().min(1).max(100)).max(20).default([]),
  })
  .strict()
  .refine((v) => !v.deputyIds.includes(v.ownerId), coded('the owner cannot also be a deputy', 'invalid', ['deputyIds']))
  .refine((v) => new Set(v.deputyIds).size === v.deputyIds.length, coded('lists a person twice', 'invalid', ['deputyIds']));

const line = z.string().trim().min(1, 'is required').max(500);
export const CriteriaInput = z
  .object({
    kind: z.enum(CRITERIA_KINDS),
    items: z
      .array(z.object({ ja: line, en: line }).strict())
      .min(1, 'needs at least one line')
      .max(30),
  })
  .strict();

/** Admins, and members who manage their own organisation. */
async function requireManager(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<void> {
  if (!canReadOrganisationData(actor, organisationId)) throw new AppError('not-found');
  // An administrator may name any organisation, so it must exist (else the insert fails on its foreign key).
  if (!(await findOrganisation(ctx.store.db, organisationId))) throw new AppError('not-found', `no organisation ${organisationId}`);
  if (isRole(actor, 'admin')) return;
  if (actor.kind === 'user' && actor.role === 'member' && actor.organisationId === organisationId) {
    const me = await findUserById(ctx.store.db, actor.userId);
    if (me?.org_manager === 1) return;
  }
  throw new AppError('forbidden', 'only an organisation manager or an administrator names reporting owners and criteria');
}

async function productOrg(ctx: ServiceContext, actor: Actor, productId: string): Promise<string> {
  const product = await findProduct(ctx.store.db, productId);
  if (!product || !canReadOrganisationData(actor, product.organisation_id)) throw new AppError('not-found');
  return product.organisation_id;
}

export async function contactsOf(db: Db, productId: string): Promise<CraContactView[]> {
  return (await listContacts(db, [productId])).map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    email: r.email,
    role: r.role === 'owner' ? 'owner' : 'deputy',
  }));
}

export async function productContacts(ctx: ServiceContext, actor: Actor, productId: string): Promise<CraContactView[]> {
  await productOrg(ctx, actor, productId);
  return contactsOf(ctx.store.db, productId);
}

/** Names the owner and deputies of a product; each must be an active member of its organisation. */
export async function setProductContacts(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  input: z.output<typeof ContactsInput>,
): Promise<CraContactView[]> {
  const organisationId = await productOrg(ctx, actor, productId);
  await requireManager(ctx, actor, organisationId);
  const at = ctx.now().toISOString();
  const people = [{ id: input.ownerId, role: 'owner', path: 'ownerId' }, ...input.deputyIds.map((id, i) => ({ id, role: 'deputy', path: `deputyIds.${i}` }))];
  await mutate(
    ctx,
    actor,
    { action: 'cra.contacts-set', targetType: 'product', targetId: productId, detail: { ownerId: input.ownerId, deputyIds: input.deputyIds } },
    async (trx) => {
      const errors = [];
      for (const p of people)
        if (!(await activeMember(trx, p.id, organisationId)))
          errors.push({ path: p.path, message: 'is not an active member of this organisation', code: 'unknown' });
      if (errors.length > 0) throw validationErrors(errors, 'reporting contacts must be active members of the organisation');
      await replaceContacts(
        trx,
        productId,
        people.map((p) => ({ product_id: productId, user_id: p.id, role: p.role, created_at: at })),
      );
    },
  );
  return contactsOf(ctx.store.db, productId);
}

const toCriteria = (r: { id: string; kind: string; version: number; items: string; created_at: string }): CriteriaView => ({
  id: r.id,
  kind: r.kind as CriteriaKind,
  version: r.version,
  items: JSON.parse(r.items) as { ja: string; en: string }[],
  createdAt: r.created_at,
});

/** The current criteria of each kind (null where none is written yet). */
export async function currentCriteria(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<Record<CriteriaKind, CriteriaView | null>> {
  if (!canReadOrganisationData(actor, organisationId)) throw new AppError('not-found');
  const exploited = await latestCriteria(ctx.store.db, organisationId, 'exploited');
  const severe = await latestCriteria(ctx.store.db, organisationId, 'severe-incident');
  return { exploited: exploited ? toCriteria(exploited) : null, 'severe-incident': severe ? toCriteria(severe) : null };
}

export async function criteriaById(db: Db, id: string | null): Promise<CriteriaView | null> {
  const row = id ? await findCriteria(db, id) : undefined;
  return row ? toCriteria(row) : null;
}

/** Saves a new version of one checklist; older versions stay, as cases refer to them. */
export async function saveCriteria(ctx: ServiceContext, actor: Actor, organisationId: string, input: z.output<typeof CriteriaInput>): Promise<CriteriaView> {
  await requireManager(ctx, actor, organisationId);
  const id = randomUUID();
  const at = ctx.now().toISOString();
  const version = await mutate<number>(
    ctx,
    actor,
    (v) => ({ action: 'cra.criteria-saved', targetType: 'organisation', targetId: organisationId, detail: { kind: input.kind, version: v } }),
    async (trx) => {
      const next = ((await latestCriteria(trx, organisationId, input.kind))?.version ?? 0) + 1;
      await insertCriteria(trx, {
        id,
        organisation_id: organisationId,
        kind: input.kind,
        version: next,
        items: JSON.stringify(input.items),
        created_by: actor.kind === 'user' ? actor.userId : null,
        created_at: at,
      });
      return next;
    },
  );
  return { id, kind: input.kind, version, items: input.items, createdAt: at };
}
