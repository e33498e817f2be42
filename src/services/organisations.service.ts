import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { type Actor, canReadOrganisationData, canWriteProducts, isRole } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import {
  findOrganisation,
  findOrganisationByName,
  findProduct,
  insertOrganisation,
  insertProduct,
  listOrganisations,
  listProducts,
  type OrganisationRow,
  type ProductRow,
  updateOrganisation,
  updateProduct,
} from '../store/organisations.repository.js';
import { deleteSessionsOfUsers, disableUsersOf } from '../store/accounts.repository.js';
import { type ServiceContext, mutate } from './context.js';

export interface OrganisationView {
  id: string;
  name: string;
  active: boolean;
}
export interface ProductView {
  id: string;
  organisationId: string;
  name: string;
  model: string | null;
  description: string | null;
}

const toOrg = (r: OrganisationRow): OrganisationView => ({ id: r.id, name: r.name, active: r.active !== 0 });
const toProduct = (r: ProductRow): ProductView => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  model: r.model,
  description: r.description,
});

export const OrganisationInput = z.object({ name: z.string().trim().min(1, 'is required').max(200) }).strict();
export const ProductInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    model: z.string().trim().max(200).nullable().default(null),
    description: z.string().trim().max(4000).nullable().default(null),
  })
  .strict();

export async function createOrganisation(ctx: ServiceContext, actor: Actor, input: z.infer<typeof OrganisationInput>) {
  if (!isRole(actor, 'admin')) throw new AppError('forbidden');
  const row: OrganisationRow = { id: randomUUID(), name: input.name, created_at: ctx.now().toISOString(), active: 1 };
  await mutate(ctx, actor, { action: 'organisation.created', targetType: 'organisation', targetId: row.id, detail: { name: row.name } }, async (trx) => {
    if (await findOrganisationByName(trx, row.name))
      throw new AppError('conflict', 'an organisation with this name exists', [{ path: 'name', message: 'already exists', code: 'already-exists' }]);
    await insertOrganisation(trx, row);
  });
  return toOrg(row);
}

/** Admins and assessors see every organisation; a member only their own; others none. */
export async function visibleOrganisations(ctx: ServiceContext, actor: Actor): Promise<OrganisationView[]> {
  if (isRole(actor, 'admin', 'assessor')) return (await listOrganisations(ctx.store.db)).map(toOrg);
  if (actor.kind === 'user' && actor.role === 'member' && actor.organisationId) {
    return (await listOrganisations(ctx.store.db, actor.organisationId)).map(toOrg);
  }
  return [];
}

/** Another organisation's data answers "not found", never "forbidden": its existence is not revealed. */
async function requireVisibleOrganisation(ctx: ServiceContext, actor: Actor, organisationId: string) {
  if (!canReadOrganisationData(actor, organisationId)) throw new AppError('not-found');
  const org = await findOrganisation(ctx.store.db, organisationId);
  if (!org) throw new AppError('not-found');
  return org;
}

export async function productsOf(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<ProductView[]> {
  await requireVisibleOrganisation(ctx, actor, organisationId);
  return (await listProducts(ctx.store.db, organisationId)).map(toProduct);
}

export async function getProduct(ctx: ServiceContext, actor: Actor, productId: string): Promise<ProductView> {
  const row = await findProduct(ctx.store.db, productId);
  if (!row || !canReadOrganisationData(actor, row.organisation_id)) throw new AppError('not-found');
  return toProduct(row);
}

export async function createProduct(ctx: ServiceContext, actor: Actor, organisationId: string, input: z.infer<typeof ProductInput>) {
  const org = await requireVisibleOrganisation(ctx, actor, organisationId);
  if (!canWriteProducts(actor, organisationId)) throw new AppError('forbidden');
  if (org.active === 0) throw new AppError('conflict', 'the organisation is deactivated');
  const row: ProductRow = { id: randomUUID(), organisation_id: organisationId, ...input, created_at: ctx.now().toISOString() };
  await mutate(ctx, actor, { action: 'product.created', targetType: 'product', targetId: row.id, detail: { organisationId, name: row.name } }, (trx) =>
    insertProduct(trx, row),
  );
  return toProduct(row);
}

export const OrganisationPatch = z
  .object({ name: z.string().trim().min(1, 'is required').max(200).optional(), active: z.boolean().optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.active !== undefined, coded('name or active is required', 'required'));

/**
 * Renames or (de)activates an organisation (admin). Deactivating disables
 * every member account and ends their sessions in the same transaction;
 * reactivating does not re-enable them (the admin decides per person).
 */
export async function changeOrganisation(ctx: ServiceContext, actor: Actor, id: string, patch: z.output<typeof OrganisationPatch>): Promise<OrganisationView> {
  if (!isRole(actor, 'admin')) throw new AppError('forbidden');
  const before = await findOrganisation(ctx.store.db, id);
  if (!before) throw new AppError('not-found');
  const change: { name?: string; active?: number } = {};
  if (patch.name !== undefined) change.name = patch.name;
  if (patch.active !== undefined) change.active = patch.active ? 1 : 0;
  const action = patch.active === false ? 'organisation.deactivated' : patch.active === true ? 'organisation.activated' : 'organisation.renamed';
  await mutate(ctx, actor, { action, targetType: 'organisation', targetId: id, detail: { from: before.name, ...patch } }, async (trx) => {
    if (patch.name !== undefined && patch.name !== before.name && (await findOrganisationByName(trx, patch.name))) {
      throw new AppError('conflict', 'an organisation with this name exists', [{ path: 'name', message: 'already exists', code: 'already-exists' }]);
    }
    await updateOrganisation(trx, id, change);
    if (patch.active === false) await deleteSessionsOfUsers(trx, await disableUsersOf(trx, id));
  });
  return toOrg({ ...before, ...change });
}

export async function changeProduct(ctx: ServiceContext, actor: Actor, productId: string, input: z.infer<typeof ProductInput>): Promise<ProductView> {
  const product = await getProduct(ctx, actor, productId);
  if (!canWriteProducts(actor, product.organisationId)) throw new AppError('forbidden');
  await mutate(ctx, actor, { action: 'product.updated', targetType: 'product', targetId: productId, detail: { name: input.name } }, (trx) =>
    updateProduct(trx, productId, input),
  );
  return { ...product, ...input };
}
