import { MAX_ROW_VERSION, rowVersion } from '../../services/input-rules.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Localized } from '../../core/model/edition.schema.js';
import { REVIEW_STATES } from '../../core/taxonomy.js';
import type { ServiceContext } from '../../services/context.js';
import {
  checkDraftItem,
  createDraftItem,
  deleteDraftItem,
  discardDraft,
  draftDiff,
  draftItem,
  draftOptions,
  draftOverview,
  listDrafts,
  openDraft,
  publishDraft,
  updateDraftItem,
  updateDraftTitle,
} from '../../services/drafts.service.js';
import { draftReviews, setDraftReview } from '../../services/draft-reviews.service.js';
import { requireEditor } from '../../services/draft-work.js';
import { fieldsIn, placingFields } from '../field-places.js';
import { docSchema, parseInput } from '../validate-input.js';
import { ItemRouteId, RouteId } from '../route-params.js';

const DraftParams = z.object({ draftId: RouteId });
const ItemParams = DraftParams.extend({ itemId: ItemRouteId });
const Version = rowVersion(1);
/** The item itself is judged by the draft's validation (same rules as `tebiki validate`), not here. */
const ItemObject = z.record(z.string(), z.unknown());

const OpenInput = z.object({ id: z.string().max(40), title: Localized }).strict();
const TitleInput = z.object({ title: Localized, version: Version }).strict();
const CheckInput = z.object({ kind: z.enum(['requirement', 'term']), item: ItemObject, mode: z.enum(['create', 'update']).optional() }).strict();
const PublishInput = z.object({ changelog: Localized, revision: z.number().int().nonnegative().optional() }).strict();
const ReviewsQuery = z.object({ state: z.enum(REVIEW_STATES).optional(), standard: z.string().min(1).max(100).optional() }).strict();
const ReviewInput = z
  .object({
    item: z.string().min(1).max(200),
    standard: z.string().min(1).max(100),
    requirement: z.string().min(1).max(200),
    state: z.enum(REVIEW_STATES),
    note: z.string().max(2000).optional(),
  })
  .strict();
const DeleteQuery = z.object({ version: z.coerce.number().int().positive().max(MAX_ROW_VERSION) }).strict();

/** Requirements and glossary terms share one set of routes: the URL segment and the body key differ. */
const KINDS = [
  { segment: 'requirements', kind: 'requirement' },
  { segment: 'terms', kind: 'term' },
] as const;

