import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LAYERS, PHASES, STAGES } from '../../core/taxonomy.js';
import type { ServiceContext } from '../../services/context.js';
import { compareEditions, editionList, editionMatrix, editionRequirement, editionRequirements } from '../../services/editions.service.js';
import { parseInput } from '../validate-input.js';
import { IdParams, ItemRouteId, RouteId } from '../route-params.js';

const FilterId = z.string().min(1).max(100);
/** Filters of the item list, combined with AND (see core/browse/requirement-filter.ts). */
const RequirementsQuery = z
  .object({
    layer: z.enum(LAYERS).optional(),
    phase: z.enum(PHASES).optional(),
    stage: z.enum(STAGES).optional(),
    threatCategory: FilterId.optional(),
    standard: FilterId.optional(),
    applicability: FilterId.optional(),
  })
  .strict();

export async function editionRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.get('/api/editions', { schema: { tags: ['editions'], summary: 'Editions visible to the caller and the current one' } }, (request) =>
    editionList(ctx, request.actor),
  );

  app.get(
    '/api/editions/:id/compare/:other',
    { schema: { tags: ['editions'], summary: 'Compare two editions: requirements, mappings, terms and coverage change per standard (from :id to :other)' } },
    (request) => {
      const p = parseInput(IdParams.extend({ other: RouteId }), request.params, 'params');
      return compareEditions(ctx, request.actor, p.id, p.other);
    },
  );

  app.get('/api/editions/:id/matrix', { schema: { tags: ['editions'], summary: 'Layer x phase matrix with item counts' } }, (request) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return editionMatrix(ctx, request.actor, id);
  });

  app.get(
    '/api/editions/:id/requirements',
    { schema: { tags: ['editions'], summary: 'Requirements, filtered by layer, phase, stage, threat category (with descendants), standard, applicability' } },
    (request) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      return editionRequirements(ctx, request.actor, id, parseInput(RequirementsQuery, request.query, 'query'));
    },
  );

  app.get('/api/editions/:id/requirements/:requirementId', { schema: { tags: ['editions'], summary: 'One requirement in full' } }, (request) => {
    const p = parseInput(IdParams.extend({ requirementId: ItemRouteId }), request.params, 'params');
    return editionRequirement(ctx, request.actor, p.id, p.requirementId);
  });
}
