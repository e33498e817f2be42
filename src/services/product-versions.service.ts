import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { type Actor, canWriteProducts } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import { findProductVersionByName, insertProductVersion, listProductVersions, type ProductVersionRow } from '../store/product-versions.repository.js';
import { mutate, type ServiceContext } from './context.js';
import { getProduct } from './organisations.service.js';

/** A released version of a product: what SBOMs, CRA clocks and packs hang on. */
export interface ProductVersionView {
  id: string;
  productId: string;
  version: string;
  releaseDate: string | null;
  supportEnd: string | null;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), coded('is not a real date', 'invalid'));

export const ProductVersionInput = z
  .object({
    version: z.string().trim().min(1, 'is required').max(100),
    releaseDate: isoDate.nullable().default(null),
    supportEnd: isoDate.nullable().default(null),
  })
  .strict()
  .refine((v) => !v.releaseDate || !v.supportEnd || v.supportEnd >= v.releaseDate, coded('must not be before the release date', 'invalid', ['supportEnd']));

const toView = (r: ProductVersionRow): ProductVersionView => ({
  id: r.id,
  productId: r.product_id,
  version: r.version,
  releaseDate: r.release_date,
  supportEnd: r.support_end,
});

export async function productVersions(ctx: ServiceContext, actor: Actor, productId: string): Promise<ProductVersionView[]> {
  await getProduct(ctx, actor, productId);
  return (await listProductVersions(ctx.store.db, productId)).map(toView);
}

export async function addProductVersion(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  input: z.output<typeof ProductVersionInput>,
): Promise<ProductVersionView> {
  const product = await getProduct(ctx, actor, productId);
  if (!canWriteProducts(actor, product.organisationId)) throw new AppError('forbidden');
  const row: ProductVersionRow = {
    id: randomUUID(),
    product_id: productId,
    version: input.version,
    release_date: input.releaseDate,
    support_end: input.supportEnd,
    created_at: ctx.now().toISOString(),
  };
  await mutate(ctx, actor, { action: 'product.version-added', targetType: 'product', targetId: productId, detail: { version: row.version } }, async (trx) => {
    if (await findProductVersionByName(trx, productId, row.version)) {
      throw new AppError('conflict', 'this version exists', [{ path: 'version', message: 'already exists', code: 'already-exists' }]);
    }
    await insertProductVersion(trx, row);
  });
  return toView(row);
}
