import type { FastifyInstance, FastifyReply } from 'fastify';
import { ATTACHMENT_LIMITS, contentDisposition } from '../../core/assessment/attachment-rules.js';
import { validationErrors } from '../../core/errors.js';
import {
  AnswerInput,
  answerHistory,
  answerItem,
  answerItems,
  BulkAnswerInput,
  clearDefect,
  DefectInput,
  flagDefect,
} from '../../services/assessment-answers.service.js';
import { addAttachment, readAttachment, removeAttachment } from '../../services/assessment-attachments.service.js';
import { assessmentReport, comparisonReport, type ReportFile, ReportQuery } from '../../services/assessment-reports.service.js';
import { assessmentResults, CompareQuery, compareTwo, ResultsQuery } from '../../services/assessment-results.service.js';
import { exportWorkbook, importWorkbook, LangQuery } from '../../services/assessment-workbook.service.js';
import {
  AssessmentInput,
  AssessmentListQuery,
  AssessmentPatch,
  changeStatus,
  createAssessment,
  getAssessment,
  MoveInput,
  moveAssessment,
  patchAssessment,
  StatusInput,
  visibleAssessments,
} from '../../services/assessments.service.js';
import type { ServiceContext } from '../../services/context.js';
import { conformityPack, conformityPackCheck, PackCheckQuery, PackQuery } from '../../services/packs.service.js';
import { fieldsIn, placingFields } from '../field-places.js';
import { parseInput } from '../validate-input.js';
import { taggedRoutes } from '../tagged-routes.js';
import { AttachmentParams, IdParams, RequirementParams, requireSignedIn } from '../route-params.js';
import { jsonWithShared, sendGzippedJson, sendJsonOnce } from '../json-once.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where an evidence upload's fields come in: the name and type as headers, the file as the raw body. */
const UPLOAD_PLACES = { filename: 'headers.x-filename', contentType: 'headers.content-type', data: 'body' };
/** A filled workbook is mostly text in a zip; generous beside the 10 MiB evidence limit. */
const WORKBOOK_LIMIT = 20 * 1024 * 1024;

