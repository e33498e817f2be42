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
import { fieldsIn, placingFields } from '../field-places.js';
import { docSchema, parseInput } from '../validate-input.js';
import { AssessmentItemParams, IdParams, OrgParams, ProductParams, RouteId, requireSignedIn } from '../route-params.js';

const ReviewParams = IdParams.extend({ reviewId: RouteId });
/** Submit, send back and accept carry nothing: an empty object, or no body at all. */
const NoInput = z.object({}).strict();

/** Self-assessment (自己診断): the member answers and submits, the consortium reviews, sends back or accepts. */
export async function selfAssessmentRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);
  const tags = ['self-assessment'];

  app.get(
    '/api/organisations/:orgId/self-assessment',
    { schema: { tags, summary: 'Whether the organisation’s members may self-assess, and whether the caller may change it' } },
    async (request) => selfAssessmentPermission(ctx, request.actor, parseInput(OrgParams, request.params, 'params').orgId),
  );

  app.put(
    '/api/organisations/:orgId/self-assessment',
    { schema: { tags, summary: 'Allow or stop self-assessment (organisation manager or admin)', body: docSchema(PermissionInput) } },
    async (request) =>
      setSelfAssessmentPermission(ctx, request.actor, parseInput(OrgParams, request.params, 'params').orgId, parseInput(PermissionInput, request.body)),
  );

  app.post(
    '/api/products/:productId/self-assessments',
    { schema: { tags, summary: 'Start a self-assessment of the own organisation’s product (permitted member)', body: docSchema(SelfAssessmentInput) } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await placingFields(fieldsIn('body', 'editionId', 'spec'), () =>
            createSelfAssessment(
              ctx,
              request.actor,
              parseInput(ProductParams, request.params, 'params').productId,
              parseInput(SelfAssessmentInput, request.body),
            ),
          ),
        ),
  );

  app.get(
    '/api/assessments/:id/self-assessment',
    { schema: { tags, summary: 'The self-assessment: state, both verdicts per item, reviews and replies' } },
    async (request) => getSelfAssessment(ctx, request.actor, parseInput(IdParams, request.params, 'params').id),
  );

  /** The moves that carry nothing but the assessment: each refuses any body field. */
  const moves = [
    { path: 'submit', summary: 'Submit for review (member; draft or sent back)', run: submitSelfAssessment },
    { path: 'send-back', summary: 'Send back for changes (assessor; needs a disagreement)', run: sendBack },
    { path: 'accept', summary: 'Accept (assessor); unreviewed answered items are agreed', run: accept },
  ];
  for (const move of moves) {
    app.post(`/api/assessments/:id/self-assessment/${move.path}`, { schema: { tags, summary: move.summary, body: docSchema(NoInput) } }, async (request) => {
      parseInput(NoInput, request.body ?? {});
      return move.run(ctx, request.actor, parseInput(IdParams, request.params, 'params').id);
    });
  }

  app.put(
    '/api/assessments/:id/self-assessment/reviews/:requirementId',
    { schema: { tags, summary: 'Review one item: agree, or disagree with a comment and a corrected verdict (assessor)', body: docSchema(ReviewInput) } },
    async (request) => {
      const p = parseInput(AssessmentItemParams, request.params, 'params');
      return placingFields(fieldsIn('body', 'decision', 'comment', 'correctedVerdict'), () =>
        reviewItem(ctx, request.actor, p.id, p.requirementId, parseInput(ReviewInput, request.body)),
      );
    },
  );

  app.post(
    '/api/assessments/:id/self-assessment/reviews/:reviewId/replies',
    { schema: { tags, summary: 'Reply to a review comment (member or assessor)', body: docSchema(ReplyInput) } },
    async (request, reply) => {
      const p = parseInput(ReviewParams, request.params, 'params');
      return reply.status(201).send(await replyToReview(ctx, request.actor, p.id, p.reviewId, parseInput(ReplyInput, request.body)));
    },
  );
}
