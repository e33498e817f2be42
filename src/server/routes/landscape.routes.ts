import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { standardsLandscape } from '../../services/landscape.service.js';
import { fieldsIn, placingFields } from '../field-places.js';
import { parseInput } from '../validate-input.js';

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
  app.get(
    '/api/landscape',
    {
      schema: {
        tags: ['standards'],
        summary:
          'Standards, regulations and certification schemes by sector and level (optional ?sector=ID&level=ID), with the catalogs the current edition carries',
      },
    },
    (request) => {
      const query = parseInput(LandscapeQuery, request.query, 'query');
      return placingFields(fieldsIn('query', 'sector', 'level'), () => standardsLandscape(ctx, request.actor, { sector: query.sector, level: query.level }));
    },
  );
}
