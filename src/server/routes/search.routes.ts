import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { editionKeywords, searchEdition } from '../../services/search.service.js';
import { fieldsIn } from '../field-places.js';
import { taggedRoutes } from '../tagged-routes.js';
import { IdParams } from '../route-params.js';

/** Blank and over-long queries are refused by the service, which names the field `q` (here `query.q`). */
const SearchQuery = z
  .object({
    q: z.string(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    lang: z.enum(['ja', 'en']).optional(),
  })
  .strict();

/** The keyword list can be long (every candidate with every place it occurs): a page of it at a time. */
export const KEYWORDS_DEFAULT_LIMIT = 200;
const KeywordsQuery = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(KEYWORDS_DEFAULT_LIMIT) }).strict();

/** Full-text search of an edition, and keyword extraction for editors. */
export async function searchRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  const routes = taggedRoutes(app, ['search']);

  routes.get(
    {
      url: '/api/editions/:id/search',
      summary: 'Search requirements, glossary terms and standard requirements (Japanese partial words, English prefixes), ranked, with snippets',
      params: IdParams,
      query: SearchQuery,
      places: fieldsIn('query', 'q'),
    },
    ({ actor, params, query }) => searchEdition(ctx, actor, params.id, { q: query.q, limit: query.limit, ...(query.lang ? { lang: query.lang } : {}) }),
  );

  routes.get(
    {
      url: '/api/editions/:id/keywords',
      summary: 'Candidate glossary terms: used in requirement texts, not yet in the glossary (editors and admins)',
      params: IdParams,
      query: KeywordsQuery,
    },
    ({ actor, params, query }) => editionKeywords(ctx, actor, params.id, query.limit),
  );
}