/** Reports are our own escaped HTML with inline styles and SVG: no scripts, nothing fetched. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'none'; sandbox";

function sendFile(reply: FastifyReply, file: ReportFile) {
  const inline = file.mediaType.startsWith('text/html');
  reply.header('content-type', file.mediaType).header('content-disposition', contentDisposition(file.filename, inline ? 'inline' : 'attachment'));
  if (inline) reply.header('content-security-policy', REPORT_CSP);
  return reply.send(file.content);
}

/** Assessments (診断): created for a member's product, answered, finalised, reported. */
export async function assessmentRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);
  const tags = ['assessments'];
  const routes = taggedRoutes(app, tags);

  routes.get(
    { url: '/api/assessments', summary: 'Assessments visible to the caller, most recently changed first', query: AssessmentListQuery },
    async ({ actor, query }) => ({
      assessments: await visibleAssessments(ctx, actor, query),
    }),
  );

  routes.post(
    {
      url: '/api/assessments',
      summary: 'Create an assessment of a product (assessor)',
      body: AssessmentInput,
      status: 201,
      places: fieldsIn('body', 'editionId', 'spec'),
    },
    ({ actor, body }) => createAssessment(ctx, actor, body),
  );

  routes.get(
    { url: '/api/assessments/compare', summary: 'Two assessments of one product side by side', query: CompareQuery },
    async ({ actor, query: q, reply }) => {
      if (q.format === 'html') return sendFile(reply, await comparisonReport(ctx, actor, q.before, q.after, q.lang));
      return placingFields(fieldsIn('query', 'after'), () => compareTwo(ctx, actor, q.before, q.after));
    },
  );

  routes.get({ url: '/api/assessments/:id', summary: 'One assessment with its items and answers', params: IdParams }, async ({ actor, params, reply }) => {
    const { items, ...rest } = await getAssessment(ctx, actor, params.id);
    return reply.type('application/json; charset=utf-8').send(jsonWithShared(rest, 'items', items));
  });

  routes.patch(
    { url: '/api/assessments/:id', summary: 'Change title or product version', params: IdParams, body: AssessmentPatch },
    ({ actor, params, body }) => patchAssessment(ctx, actor, params.id, body),
  );

  routes.post(
    { url: '/api/assessments/:id/status', summary: 'Move through draft → in progress → in review → final', params: IdParams, body: StatusInput },
    ({ actor, params, body }) => changeStatus(ctx, actor, params.id, body),
  );

  routes.post(
    {
      url: '/api/assessments/:id/move',
      summary: 'Carry over to a newer edition as a new assessment',
      params: IdParams,
      body: MoveInput,
      status: 201,
      places: fieldsIn('body', 'editionId', 'spec'),
    },
    ({ actor, params, body }) => moveAssessment(ctx, actor, params.id, body),
  );

  routes.put(
    {
      url: '/api/assessments/:id/answers/:requirementId',
      summary: 'Answer one check item (send the version you read; a newer one answers 409 with the current answer)',
      params: RequirementParams,
      body: AnswerInput,
      places: fieldsIn('body', 'verdict', 'evidence', 'comment'),
    },
    ({ actor, params: p, body }) => answerItem(ctx, actor, p.id, p.requirementId, body),
  );

  routes.post(
    {
      url: '/api/assessments/:id/answers',
      summary: 'One verdict and comment for several items, all or nothing',
      params: IdParams,
      body: BulkAnswerInput,
      places: fieldsIn('body', 'items', 'verdict', 'comment'),
    },
    ({ actor, params, body }) => answerItems(ctx, actor, params.id, body),
  );

  routes.get(
    { url: '/api/assessments/:id/answers/:requirementId/history', summary: "One item's answers, newest first", params: RequirementParams },
    ({ actor, params: p }) => answerHistory(ctx, actor, p.id, p.requirementId),
  );

  routes.put(
    {
      url: '/api/assessments/:id/answers/:requirementId/defect',
      summary: 'Flag the check item itself; files a proposal for the editors',
      params: RequirementParams,
      body: DefectInput,
      places: fieldsIn('body', 'note'),
    },
    ({ actor, params: p, body }) => flagDefect(ctx, actor, p.id, p.requirementId, body),
  );

  routes.delete(
    { url: '/api/assessments/:id/answers/:requirementId/defect', summary: 'Clear the flag (the proposal stays)', params: RequirementParams },
    ({ actor, params: p }) => clearDefect(ctx, actor, p.id, p.requirementId),
  );

  routes.get(
    { url: '/api/assessments/:id/attachments/:attachmentId', summary: 'Download an evidence file', params: AttachmentParams },
    async ({ actor, params: p, reply }) => {
      const { meta, content } = await readAttachment(ctx, actor, p.id, p.attachmentId);
      const text = meta.mediaType.startsWith('text/') || meta.mediaType === 'application/json';
      return reply
        .header('content-type', text ? `${meta.mediaType}; charset=utf-8` : meta.mediaType)
        .header('content-disposition', contentDisposition(meta.downloadName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  routes.delete(
    { url: '/api/assessments/:id/attachments/:attachmentId', summary: 'Remove an evidence file', params: AttachmentParams, status: 204 },
    ({ actor, params: p }) => removeAttachment(ctx, actor, p.id, p.attachmentId),
  );

  routes.get(
    {
      url: '/api/assessments/:id/results',
      summary: 'Scores, readiness and the view from one standard',
      params: IdParams,
      query: ResultsQuery,
      places: fieldsIn('query', 'standard'),
    },
    async ({ actor, params, query, request, reply }) => {
      const results = await assessmentResults(ctx, actor, params.id, query);
      return results.kind === 'kept' ? sendGzippedJson(request, reply, results.gzipJson) : sendJsonOnce(request, reply, results.results);
    },
  );

  routes.get(
    { url: '/api/assessments/:id/workbook', summary: 'The checksheet as a filled xlsx workbook', params: IdParams, query: LangQuery },
    async ({ actor, params, query, reply }) => {
      const { filename, content } = await exportWorkbook(ctx, actor, params.id, query.lang);
      return sendFile(reply, { filename, mediaType: XLSX, content });
    },
  );

  routes.get(
    { url: '/api/assessments/:id/report', summary: 'Report: html, pdf, json, xlsx or OSCAL assessment results', params: IdParams, query: ReportQuery },
    async ({ actor, params, query, reply }) => sendFile(reply, await assessmentReport(ctx, actor, params.id, query)),
  );

  routes.get(
    { url: '/api/assessments/:id/pack', summary: 'Conformity pack (zip) of a final assessment for a scheme', params: IdParams, query: PackQuery },
    async ({ actor, params, query: q, reply }) => {
      const { zip, filename, pack } = await conformityPack(ctx, actor, params.id, q.scheme, q.lang);
      reply.header('x-tebiki-pack-state', pack.check.state);
      return sendFile(reply, { filename, mediaType: 'application/zip', content: zip });
    },
  );

  routes.get(
    {
      url: '/api/assessments/:id/pack-check',
      summary: 'What a conformity pack would lack (self-check), without making it',
      params: IdParams,
      query: PackCheckQuery,
    },
    async ({ actor, params, query }) => {
      const pack = await conformityPackCheck(ctx, actor, params.id, query.scheme);
      return { scheme: pack.scheme, state: pack.check.state, gaps: pack.check.gaps };
    },
  );

  // Raw uploads (evidence files, filled workbooks): the body is kept as bytes,
  // whatever its type; the services check type and content. Only these routes.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WORKBOOK_LIMIT }, (_request, body, done) => done(null, body));

    raw.post(
      '/api/assessments/:id/answers/:requirementId/attachments',
      { bodyLimit: ATTACHMENT_LIMITS.maxBytes, schema: { tags, summary: 'Attach an evidence file (raw body; x-filename percent-encoded)' } },
      async (request, reply) => {
        const p = parseInput(RequirementParams, request.params, 'params');
        const header = request.headers['x-filename'];
        const meta = await placingFields(UPLOAD_PLACES, () =>
          addAttachment(ctx, request.actor, p.id, p.requirementId, {
            contentType: request.headers['content-type'],
            filename: Array.isArray(header) ? header[0] : header,
            data: bodyBytes(request.body),
          }),
        );
        return reply.status(201).send(meta);
      },
    );

    raw.post(
      '/api/assessments/:id/workbook',
      { bodyLimit: WORKBOOK_LIMIT, schema: { tags, summary: 'Import a filled workbook: all answers or nothing' } },
      async (request) => {
        const { id } = parseInput(IdParams, request.params, 'params');
        const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        if (type !== XLSX)
          throw validationErrors([{ path: 'headers.content-type', message: `must be ${XLSX}`, code: 'invalid' }], `send the workbook as ${XLSX}`);
        return importWorkbook(ctx, request.actor, id, bodyBytes(request.body));
      },
    );
  });
}

function bodyBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
