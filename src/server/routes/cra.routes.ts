import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../core/assessment/attachment-rules.js';
import type { Actor } from '../../core/authorization.js';
import type { ServiceContext } from '../../services/context.js';
import {
  AwarenessInput,
  CaseInput,
  CloseInput,
  ConfirmInput,
  CorrectiveInput,
  changeAwareness,
  closeCase,
  confirmCase,
  craDashboard,
  getCase,
  openCase,
  recordCorrective,
} from '../../services/cra-cases.service.js';
import { craEvidence } from '../../services/cra-evidence.service.js';
import {
  CsafQuery,
  craCaseCsaf,
  craReportFile,
  ExportQuery,
  markReportSent,
  ReportFieldsInput,
  SentInput,
  StageParam,
  saveReportDraft,
} from '../../services/cra-reports.service.js';
import { ContactsInput, CriteriaInput, currentCriteria, productContacts, saveCriteria, setProductContacts } from '../../services/cra-settings.service.js';
import { taggedRoutes } from '../tagged-routes.js';
import { CaseParams, OrgParams, ProductParams, requireSignedIn } from '../route-params.js';

const StageParams = CaseParams.extend({ stage: StageParam });
const DashboardQuery = z.object({ drill: z.enum(['true', 'false']).default('false'), closed: z.enum(['true', 'false']).default('false') }).strict();

/** EU CRA reporting: cases and their clocks, owners, triage criteria, report drafts, drills, CSAF. Nothing is sent anywhere. */
export async function craRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);
  const routes = taggedRoutes(app, ['cra']);

  routes.get({ url: '/api/cra/cases', summary: 'Open cases by time left (drill=true for drills only)', query: DashboardQuery }, async ({ actor, query }) => ({
    cases: await craDashboard(ctx, actor, { drill: query.drill === 'true', closed: query.closed === 'true' }),
  }));

  routes.post(
    { url: '/api/cra/cases', summary: 'Open a case (vulnerability or severe incident, real or drill)', body: CaseInput, status: 201 },
    ({ actor, body }) => openCase(ctx, actor, body),
  );

  routes.get({ url: '/api/cra/cases/:caseId', summary: 'One case with its clocks, reports and escalations', params: CaseParams }, ({ actor, params }) =>
    getCase(ctx, actor, params.caseId),
  );

  const caseAction = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (actor: Actor, caseId: string, input: z.output<S>) => Promise<unknown>,
  ) => routes.post({ url: `/api/cra/cases/:caseId/${path}`, summary, params: CaseParams, body }, (input) => run(input.actor, input.params.caseId, input.body));
  caseAction('confirm', 'Confirm a proposed (KEV) case as actively exploited', ConfirmInput, (actor, id, input) => confirmCase(ctx, actor, id, input));
  caseAction('awareness', 'Correct the awareness time, with a reason', AwarenessInput, (actor, id, input) => changeAwareness(ctx, actor, id, input));
  caseAction('corrective', 'Record that a corrective or mitigating measure is available', CorrectiveInput, (actor, id, input) =>
    recordCorrective(ctx, actor, id, input),
  );
  caseAction('close', 'Close a case or dismiss a proposal, with a reason', CloseInput, (actor, id, input) => closeCase(ctx, actor, id, input));

  routes.put(
    { url: '/api/cra/cases/:caseId/reports/:stage', summary: 'Save the draft of one stage', params: StageParams, body: ReportFieldsInput },
    ({ actor, params: p, body }) => saveReportDraft(ctx, actor, p.caseId, p.stage, body),
  );

  routes.post(
    { url: '/api/cra/cases/:caseId/reports/:stage/sent', summary: 'Mark a stage sent by a person, with the time', params: StageParams, body: SentInput },
    ({ actor, params: p, body }) => markReportSent(ctx, actor, p.caseId, p.stage, body),
  );

  routes.get(
    { url: '/api/cra/cases/:caseId/reports/:stage/export', summary: 'A stage as JSON or PDF (ja/en)', params: StageParams, query: ExportQuery },
    async ({ actor, params: p, query, reply }) => {
      const file = await craReportFile(ctx, actor, p.caseId, p.stage, query);
      return reply.header('content-type', file.mediaType).header('content-disposition', contentDisposition(file.filename, 'attachment')).send(file.content);
    },
  );

  routes.get(
    { url: '/api/cra/cases/:caseId/csaf', summary: 'A CSAF 2.0 advisory or VEX of the case', params: CaseParams, query: CsafQuery },
    async ({ actor, params: { caseId }, query: q, reply }) => {
      const doc = await craCaseCsaf(ctx, actor, caseId, q.profile, q.lang);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition(`csaf-${caseId.slice(0, 8)}-${q.profile}.json`, 'attachment'))
        .send(JSON.stringify(doc, null, 2));
    },
  );

  routes.get(
    { url: '/api/products/:productId/cra/contacts', summary: "A product's reporting owner and deputies", params: ProductParams },
    async ({ actor, params }) => ({
      contacts: await productContacts(ctx, actor, params.productId),
    }),
  );

  routes.put(
    { url: '/api/products/:productId/cra/contacts', summary: 'Name the owner and deputies', params: ProductParams, body: ContactsInput },
    async ({ actor, params, body }) => ({ contacts: await setProductContacts(ctx, actor, params.productId, body) }),
  );

  routes.get(
    { url: '/api/products/:productId/cra/evidence', summary: 'The cra.reporting finding and its suggestions', params: ProductParams },
    ({ actor, params }) => craEvidence(ctx, actor, params.productId),
  );

  routes.get({ url: '/api/organisations/:orgId/cra/criteria', summary: 'The current triage criteria', params: OrgParams }, ({ actor, params }) =>
    currentCriteria(ctx, actor, params.orgId),
  );

  routes.post(
    { url: '/api/organisations/:orgId/cra/criteria', summary: 'Save a new version of a checklist', params: OrgParams, body: CriteriaInput, status: 201 },
    ({ actor, params, body }) => saveCriteria(ctx, actor, params.orgId, body),
  );
}
