import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { editionKeywords, searchEdition } from '../../services/search.service.js';
import { fieldsIn, placingFields } from '../field-places.js';
import { parseInput } from '../validate-input.js';
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
  app.get(
    '/api/editions/:id/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search requirements, glossary terms and standard requirements (Japanese partial words, English prefixes), ranked, with snippets',
      },
    },
    (request) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const query = parseInput(SearchQuery, request.query, 'query');
      return placingFields(fieldsIn('query', 'q'), () =>
        searchEdition(ctx, request.actor, id, { q: query.q, limit: query.limit, ...(query.lang ? { lang: query.lang } : {}) }),
      );
    },
  );

  app.get(
    '/api/editions/:id/keywords',
    { schema: { tags: ['search'], summary: 'Candidate glossary terms: used in requirement texts, not yet in the glossary (editors and admins)' } },
    (request) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const { limit } = parseInput(KeywordsQuery, request.query, 'query');
      return editionKeywords(ctx, request.actor, id, limit);
    },
  );
}
