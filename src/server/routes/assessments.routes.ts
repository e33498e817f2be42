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
import { docSchema, parseInput } from '../validate-input.js';
import { AssessmentItemParams, IdParams, RouteId, requireSignedIn } from '../route-params.js';
import { jsonWithShared, sendGzippedJson, sendJsonOnce } from '../json-once.js';

const AttachmentParams = IdParams.extend({ attachmentId: RouteId });

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

  app.get('/api/assessments', { schema: { tags, summary: 'Assessments visible to the caller, most recently changed first' } }, async (request) => ({
    assessments: await visibleAssessments(ctx, request.actor, parseInput(AssessmentListQuery, request.query, 'query')),
  }));

  app.post(
    '/api/assessments',
    { schema: { tags, summary: 'Create an assessment of a product (assessor)', body: docSchema(AssessmentInput) } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await placingFields(fieldsIn('body', 'editionId', 'spec'), () => createAssessment(ctx, request.actor, parseInput(AssessmentInput, request.body))),
        ),
  );

  app.get('/api/assessments/compare', { schema: { tags, summary: 'Two assessments of one product side by side' } }, async (request, reply) => {
    const q = parseInput(CompareQuery, request.query, 'query');
    if (q.format === 'html') return sendFile(reply, await comparisonReport(ctx, request.actor, q.before, q.after, q.lang));
    return placingFields(fieldsIn('query', 'after'), () => compareTwo(ctx, request.actor, q.before, q.after));
  });

  app.get('/api/assessments/:id', { schema: { tags, summary: 'One assessment with its items and answers' } }, async (request, reply) => {
    const { items, ...rest } = await getAssessment(ctx, request.actor, parseInput(IdParams, request.params, 'params').id);
    return reply.type('application/json; charset=utf-8').send(jsonWithShared(rest, 'items', items));
  });

  app.patch('/api/assessments/:id', { schema: { tags, summary: 'Change title or product version', body: docSchema(AssessmentPatch) } }, async (request) =>
    patchAssessment(ctx, request.actor, parseInput(IdParams, request.params, 'params').id, parseInput(AssessmentPatch, request.body)),
  );

  app.post(
    '/api/assessments/:id/status',
    { schema: { tags, summary: 'Move through draft → in progress → in review → final', body: docSchema(StatusInput) } },
    async (request) => changeStatus(ctx, request.actor, parseInput(IdParams, request.params, 'params').id, parseInput(StatusInput, request.body)),
  );

  app.post(
    '/api/assessments/:id/move',
    { schema: { tags, summary: 'Carry over to a newer edition as a new assessment', body: docSchema(MoveInput) } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await placingFields(fieldsIn('body', 'editionId', 'spec'), () =>
            moveAssessment(ctx, request.actor, parseInput(IdParams, request.params, 'params').id, parseInput(MoveInput, request.body)),
          ),
        ),
  );

  app.put(
    '/api/assessments/:id/answers/:requirementId',
    {
      schema: {
        tags,
        summary: 'Answer one check item (send the version you read; a newer one answers 409 with the current answer)',
        body: docSchema(AnswerInput),
      },
    },
    async (request) => {
      const p = parseInput(AssessmentItemParams, request.params, 'params');
      return placingFields(fieldsIn('body', 'verdict', 'evidence', 'comment'), () =>
        answerItem(ctx, request.actor, p.id, p.requirementId, parseInput(AnswerInput, request.body)),
      );
    },
  );

  app.post(
    '/api/assessments/:id/answers',
    { schema: { tags, summary: 'One verdict and comment for several items, all or nothing', body: docSchema(BulkAnswerInput) } },
    async (request) =>
      placingFields(fieldsIn('body', 'items', 'verdict', 'comment'), () =>
        answerItems(ctx, request.actor, parseInput(IdParams, request.params, 'params').id, parseInput(BulkAnswerInput, request.body)),
      ),
  );

  app.get('/api/assessments/:id/answers/:requirementId/history', { schema: { tags, summary: "One item's answers, newest first" } }, async (request) => {
    const p = parseInput(AssessmentItemParams, request.params, 'params');
    return answerHistory(ctx, request.actor, p.id, p.requirementId);
  });

  app.put(
    '/api/assessments/:id/answers/:requirementId/defect',
    { schema: { tags, summary: 'Flag the check item itself; files a proposal for the editors', body: docSchema(DefectInput) } },
    async (request) => {
      const p = parseInput(AssessmentItemParams, request.params, 'params');
      return placingFields(fieldsIn('body', 'note'), () => flagDefect(ctx, request.actor, p.id, p.requirementId, parseInput(DefectInput, request.body)));
    },
  );

  app.delete('/api/assessments/:id/answers/:requirementId/defect', { schema: { tags, summary: 'Clear the flag (the proposal stays)' } }, async (request) => {
    const p = parseInput(AssessmentItemParams, request.params, 'params');
    return clearDefect(ctx, request.actor, p.id, p.requirementId);
  });

  app.get('/api/assessments/:id/attachments/:attachmentId', { schema: { tags, summary: 'Download an evidence file' } }, async (request, reply) => {
    const p = parseInput(AttachmentParams, request.params, 'params');
    const { meta, content } = await readAttachment(ctx, request.actor, p.id, p.attachmentId);
    const text = meta.mediaType.startsWith('text/') || meta.mediaType === 'application/json';
    return reply
      .header('content-type', text ? `${meta.mediaType}; charset=utf-8` : meta.mediaType)
      .header('content-disposition', contentDisposition(meta.downloadName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .send(content);
  });

  app.delete('/api/assessments/:id/attachments/:attachmentId', { schema: { tags, summary: 'Remove an evidence file' } }, async (request, reply) => {
    const p = parseInput(AttachmentParams, request.params, 'params');
    await removeAttachment(ctx, request.actor, p.id, p.attachmentId);
    return reply.status(204).send();
  });

  app.get('/api/assessments/:id/results', { schema: { tags, summary: 'Scores, readiness and the view from one standard' } }, async (request, reply) => {
    const results = await placingFields(fieldsIn('query', 'standard'), () =>
      assessmentResults(ctx, request.actor, parseInput(IdParams, request.params, 'params').id, parseInput(ResultsQuery, request.query, 'query')),
    );
    return results.kind === 'kept' ? sendGzippedJson(request, reply, results.gzipJson) : sendJsonOnce(request, reply, results.results);
  });

  app.get('/api/assessments/:id/workbook', { schema: { tags, summary: 'The checksheet as a filled xlsx workbook' } }, async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const { lang } = parseInput(LangQuery, request.query, 'query');
    const { filename, content } = await exportWorkbook(ctx, request.actor, id, lang);
    return sendFile(reply, { filename, mediaType: XLSX, content });
  });

  app.get('/api/assessments/:id/report', { schema: { tags, summary: 'Report: html, pdf, json, xlsx or OSCAL assessment results' } }, async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return sendFile(reply, await assessmentReport(ctx, request.actor, id, parseInput(ReportQuery, request.query, 'query')));
  });

  app.get('/api/assessments/:id/pack', { schema: { tags, summary: 'Conformity pack (zip) of a final assessment for a scheme' } }, async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const q = parseInput(PackQuery, request.query, 'query');
    const { zip, filename, pack } = await conformityPack(ctx, request.actor, id, q.scheme, q.lang);
    reply.header('x-tebiki-pack-state', pack.check.state);
    return sendFile(reply, { filename, mediaType: 'application/zip', content: zip });
  });

  app.get(
    '/api/assessments/:id/pack-check',
    { schema: { tags, summary: 'What a conformity pack would lack (self-check), without making it' } },
    async (request) => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const pack = await conformityPackCheck(ctx, request.actor, id, parseInput(PackCheckQuery, request.query, 'query').scheme);
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
        const p = parseInput(AssessmentItemParams, request.params, 'params');
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
        if (type !== XLSX) throw validationErrors([{ path: 'headers.content-type', message: `must be ${XLSX}` }], `send the workbook as ${XLSX}`);
        return importWorkbook(ctx, request.actor, id, bodyBytes(request.body));
      },
    );
  });
}

function bodyBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
