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
import { docSchema, parseInput } from '../validate-input.js';
import { OrgParams, ProductParams, RouteId, requireSignedIn } from '../route-params.js';

const CaseParams = z.object({ caseId: RouteId });
const StageParams = CaseParams.extend({ stage: StageParam });
const DashboardQuery = z.object({ drill: z.enum(['true', 'false']).default('false'), closed: z.enum(['true', 'false']).default('false') }).strict();

/** EU CRA reporting: cases and their clocks, owners, triage criteria, report drafts, drills, CSAF. Nothing is sent anywhere. */
export async function craRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);
  const tags = ['cra'];

  app.get('/api/cra/cases', { schema: { tags, summary: 'Open cases by time left (drill=true for drills only)' } }, async (request) => {
    const q = parseInput(DashboardQuery, request.query, 'query');
    return { cases: await craDashboard(ctx, request.actor, { drill: q.drill === 'true', closed: q.closed === 'true' }) };
  });

  app.post(
    '/api/cra/cases',
    { schema: { tags, summary: 'Open a case (vulnerability or severe incident, real or drill)', body: docSchema(CaseInput) } },
    async (request, reply) => reply.status(201).send(await openCase(ctx, request.actor, parseInput(CaseInput, request.body))),
  );

  app.get('/api/cra/cases/:caseId', { schema: { tags, summary: 'One case with its clocks, reports and escalations' } }, async (request) =>
    getCase(ctx, request.actor, parseInput(CaseParams, request.params, 'params').caseId),
  );

  const caseAction = <S extends z.ZodType>(
    path: string,
    summary: string,
    schema: S,
    run: (actor: Actor, caseId: string, input: z.output<S>) => Promise<unknown>,
  ) =>
    app.post(`/api/cra/cases/:caseId/${path}`, { schema: { tags, summary, body: docSchema(schema) } }, async (request) =>
      run(request.actor, parseInput(CaseParams, request.params, 'params').caseId, parseInput(schema, request.body)),
    );
  caseAction('confirm', 'Confirm a proposed (KEV) case as actively exploited', ConfirmInput, (actor, id, input) => confirmCase(ctx, actor, id, input));
  caseAction('awareness', 'Correct the awareness time, with a reason', AwarenessInput, (actor, id, input) => changeAwareness(ctx, actor, id, input));
  caseAction('corrective', 'Record that a corrective or mitigating measure is available', CorrectiveInput, (actor, id, input) =>
    recordCorrective(ctx, actor, id, input),
  );
  caseAction('close', 'Close a case or dismiss a proposal, with a reason', CloseInput, (actor, id, input) => closeCase(ctx, actor, id, input));

  app.put(
    '/api/cra/cases/:caseId/reports/:stage',
    { schema: { tags, summary: 'Save the draft of one stage', body: docSchema(ReportFieldsInput) } },
    async (request) => {
      const p = parseInput(StageParams, request.params, 'params');
      return saveReportDraft(ctx, request.actor, p.caseId, p.stage, parseInput(ReportFieldsInput, request.body));
    },
  );

  app.post(
    '/api/cra/cases/:caseId/reports/:stage/sent',
    { schema: { tags, summary: 'Mark a stage sent by a person, with the time', body: docSchema(SentInput) } },
    async (request) => {
      const p = parseInput(StageParams, request.params, 'params');
      return markReportSent(ctx, request.actor, p.caseId, p.stage, parseInput(SentInput, request.body));
    },
  );

  app.get('/api/cra/cases/:caseId/reports/:stage/export', { schema: { tags, summary: 'A stage as JSON or PDF (ja/en)' } }, async (request, reply) => {
    const p = parseInput(StageParams, request.params, 'params');
    const file = await craReportFile(ctx, request.actor, p.caseId, p.stage, parseInput(ExportQuery, request.query, 'query'));
    return reply.header('content-type', file.mediaType).header('content-disposition', contentDisposition(file.filename, 'attachment')).send(file.content);
  });

  app.get('/api/cra/cases/:caseId/csaf', { schema: { tags, summary: 'A CSAF 2.0 advisory or VEX of the case' } }, async (request, reply) => {
    const { caseId } = parseInput(CaseParams, request.params, 'params');
    const q = parseInput(CsafQuery, request.query, 'query');
    const doc = await craCaseCsaf(ctx, request.actor, caseId, q.profile, q.lang);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', contentDisposition(`csaf-${caseId.slice(0, 8)}-${q.profile}.json`, 'attachment'))
      .send(JSON.stringify(doc, null, 2));
  });

  app.get('/api/products/:productId/cra/contacts', { schema: { tags, summary: "A product's reporting owner and deputies" } }, async (request) => ({
    contacts: await productContacts(ctx, request.actor, parseInput(ProductParams, request.params, 'params').productId),
  }));

  app.put(
    '/api/products/:productId/cra/contacts',
    { schema: { tags, summary: 'Name the owner and deputies', body: docSchema(ContactsInput) } },
    async (request) => ({
      contacts: await setProductContacts(
        ctx,
        request.actor,
        parseInput(ProductParams, request.params, 'params').productId,
        parseInput(ContactsInput, request.body),
      ),
    }),
  );

  app.get('/api/products/:productId/cra/evidence', { schema: { tags, summary: 'The cra.reporting finding and its suggestions' } }, async (request) =>
    craEvidence(ctx, request.actor, parseInput(ProductParams, request.params, 'params').productId),
  );

  app.get('/api/organisations/:orgId/cra/criteria', { schema: { tags, summary: 'The current triage criteria' } }, async (request) =>
    currentCriteria(ctx, request.actor, parseInput(OrgParams, request.params, 'params').orgId),
  );

  app.post(
    '/api/organisations/:orgId/cra/criteria',
    { schema: { tags, summary: 'Save a new version of a checklist', body: docSchema(CriteriaInput) } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await saveCriteria(ctx, request.actor, parseInput(OrgParams, request.params, 'params').orgId, parseInput(CriteriaInput, request.body))),
  );
}
