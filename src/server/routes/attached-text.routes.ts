import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { attachCatalogInEdition, editionAttachedText, editionItemHints } from '../../services/attached-texts.service.js';
import type { ServiceContext } from '../../services/context.js';
import { EditionStandardParams, RequirementParams, RouteId, StandardParams } from '../route-params.js';
import { taggedRoutes } from '../tagged-routes.js';
import { parseInput } from '../validate-input.js';

const AttachBody = z.object({ editionId: RouteId, fileName: z.string().min(1).max(200), text: z.string().min(1) }).strict();
/** NIST's rev3 XML catalog is about 0.8 MB. */
const ATTACH_LIMIT = 8 * 1024 * 1024;

/** The publisher's own requirement text attached to a standard (issue 16): read per standard and per item; admins attach. */
export async function attachedTextRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  const standards = taggedRoutes(app, ['standards']);

  standards.get(
    {
      url: '/api/editions/:id/standards/:standardId/attached-text',
      summary: "The publisher's own text per requirement, with its citation, where the standard allows it",
      params: EditionStandardParams,
    },
    ({ actor, params: p }) => editionAttachedText(ctx, actor, p.id, p.standardId),
  );

  standards.get(
    {
      url: '/api/editions/:id/requirements/:requirementId/attached-text',
      summary: "The publisher's own text of every standard requirement the item maps to",
      params: RequirementParams,
    },
    async ({ actor, params: p }) => ({ hints: await editionItemHints(ctx, actor, p.id, p.requirementId) }),
  );

  // The body is parsed here rather than declared, so that the API document stays as it was (it does not show this body).
  taggedRoutes(app, ['admin']).post(
    {
      url: '/api/admin/standards/:standardId/attached-text',
      summary: "Attach a publisher's OSCAL catalog (JSON or XML) to a standard that allows it",
      params: StandardParams,
      options: { bodyLimit: ATTACH_LIMIT },
    },
    ({ actor, params, request }) => {
      const body = parseInput(AttachBody, request.body, 'body');
      return attachCatalogInEdition(ctx, actor, { editionId: body.editionId, standardId: params.standardId, text: body.text, fileName: body.fileName });
    },
  );
}
