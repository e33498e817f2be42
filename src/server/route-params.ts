import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/errors.js';

/** An id in a route's path: a record, edition or assessment id. */
export const RouteId = z.string().min(1).max(100);

/** A longer id in a route's path: a guidebook item, glossary term, standard requirement or vulnerability id. */
export const ItemRouteId = z.string().min(1).max(200);

/**
 * Every path parameter schema of the API, named after the parameters it
 * reads: a route file picks one here instead of declaring its own, so the same
 * parameter has the same bounds on every route.
 */

/** The `:id` parameter every resource route takes (an edition, assessment, proposal…). */
export const IdParams = z.object({ id: RouteId });

/** `:orgId`, the organisation of `/api/organisations/:orgId/…`. */
export const OrgParams = z.object({ orgId: RouteId });

/** `:productId`, the product of `/api/products/:productId/…`. */
export const ProductParams = z.object({ productId: RouteId });

/** `/api/products/:productId/versions/:version/…`: one released version of a product. */
export const ProductVersionParams = ProductParams.extend({ version: RouteId });

/** `…/versions/:version/vulnerabilities/:vulnerabilityId…`: one known vulnerability of a version. */
export const VulnerabilityParams = ProductVersionParams.extend({ vulnerabilityId: ItemRouteId });

/** `/api/users/:userId…`: one account. */
export const UserParams = z.object({ userId: RouteId });

/** `/api/account/sessions/:sessionId`: one of the caller's sessions. */
export const SessionParams = z.object({ sessionId: RouteId });

/** `/api/admin/standards/:standardId…`: one standard, whatever the edition. */
export const StandardParams = z.object({ standardId: RouteId });

/** `/api/editions/:id/standards/:standardId…`: one standard of an edition. */
export const EditionStandardParams = IdParams.extend({ standardId: RouteId });

/** `/api/editions/:id/compare/:other`: two editions. */
export const CompareParams = IdParams.extend({ other: RouteId });

/** `/api/editions/:id/glossary/:termId`: one glossary term of an edition. */
export const TermParams = IdParams.extend({ termId: ItemRouteId });

/** `…/:id/…/:requirementId`: one guidebook item of an edition, or one check item of an assessment. */
export const RequirementParams = IdParams.extend({ requirementId: ItemRouteId });

/** `/api/assessments/:id/attachments/:attachmentId`: one evidence file. */
export const AttachmentParams = IdParams.extend({ attachmentId: RouteId });

/** `/api/assessments/:id/probe-runs/:runId…`: one probe run of an assessment. */
export const RunParams = IdParams.extend({ runId: RouteId });

/** `/api/assessments/:id/firmware/:analysisId…`: one firmware analysis of an assessment. */
export const AnalysisParams = IdParams.extend({ analysisId: RouteId });

/** `…/firmware/:analysisId/suggestions/:requirementId…`: what one analysis suggests for one check item. */
export const AnalysisItemParams = AnalysisParams.extend({ requirementId: ItemRouteId });

/** `/api/assessments/:id/self-assessment/reviews/:reviewId/…`: one review of a self-assessment. */
export const ReviewParams = IdParams.extend({ reviewId: RouteId });

/** `/api/cra/cases/:caseId…`: one CRA reporting case. */
export const CaseParams = z.object({ caseId: RouteId });

/** `/api/drafts/:draftId…`: one draft edition. */
export const DraftParams = z.object({ draftId: RouteId });

/** `/api/drafts/:draftId/{requirements,terms}/:itemId`: one item of a draft. */
export const DraftItemParams = DraftParams.extend({ itemId: ItemRouteId });

/** `onRequest` hook of the routes only a signed-in user may call: anyone else is answered 401. */
export async function requireSignedIn(request: FastifyRequest): Promise<void> {
  if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
}
