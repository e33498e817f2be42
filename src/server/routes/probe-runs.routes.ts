import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';
import { cancelRun, listRuns, ProbeRunInput, runDetail, SCOPE_TEXT_LIMIT, startProbeRun } from '../../services/probe-runs.service.js';
import { AcceptInput, acceptSuggestions, assessmentSuggestions } from '../../services/suggestions.service.js';
import { fieldsIn } from '../field-places.js';
import { taggedRoutes } from '../tagged-routes.js';
import { IdParams, RunParams, requireSignedIn } from '../route-params.js';

/** The JSON body of a start request carries the scope text (uploaded file or form); a little room for the rest. */
const START_BODY_LIMIT = SCOPE_TEXT_LIMIT * 4 + 16 * 1024;

/** Device probe runs on an assessment, and the verdicts they suggest. */
export async function probeRunRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);
  const routes = taggedRoutes(app, ['probe runs']);

  routes.post(
    {
      url: '/api/assessments/:id/probe-runs',
      summary: 'Start a probe run under a scope (YAML or JSON text) (assessor)',
      params: IdParams,
      body: ProbeRunInput,
      status: 202,
      options: { bodyLimit: START_BODY_LIMIT },
      places: fieldsIn('body', 'scope', 'only'),
    },
    ({ actor, params, body }) => startProbeRun(ctx, actor, params.id, body),
  );

  routes.get(
    { url: '/api/assessments/:id/probe-runs', summary: "The assessment's probe runs, newest first, with state and progress", params: IdParams },
    async ({ actor, params }) => ({ runs: await listRuns(ctx, actor, params.id) }),
  );

  routes.get(
    { url: '/api/assessments/:id/probe-runs/:runId', summary: 'One run: scope, progress and findings with evidence', params: RunParams },
    ({ actor, params: p }) => runDetail(ctx, actor, p.id, p.runId),
  );

  routes.post({ url: '/api/assessments/:id/probe-runs/:runId/cancel', summary: 'Ask a run to stop (assessor)', params: RunParams }, ({ actor, params: p }) =>
    cancelRun(ctx, actor, p.id, p.runId),
  );

  routes.get(
    { url: '/api/assessments/:id/suggestions', summary: 'Verdicts suggested by the runs, per check item, with the findings behind them', params: IdParams },
    ({ actor, params }) => assessmentSuggestions(ctx, actor, params.id),
  );

  routes.post(
    {
      url: '/api/assessments/:id/suggestions/accept',
      summary: 'Accept suggestions as answers (never over an answer unless overwrite)',
      params: IdParams,
      body: AcceptInput,
      places: fieldsIn('body', 'requirementIds'),
    },
    ({ actor, params, body }) => acceptSuggestions(ctx, actor, params.id, body),
  );
}
