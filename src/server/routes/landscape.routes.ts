import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { standardsLandscape } from '../../services/landscape.service.js';
import { fieldsIn } from '../field-places.js';
import { taggedRoutes } from '../tagged-routes.js';

/** Ids are slugs; anything else cannot name a sector or level, so it is refused before the service. */
const AxisId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be a sector or level id (lower-case letters, digits, "." or "-")');

const LandscapeQuery = z
  .object({
    sector: AxisId.optional(),
    level: AxisId.optional(),
  })
  .strict();

/** The standards landscape: which standards, regulations and schemes apply per sector and level. */
export async function landscapeRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  taggedRoutes(app, ['standards']).get(
    {
      url: '/api/landscape',
      summary:
        'Standards, regulations and certification schemes by sector and level (optional ?sector=ID&level=ID), with the catalogs the current edition carries',
      query: LandscapeQuery,
      places: fieldsIn('query', 'sector', 'level'),
    },
    ({ actor, query }) => standardsLandscape(ctx, actor, { sector: query.sector, level: query.level }),
  );
}
