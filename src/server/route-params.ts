import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/errors.js';

/** An id in a route's path: a record, edition or assessment id. */
export const RouteId = z.string().min(1).max(100);

/** A longer id in a route's path: a guidebook item, glossary term, standard requirement or vulnerability id. */
export const ItemRouteId = z.string().min(1).max(200);

/** The `:id` parameter every resource route takes; extend it for further parameters. */
export const IdParams = z.object({ id: RouteId });

/** `:orgId`, the organisation of `/api/organisations/:orgId/…`. */
export const OrgParams = z.object({ orgId: RouteId });

/** `:productId`, the product of `/api/products/:productId/…`. */
export const ProductParams = z.object({ productId: RouteId });

/** `/api/editions/:id/standards/:standardId…`: one standard of an edition. */
export const EditionStandardParams = IdParams.extend({ standardId: RouteId });

/** `/api/assessments/:id/…/:requirementId`: one check item of an assessment. */
export const AssessmentItemParams = IdParams.extend({ requirementId: ItemRouteId });

/** `onRequest` hook of the routes only a signed-in user may call: anyone else is answered 401. */
export async function requireSignedIn(request: FastifyRequest): Promise<void> {
  if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
}
