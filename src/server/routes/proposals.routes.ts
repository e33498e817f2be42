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
import { fieldsIn } from '../field-places.js';
import { taggedRoutes } from '../tagged-routes.js';
import { IdParams, requireSignedIn } from '../route-params.js';

/** Member proposals (課題): submit, list and read what the caller may see; editors accept or reject. */
export async function proposalRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);

  const routes = taggedRoutes(app, ['proposals']);

  routes.post({ url: '/api/proposals', summary: 'Submit a proposal', body: ProposalInput, status: 201 }, async ({ actor, body }) => ({
    proposal: await submitProposal(ctx, actor, body),
  }));

  routes.get({ url: '/api/proposals', summary: 'Proposals visible to the caller, newest first', query: ProposalListQuery }, async ({ actor, query }) => ({
    proposals: await visibleProposals(ctx, actor, query),
  }));

  routes.get({ url: '/api/proposals/:id', summary: 'One proposal with its outcome', params: IdParams }, async ({ actor, params }) => ({
    proposal: await getProposal(ctx, actor, params.id),
  }));

  routes.post(
    {
      url: '/api/proposals/:id/accept',
      summary: 'Accept: link a requirement of the current edition or add a new one to a draft (editor)',
      params: IdParams,
      body: AcceptInput,
      places: fieldsIn('body', 'requirementId', 'newRequirement'),
    },
    async ({ actor, params, body }) => ({
      proposal: await acceptProposal(ctx, actor, params.id, body),
    }),
  );

  routes.post(
    { url: '/api/proposals/:id/reject', summary: 'Reject with a reason (editor)', params: IdParams, body: RejectInput },
    async ({ actor, params, body }) => ({
      proposal: await rejectProposal(ctx, actor, params.id, body),
    }),
  );
}
