import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { accept, ReplyInput, ReviewInput, replyToReview, reviewItem, sendBack } from '../../services/self-assessment-reviews.service.js';
import {
  createSelfAssessment,
  getSelfAssessment,
  PermissionInput,
  SelfAssessmentInput,
  selfAssessmentPermission,
  setSelfAssessmentPermission,
  submitSelfAssessment,
} from '../../services/self-assessments.service.js';
import { fieldsIn } from '../field-places.js';
import { taggedRoutes } from '../tagged-routes.js';
import { IdParams, OrgParams, ProductParams, RequirementParams, ReviewParams, requireSignedIn } from '../route-params.js';

/** Submit, send back and accept carry nothing: an empty object, or no body at all. */
const NoInput = z.object({}).strict();

/** Self-assessment (自己診断): the member answers and submits, the consortium reviews, sends back or accepts. */
export async function selfAssessmentRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);
  const routes = taggedRoutes(app, ['self-assessment']);

  routes.get(
    {
      url: '/api/organisations/:orgId/self-assessment',
      summary: 'Whether the organisation’s members may self-assess, and whether the caller may change it',
      params: OrgParams,
    },
    ({ actor, params }) => selfAssessmentPermission(ctx, actor, params.orgId),
  );

  routes.put(
    {
      url: '/api/organisations/:orgId/self-assessment',
      summary: 'Allow or stop self-assessment (organisation manager or admin)',
      params: OrgParams,
      body: PermissionInput,
    },
    ({ actor, params, body }) => setSelfAssessmentPermission(ctx, actor, params.orgId, body),
  );

  routes.post(
    {
      url: '/api/products/:productId/self-assessments',
      summary: 'Start a self-assessment of the own organisation’s product (permitted member)',
      params: ProductParams,
      body: SelfAssessmentInput,
      status: 201,
      places: fieldsIn('body', 'editionId', 'spec'),
    },
    ({ actor, params, body }) => createSelfAssessment(ctx, actor, params.productId, body),
  );

  routes.get(
    { url: '/api/assessments/:id/self-assessment', summary: 'The self-assessment: state, both verdicts per item, reviews and replies', params: IdParams },
    ({ actor, params }) => getSelfAssessment(ctx, actor, params.id),
  );

  /** The moves that carry nothing but the assessment: each refuses any body field. */
  const moves = [
    { path: 'submit', summary: 'Submit for review (member; draft or sent back)', run: submitSelfAssessment },
    { path: 'send-back', summary: 'Send back for changes (assessor; needs a disagreement)', run: sendBack },
    { path: 'accept', summary: 'Accept (assessor); unreviewed answered items are agreed', run: accept },
  ];
  for (const move of moves) {
    routes.post({ url: `/api/assessments/:id/self-assessment/${move.path}`, summary: move.summary, params: IdParams, body: NoInput }, ({ actor, params }) =>
      move.run(ctx, actor, params.id),
    );
  }

  routes.put(
    {
      url: '/api/assessments/:id/self-assessment/reviews/:requirementId',
      summary: 'Review one item: agree, or disagree with a comment and a corrected verdict (assessor)',
      params: RequirementParams,
      body: ReviewInput,
      places: fieldsIn('body', 'decision', 'comment', 'correctedVerdict'),
    },
    ({ actor, params: p, body }) => reviewItem(ctx, actor, p.id, p.requirementId, body),
  );

  routes.post(
    {
      url: '/api/assessments/:id/self-assessment/reviews/:reviewId/replies',
      summary: 'Reply to a review comment (member or assessor)',
      params: ReviewParams,
      body: ReplyInput,
      status: 201,
    },
    ({ actor, params: p, body }) => replyToReview(ctx, actor, p.id, p.reviewId, body),
  );
}
