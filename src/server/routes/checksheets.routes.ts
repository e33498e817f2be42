import { checksheetExportHints } from '../../services/checksheets.service.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checksheetCsv, checksheetJson } from '../../reports/checksheet-export.js';
import { PUBLICATION_LANGS } from '../../reports/labels.js';
import { buildChecksheet, ChecksheetRequest } from '../../services/checksheets.service.js';
import type { ServiceContext } from '../../services/context.js';
import { writeChecksheetWorkbook } from '../../workbook/write-checksheet-workbook.js';
import { fieldsIn, placingFields } from '../field-places.js';
import { taggedRoutes } from '../tagged-routes.js';

const ExportQuery = z.object({ format: z.enum(['xlsx', 'csv', 'json']), lang: z.enum(PUBLICATION_LANGS).default('ja') }).strict();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Checksheets generated from an edition, previewed or downloaded without an assessment. */
export async function checksheetRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  const routes = taggedRoutes(app, ['checksheets']);

  routes.post(
    {
      url: '/api/checksheets/preview',
      summary: 'Generate a checksheet from an edition (filters, profile, target standard)',
      body: ChecksheetRequest,
      places: fieldsIn('body', 'spec'),
    },
    ({ actor, body }) => buildChecksheet(ctx, actor, body.editionId, body.spec),
  );

  routes.post(
    {
      url: '/api/checksheets/export',
      summary: 'Download a checksheet as xlsx, csv or json (format and lang in the query)',
      query: ExportQuery,
      body: ChecksheetRequest,
    },
    async ({ actor, query: { format, lang }, body: input, reply }) => {
      const checksheet = await placingFields(fieldsIn('body', 'spec'), () => buildChecksheet(ctx, actor, input.editionId, input.spec));
      const name = `checksheet-${checksheet.edition.id}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
      if (format === 'xlsx') {
        const hints = await checksheetExportHints(ctx, actor, input.editionId, checksheet);
        return reply.type(XLSX).send(await writeChecksheetWorkbook(checksheet, { lang, hints }));
      }
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(checksheetCsv(checksheet, lang));
      return reply.type('application/json; charset=utf-8').send(checksheetJson(checksheet));
    },
  );
}
