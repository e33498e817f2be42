import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LAYERS, PHASES } from '../../core/taxonomy.js';
import type { ServiceContext } from '../../services/context.js';
import { editionList, editionMatrix, editionRequirement, editionRequirements } from '../../services/editions.service.js';
import { parseInput } from '../validate-input.js';

const IdParams = z.object({ id: z.string().min(1).max(100) });
const CellQuery = z.object({ layer: z.enum(LAYERS).optional(), phase: z.enum(PHASES).optional() }).strict();

export async function editionRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.get('/api/editions', { schema: { tags: ['editions'], summary: 'Editions visible to the caller and the current one' } }, (request) =>
    editionList(ctx, request.actor),
  );

  app.get('/api/editions/:id/matrix', { schema: { tags: ['editions'], summary: 'Layer x phase matrix with item counts' } }, (request) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return editionMatrix(ctx, request.actor, id);
  });

  app.get('/api/editions/:id/requirements', { schema: { tags: ['editions'], summary: 'Requirements, optionally of one layer x phase cell' } }, (request) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const q = parseInput(CellQuery, request.query, 'query');
    return editionRequirements(ctx, request.actor, id, q.layer, q.phase);
  });

  app.get('/api/editions/:id/requirements/:requirementId', { schema: { tags: ['editions'], summary: 'One requirement in full' } }, (request) => {
    const p = parseInput(IdParams.extend({ requirementId: z.string().min(1).max(200) }), request.params, 'params');
    return editionRequirement(ctx, request.actor, p.id, p.requirementId);
  });
}
