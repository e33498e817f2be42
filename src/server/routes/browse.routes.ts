import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GLOSSARY_ORDERS } from '../../core/browse/glossary-view.js';
import { editionGlossary, editionGlossaryTerm, editionStandard, editionStandards, editionTaxonomy } from '../../services/browse.service.js';
import type { ServiceContext } from '../../services/context.js';
import { taggedRoutes } from '../tagged-routes.js';
import { EditionStandardParams, IdParams, TermParams } from '../route-params.js';

const GlossaryQuery = z.object({ order: z.enum(GLOSSARY_ORDERS).default('kana') }).strict();

/** Taxonomy, standards and glossary of an edition, read-only. */
export async function browseRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  const editions = taggedRoutes(app, ['editions']);
  const standards = taggedRoutes(app, ['standards']);
  const glossary = taggedRoutes(app, ['glossary']);

  editions.get(
    {
      url: '/api/editions/:id/taxonomy',
      summary: 'Layers, stages, phases, threat category tree and applicability conditions of the edition',
      params: IdParams,
    },
    ({ actor, params }) => editionTaxonomy(ctx, actor, params.id),
  );

  standards.get(
    { url: '/api/editions/:id/standards', summary: 'Standards the edition maps to, with requirement counts', params: IdParams },
    ({ actor, params }) => editionStandards(ctx, actor, params.id),
  );

  standards.get(
    {
      url: '/api/editions/:id/standards/:standardId',
      summary: 'One standard: its requirements in tree order with the items that reach each, out-of-scope reasons and gaps',
      params: EditionStandardParams,
    },
    ({ actor, params: p }) => editionStandard(ctx, actor, p.id, p.standardId),
  );

  glossary.get(
    { url: '/api/editions/:id/glossary', summary: 'Glossary terms in kana (あいうえお) or alpha (ABC) order', params: IdParams, query: GlossaryQuery },
    ({ actor, params, query }) => editionGlossary(ctx, actor, params.id, query.order),
  );

  glossary.get(
    { url: '/api/editions/:id/glossary/:termId', summary: 'One glossary term, where it is used and its related terms', params: TermParams },
    ({ actor, params: p }) => editionGlossaryTerm(ctx, actor, p.id, p.termId),
  );
}
