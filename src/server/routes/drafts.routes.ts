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
import { fieldsIn } from '../field-places.js';
import { taggedRoutes } from '../tagged-routes.js';
import { DraftItemParams, DraftParams } from '../route-params.js';

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
  const routes = taggedRoutes(app, ['drafts']);

  routes.get({ url: '/api/drafts', summary: 'Open drafts' }, ({ actor }) => listDrafts(ctx, actor));

  routes.post({ url: '/api/drafts', summary: 'Open a draft from the latest published edition', body: OpenInput, status: 201 }, ({ actor, body }) =>
    openDraft(ctx, actor, body),
  );

  routes.get({ url: '/api/drafts/:draftId', summary: 'A draft with its items and their versions', params: DraftParams }, ({ actor, params }) =>
    draftOverview(ctx, actor, params.draftId),
  );

  routes.delete({ url: '/api/drafts/:draftId', summary: 'Discard a draft', params: DraftParams, status: 204 }, ({ actor, params }) =>
    discardDraft(ctx, actor, params.draftId),
  );

  routes.put(
    { url: '/api/drafts/:draftId/meta', summary: "Change the draft edition's title", params: DraftParams, body: TitleInput },
    ({ actor, params, body }) => updateDraftTitle(ctx, actor, params.draftId, body.title, body.version),
  );

  routes.get({ url: '/api/drafts/:draftId/options', summary: 'Choices for the edit forms', params: DraftParams }, ({ actor, params }) =>
    draftOptions(ctx, actor, params.draftId),
  );

  routes.get(
    { url: '/api/drafts/:draftId/diff', summary: 'Changes against the published edition the draft was opened from', params: DraftParams },
    ({ actor, params }) => draftDiff(ctx, actor, params.draftId),
  );

  routes.post(
    { url: '/api/drafts/:draftId/check', summary: 'Problems a write would meet; stores nothing', params: DraftParams, body: CheckInput },
    ({ actor, params, body }) => checkDraftItem(ctx, actor, params.draftId, body.kind, body.item, body.mode),
  );

  routes.post(
    { url: '/api/drafts/:draftId/publish', summary: 'Publish the draft as an immutable edition', params: DraftParams, body: PublishInput },
    ({ actor, params, body }) => publishDraft(ctx, actor, params.draftId, body),
  );

  routes.get(
    {
      url: '/api/drafts/:draftId/reviews',
      summary: 'Mappings of the draft with their review state; filter by state (the review queue: state=unreviewed) and standard',
      params: DraftParams,
      query: ReviewsQuery,
      places: fieldsIn('query', 'standard'),
    },
    ({ actor, params, query }) => draftReviews(ctx, actor, params.draftId, query),
  );

  routes.put(
    {
      url: '/api/drafts/:draftId/reviews',
      summary: 'Set the review state of one mapping (reviewed / disputed with a note / unreviewed)',
      params: DraftParams,
      body: ReviewInput,
    },
    ({ actor, params, body }) => setDraftReview(ctx, actor, params.draftId, body),
  );

  for (const { segment, kind } of KINDS) itemRoutes(app, ctx, segment, kind);
}

function itemRoutes(app: FastifyInstance, ctx: ServiceContext, segment: string, kind: 'requirement' | 'term') {
  const routes = taggedRoutes(app, ['drafts']);
  const CreateInput = z.object({ [kind]: ItemObject }).strict();
  const UpdateInput = z.object({ [kind]: ItemObject, version: Version }).strict();
  const one = `/api/drafts/:draftId/${segment}/:itemId`;
  const item = (body: Record<string, unknown>) => body[kind];

  routes.get({ url: one, summary: `One ${kind} of a draft with its version`, params: DraftItemParams }, ({ actor, params: p }) =>
    draftItem(ctx, actor, p.draftId, kind, p.itemId),
  );

  routes.post(
    { url: `/api/drafts/:draftId/${segment}`, summary: `Add a ${kind}`, params: DraftParams, body: CreateInput, status: 201 },
    ({ actor, params, body }) => createDraftItem(ctx, actor, params.draftId, kind, item(body)),
  );

  routes.put(
    { url: one, summary: `Replace a ${kind} (with the version it was read at)`, params: DraftItemParams, body: UpdateInput },
    ({ actor, params: p, body }) => updateDraftItem(ctx, actor, p.draftId, kind, p.itemId, item(body), body.version as number),
  );

  routes.delete(
    { url: one, summary: `Delete a ${kind} (?version=N)`, params: DraftItemParams, query: DeleteQuery, status: 204 },
    ({ actor, params: p, query }) => deleteDraftItem(ctx, actor, p.draftId, kind, p.itemId, query.version),
  );
}
