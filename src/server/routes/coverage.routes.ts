import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { coded } from '../../core/zod-field-errors.js';
import type { ServiceContext } from '../../services/context.js';
import { COMPONENT_TYPES, COVERAGE_STATUSES, coverageOverview, crossStandardView, standardCoverage, unbackedItems } from '../../services/coverage.service.js';
import { fieldsIn } from '../field-places.js';
import { taggedRoutes } from '../tagged-routes.js';
import { EditionStandardParams, IdParams } from '../route-params.js';

/**
 * `conditions` is a comma list of the condition ids that hold for the product;
 * present but empty means none holds, absent means every conditional
 * requirement is counted.
 */
const CoverageQuery = z
  .object({
    sl: z.coerce.number().int().min(1).max(4).optional(),
    componentType: z.enum(COMPONENT_TYPES).optional(),
    status: z.enum(COVERAGE_STATUSES).optional(),
    conditions: z
      .string()
      .max(500)
      .transform((s) => s.split(',').map((c) => c.trim()))
      .refine((list) => list.every((c) => c.length <= 50), coded('condition ids are at most 50 characters', 'too-long'))
      .transform((list) => list.filter((c) => c.length > 0))
      .optional(),
    reviewed: z.literal('only').optional(),
  })
  .strict();

/** `reviewed=only`: count only mappings whose review state is reviewed. */
const OverviewQuery = z.object({ reviewed: z.literal('only').optional() }).strict();

const CrossQuery = z
  .object({
    from: z.string().min(1).max(100),
    requirement: z.string().min(1).max(200),
    to: z.string().min(1).max(100),
  })
  .strict();

/** Coverage of the standards (網羅性の確認), 独自項目, and the one-hop cross-standard view; read-only. */
export async function coverageRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  const routes = taggedRoutes(app, ['coverage']);

  routes.get(
    {
      url: '/api/editions/:id/coverage',
      summary: 'Coverage summary of every standard of the edition and the number of items backed by no standard',
      params: IdParams,
      query: OverviewQuery,
    },
    ({ actor, params, query }) => coverageOverview(ctx, actor, params.id, query.reviewed === 'only'),
  );

  routes.get(
    {
      url: '/api/editions/:id/coverage/:standardId',
      summary: 'Coverage of one standard: per requirement status with the items behind it, per group, per layer × phase',
      description:
        'Filters: sl=1..4 and componentType=cr|sar|edr|hdr|ndr (standards with security levels / device-type variants), status=mandatory|recommended, conditions=comma list of condition ids that hold (empty: none holds), reviewed=only counts only reviewed mappings.',
      params: EditionStandardParams,
      query: CoverageQuery,
      places: fieldsIn('query', 'sl', 'componentType', 'status', 'conditions'),
    },
    ({ actor, params: p, query: { reviewed, ...query } }) =>
      standardCoverage(ctx, actor, p.id, p.standardId, { ...query, ...(reviewed ? { reviewedOnly: true } : {}) }),
  );

  routes.get(
    { url: '/api/editions/:id/unbacked', summary: 'Items backed by no standard (独自項目): no mapping, or only no-relationship ones', params: IdParams },
    ({ actor, params }) => unbackedItems(ctx, actor, params.id),
  );

  routes.get(
    {
      url: '/api/editions/:id/cross',
      summary: 'Requirements of standard `to` sharing guidebook items with requirement `requirement` of standard `from` (one hop, never chained)',
      params: IdParams,
      query: CrossQuery,
      places: fieldsIn('query', 'from', 'requirement', 'to'),
    },
    ({ actor, params, query }) => crossStandardView(ctx, actor, params.id, query),
  );
}