/** The draft editor's API: editors and admins only (anonymous 401, others 403). */
export async function draftRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', async (request) => requireEditor(request.actor));
  const tags = ['drafts'];

  app.get('/api/drafts', { schema: { tags, summary: 'Open drafts' } }, (request) => listDrafts(ctx, request.actor));

  app.post('/api/drafts', { schema: { tags, summary: 'Open a draft from the latest published edition', body: docSchema(OpenInput) } }, async (request, reply) =>
    reply.status(201).send(await openDraft(ctx, request.actor, parseInput(OpenInput, request.body))),
  );

  app.get('/api/drafts/:draftId', { schema: { tags, summary: 'A draft with its items and their versions' } }, (request) =>
    draftOverview(ctx, request.actor, parseInput(DraftParams, request.params, 'params').draftId),
  );

  app.delete('/api/drafts/:draftId', { schema: { tags, summary: 'Discard a draft' } }, async (request, reply) => {
    await discardDraft(ctx, request.actor, parseInput(DraftParams, request.params, 'params').draftId);
    return reply.status(204).send();
  });

  app.put('/api/drafts/:draftId/meta', { schema: { tags, summary: "Change the draft edition's title", body: docSchema(TitleInput) } }, (request) => {
    const { draftId } = parseInput(DraftParams, request.params, 'params');
    const body = parseInput(TitleInput, request.body);
    return updateDraftTitle(ctx, request.actor, draftId, body.title, body.version);
  });

  app.get('/api/drafts/:draftId/options', { schema: { tags, summary: 'Choices for the edit forms' } }, (request) =>
    draftOptions(ctx, request.actor, parseInput(DraftParams, request.params, 'params').draftId),
  );

  app.get('/api/drafts/:draftId/diff', { schema: { tags, summary: 'Changes against the published edition the draft was opened from' } }, (request) =>
    draftDiff(ctx, request.actor, parseInput(DraftParams, request.params, 'params').draftId),
  );

  app.post(
    '/api/drafts/:draftId/check',
    { schema: { tags, summary: 'Problems a write would meet; stores nothing', body: docSchema(CheckInput) } },
    (request) => {
      const { draftId } = parseInput(DraftParams, request.params, 'params');
      const body = parseInput(CheckInput, request.body);
      return checkDraftItem(ctx, request.actor, draftId, body.kind, body.item, body.mode);
    },
  );

  app.post(
    '/api/drafts/:draftId/publish',
    { schema: { tags, summary: 'Publish the draft as an immutable edition', body: docSchema(PublishInput) } },
    (request) => {
      const { draftId } = parseInput(DraftParams, request.params, 'params');
      const body = parseInput(PublishInput, request.body);
      return publishDraft(ctx, request.actor, draftId, body);
    },
  );

  app.get(
    '/api/drafts/:draftId/reviews',
    { schema: { tags, summary: 'Mappings of the draft with their review state; filter by state (the review queue: state=unreviewed) and standard' } },
    (request) => {
      const { draftId } = parseInput(DraftParams, request.params, 'params');
      return placingFields(fieldsIn('query', 'standard'), () => draftReviews(ctx, request.actor, draftId, parseInput(ReviewsQuery, request.query, 'query')));
    },
  );

  app.put(
    '/api/drafts/:draftId/reviews',
    { schema: { tags, summary: 'Set the review state of one mapping (reviewed / disputed with a note / unreviewed)', body: docSchema(ReviewInput) } },
    (request) => {
      const { draftId } = parseInput(DraftParams, request.params, 'params');
      return setDraftReview(ctx, request.actor, draftId, parseInput(ReviewInput, request.body));
    },
  );

  for (const { segment, kind } of KINDS) itemRoutes(app, ctx, segment, kind);
}

function itemRoutes(app: FastifyInstance, ctx: ServiceContext, segment: string, kind: 'requirement' | 'term') {
  const tags = ['drafts'];
  const CreateInput = z.object({ [kind]: ItemObject }).strict();
  const UpdateInput = z.object({ [kind]: ItemObject, version: Version }).strict();
  const one = `/api/drafts/:draftId/${segment}/:itemId`;
  const item = (body: Record<string, unknown>) => body[kind];

  app.get(one, { schema: { tags, summary: `One ${kind} of a draft with its version` } }, (request) => {
    const p = parseInput(ItemParams, request.params, 'params');
    return draftItem(ctx, request.actor, p.draftId, kind, p.itemId);
  });

  app.post(`/api/drafts/:draftId/${segment}`, { schema: { tags, summary: `Add a ${kind}`, body: docSchema(CreateInput) } }, async (request, reply) => {
    const { draftId } = parseInput(DraftParams, request.params, 'params');
    const body = parseInput(CreateInput, request.body);
    return reply.status(201).send(await createDraftItem(ctx, request.actor, draftId, kind, item(body)));
  });

  app.put(one, { schema: { tags, summary: `Replace a ${kind} (with the version it was read at)`, body: docSchema(UpdateInput) } }, (request) => {
    const p = parseInput(ItemParams, request.params, 'params');
    const body = parseInput(UpdateInput, request.body);
    return updateDraftItem(ctx, request.actor, p.draftId, kind, p.itemId, item(body), body.version as number);
  });

  app.delete(one, { schema: { tags, summary: `Delete a ${kind} (?version=N)` } }, async (request, reply) => {
    const p = parseInput(ItemParams, request.params, 'params');
    const { version } = parseInput(DeleteQuery, request.query, 'query');
    await deleteDraftItem(ctx, request.actor, p.draftId, kind, p.itemId, version);
    return reply.status(204).send();
  });
}
