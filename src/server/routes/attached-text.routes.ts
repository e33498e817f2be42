import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { attachCatalogInEdition, editionAttachedText, editionItemHints } from '../../services/attached-texts.service.js';
import type { ServiceContext } from '../../services/context.js';
import { EditionStandardParams, RouteId } from '../route-params.js';
import { parseInput } from '../validate-input.js';

const ItemParams = z.object({ id: RouteId, requirementId: RouteId });
const AttachBody = z.object({ editionId: RouteId, fileName: z.string().min(1).max(200), text: z.string().min(1) }).strict();
/** NIST's rev3 XML catalog is about 0.8 MB. */
const ATTACH_LIMIT = 8 * 1024 * 1024;

/** The publisher's own requirement text attached to a standard (issue 16): read per standard and per item; admins attach. */
export async function attachedTextRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.get(
    '/api/editions/:id/standards/:standardId/attached-text',
    { schema: { tags: ['standards'], summary: "The publisher's own text per requirement, with its citation, where the standard allows it" } },
    (request) => {
      const p = parseInput(EditionStandardParams, request.params, 'params');
      return editionAttachedText(ctx, request.actor, p.id, p.standardId);
    },
  );

  app.get(
    '/api/editions/:id/requirements/:requirementId/attached-text',
    { schema: { tags: ['standards'], summary: "The publisher's own text of every standard requirement the item maps to" } },
    async (request) => {
      const p = parseInput(ItemParams, request.params, 'params');
      return { hints: await editionItemHints(ctx, request.actor, p.id, p.requirementId) };
    },
  );

  app.post(
    '/api/admin/standards/:standardId/attached-text',
    { bodyLimit: ATTACH_LIMIT, schema: { tags: ['admin'], summary: "Attach a publisher's OSCAL catalog (JSON or XML) to a standard that allows it" } },
    (request) => {
      const { standardId } = parseInput(z.object({ standardId: RouteId }), request.params, 'params');
      const body = parseInput(AttachBody, request.body, 'body');
      return attachCatalogInEdition(ctx, request.actor, { editionId: body.editionId, standardId, text: body.text, fileName: body.fileName });
    },
  );
}
