import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import { cancelRun, listRuns, ProbeRunInput, runDetail, SCOPE_TEXT_LIMIT, startProbeRun } from '../../services/probe-runs.service.js';
import { AcceptInput, acceptSuggestions, assessmentSuggestions } from '../../services/suggestions.service.js';
import { fieldsIn, placingFields } from '../field-places.js';
import { docSchema, parseInput } from '../validate-input.js';
import { IdParams, RouteId, requireSignedIn } from '../route-params.js';

const RunParams = IdParams.extend({ runId: RouteId });

/** The JSON body of a start request carries the scope text (uploaded file or form); a little room for the rest. */
const START_BODY_LIMIT = SCOPE_TEXT_LIMIT * 4 + 16 * 1024;

/** Device probe runs on an assessment, and the verdicts they suggest. */
export async function probeRunRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);
  const tags = ['probe runs'];

  app.post(
    '/api/assessments/:id/probe-runs',
    {
      bodyLimit: START_BODY_LIMIT,
      schema: { tags, summary: 'Start a probe run under a scope (YAML or JSON text) (assessor)', body: docSchema(ProbeRunInput) },
    },
    async (request, reply) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      return reply
        .status(202)
        .send(await placingFields(fieldsIn('body', 'scope', 'only'), () => startProbeRun(ctx, request.actor, id, parseInput(ProbeRunInput, request.body))));
    },
  );

  app.get(
    '/api/assessments/:id/probe-runs',
    { schema: { tags, summary: "The assessment's probe runs, newest first, with state and progress" } },
    async (request) => ({
      runs: await listRuns(ctx, request.actor, parseInput(IdParams, request.params, 'params').id),
    }),
  );

  app.get('/api/assessments/:id/probe-runs/:runId', { schema: { tags, summary: 'One run: scope, progress and findings with evidence' } }, async (request) => {
    const p = parseInput(RunParams, request.params, 'params');
    return runDetail(ctx, request.actor, p.id, p.runId);
  });

  app.post('/api/assessments/:id/probe-runs/:runId/cancel', { schema: { tags, summary: 'Ask a run to stop (assessor)' } }, async (request) => {
    const p = parseInput(RunParams, request.params, 'params');
    return cancelRun(ctx, request.actor, p.id, p.runId);
  });

  app.get(
    '/api/assessments/:id/suggestions',
    { schema: { tags, summary: 'Verdicts suggested by the runs, per check item, with the findings behind them' } },
    async (request) => assessmentSuggestions(ctx, request.actor, parseInput(IdParams, request.params, 'params').id),
  );

  app.post(
    '/api/assessments/:id/suggestions/accept',
    { schema: { tags, summary: 'Accept suggestions as answers (never over an answer unless overwrite)', body: docSchema(AcceptInput) } },
    async (request) =>
      placingFields(fieldsIn('body', 'requirementIds'), () =>
        acceptSuggestions(ctx, request.actor, parseInput(IdParams, request.params, 'params').id, parseInput(AcceptInput, request.body)),
      ),
  );
}
