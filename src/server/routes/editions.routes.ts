import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LAYERS, PHASES, STAGES } from '../../core/taxonomy.js';
import type { ServiceContext } from '../../services/context.js';
import { compareEditions, editionList, editionMatrix, editionRequirement, editionRequirements } from '../../services/editions.service.js';
import { taggedRoutes } from '../tagged-routes.js';
import { CompareParams, IdParams, RequirementParams } from '../route-params.js';

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
  const routes = taggedRoutes(app, ['editions']);

  routes.get({ url: '/api/editions', summary: 'Editions visible to the caller and the current one' }, ({ actor }) => editionList(ctx, actor));

  routes.get(
    {
      url: '/api/editions/:id/compare/:other',
      summary: 'Compare two editions: requirements, mappings, terms and coverage change per standard (from :id to :other)',
      params: CompareParams,
    },
    ({ actor, params: p }) => compareEditions(ctx, actor, p.id, p.other),
  );

  routes.get({ url: '/api/editions/:id/matrix', summary: 'Layer x phase matrix with item counts', params: IdParams }, ({ actor, params }) =>
    editionMatrix(ctx, actor, params.id),
  );

  routes.get(
    {
      url: '/api/editions/:id/requirements',
      summary: 'Requirements, filtered by layer, phase, stage, threat category (with descendants), standard, applicability',
      params: IdParams,
      query: RequirementsQuery,
    },
    ({ actor, params, query }) => editionRequirements(ctx, actor, params.id, query),
  );

  routes.get({ url: '/api/editions/:id/requirements/:requirementId', summary: 'One requirement in full', params: RequirementParams }, ({ actor, params: p }) =>
    editionRequirement(ctx, actor, p.id, p.requirementId),
  );
}
