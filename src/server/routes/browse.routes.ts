import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GLOSSARY_ORDERS } from '../../core/browse/glossary-view.js';
import { editionGlossary, editionGlossaryTerm, editionStandard, editionStandards, editionTaxonomy } from '../../services/browse.service.js';
import type { ServiceContext } from '../../services/context.js';
import { parseInput } from '../validate-input.js';
import { EditionStandardParams, IdParams, ItemRouteId } from '../route-params.js';

const TermParams = IdParams.extend({ termId: ItemRouteId });
const GlossaryQuery = z.object({ order: z.enum(GLOSSARY_ORDERS).default('kana') }).strict();

/** Taxonomy, standards and glossary of an edition, read-only. */
export async function browseRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.get(
    '/api/editions/:id/taxonomy',
    { schema: { tags: ['editions'], summary: 'Layers, stages, phases, threat category tree and applicability conditions of the edition' } },
    (request) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      return editionTaxonomy(ctx, request.actor, id);
    },
  );

  app.get('/api/editions/:id/standards', { schema: { tags: ['standards'], summary: 'Standards the edition maps to, with requirement counts' } }, (request) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return editionStandards(ctx, request.actor, id);
  });

  app.get(
    '/api/editions/:id/standards/:standardId',
    { schema: { tags: ['standards'], summary: 'One standard: its requirements in tree order with the items that reach each, out-of-scope reasons and gaps' } },
    (request) => {
      const p = parseInput(EditionStandardParams, request.params, 'params');
      return editionStandard(ctx, request.actor, p.id, p.standardId);
    },
  );

  app.get('/api/editions/:id/glossary', { schema: { tags: ['glossary'], summary: 'Glossary terms in kana (あいうえお) or alpha (ABC) order' } }, (request) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const { order } = parseInput(GlossaryQuery, request.query, 'query');
    return editionGlossary(ctx, request.actor, id, order);
  });

  app.get(
    '/api/editions/:id/glossary/:termId',
    { schema: { tags: ['glossary'], summary: 'One glossary term, where it is used and its related terms' } },
    (request) => {
      const p = parseInput(TermParams, request.params, 'params');
      return editionGlossaryTerm(ctx, request.actor, p.id, p.termId);
    },
  );
}
