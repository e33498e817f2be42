import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import {
  AcceptInput,
  acceptProposal,
  getProposal,
  ProposalInput,
  ProposalListQuery,
  RejectInput,
  rejectProposal,
  submitProposal,
  visibleProposals,
} from '../../services/proposals.service.js';
import { fieldsIn, placingFields } from '../field-places.js';
import { docSchema, parseInput } from '../validate-input.js';
import { IdParams, requireSignedIn } from '../route-params.js';

/** Member proposals (課題): submit, list and read what the caller may see; editors accept or reject. */
export async function proposalRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);

  app.post('/api/proposals', { schema: { tags: ['proposals'], summary: 'Submit a proposal', body: docSchema(ProposalInput) } }, async (request, reply) =>
    reply.status(201).send({ proposal: await submitProposal(ctx, request.actor, parseInput(ProposalInput, request.body)) }),
  );

  app.get('/api/proposals', { schema: { tags: ['proposals'], summary: 'Proposals visible to the caller, newest first' } }, async (request) => ({
    proposals: await visibleProposals(ctx, request.actor, parseInput(ProposalListQuery, request.query, 'query')),
  }));

  app.get('/api/proposals/:id', { schema: { tags: ['proposals'], summary: 'One proposal with its outcome' } }, async (request) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return { proposal: await getProposal(ctx, request.actor, id) };
  });

  app.post(
    '/api/proposals/:id/accept',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Accept: link a requirement of the current edition or add a new one to a draft (editor)',
        body: docSchema(AcceptInput),
      },
    },
    async (request) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      return {
        proposal: await placingFields(fieldsIn('body', 'requirementId', 'newRequirement'), () =>
          acceptProposal(ctx, request.actor, id, parseInput(AcceptInput, request.body)),
        ),
      };
    },
  );

  app.post(
    '/api/proposals/:id/reject',
    { schema: { tags: ['proposals'], summary: 'Reject with a reason (editor)', body: docSchema(RejectInput) } },
    async (request) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      return { proposal: await rejectProposal(ctx, request.actor, id, parseInput(RejectInput, request.body)) };
    },
  );
}
