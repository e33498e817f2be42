import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../../core/assessment/attachment-rules.js';
import { validationError } from '../../core/errors.js';
import type { ServiceContext } from '../../services/context.js';
import {
  cancelFirmwareAnalysis,
  listAssessmentFirmware,
  readFirmwareAnalysis,
  readFirmwareSbom,
  startFirmwareAnalysis,
} from '../../services/firmware-analyses.service.js';
import { acceptFirmwareSuggestion, firmwareSuggestions } from '../../services/firmware-suggestions.service.js';
import { placingFields } from '../field-places.js';
import { parseInput } from '../validate-input.js';
import { taggedRoutes } from '../tagged-routes.js';
import { AnalysisItemParams, AnalysisParams, IdParams, requireSignedIn } from '../route-params.js';

/** Firmware analyses of an assessment: upload (streamed), progress, cancel, findings, SBOM, suggestions. */
export async function firmwareRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  app.addHook('onRequest', requireSignedIn);
  const tags = ['firmware'];
  const routes = taggedRoutes(app, tags);

  routes.get(
    { url: '/api/assessments/:id/firmware', summary: 'Firmware analyses of an assessment, newest first', params: IdParams },
    async ({ actor, params }) => ({
      analyses: await listAssessmentFirmware(ctx, actor, params.id),
    }),
  );

  routes.get(
    { url: '/api/assessments/:id/firmware/:analysisId', summary: 'One analysis: state, progress, findings, binaries', params: AnalysisParams },
    ({ actor, params: p }) => readFirmwareAnalysis(ctx, actor, p.id, p.analysisId),
  );

  routes.post(
    { url: '/api/assessments/:id/firmware/:analysisId/cancel', summary: 'Ask a queued or running analysis to stop', params: AnalysisParams },
    ({ actor, params: p }) => cancelFirmwareAnalysis(ctx, actor, p.id, p.analysisId),
  );

  routes.get(
    { url: '/api/assessments/:id/firmware/:analysisId/sbom', summary: 'The derived CycloneDX 1.6 SBOM', params: AnalysisParams },
    async ({ actor, params: p, reply }) => {
      const { filename, sbom } = await readFirmwareSbom(ctx, actor, p.id, p.analysisId);
      return reply
        .header('content-type', 'application/vnd.cyclonedx+json; charset=utf-8')
        .header('content-disposition', contentDisposition(filename, 'attachment'))
        .send(sbom);
    },
  );

  routes.get(
    { url: '/api/assessments/:id/firmware/:analysisId/suggestions', summary: 'Suggested verdicts for the linked check items', params: AnalysisParams },
    async ({ actor, params: p }) => ({ suggestions: await firmwareSuggestions(ctx, actor, p.id, p.analysisId) }),
  );

  routes.post(
    {
      url: '/api/assessments/:id/firmware/:analysisId/suggestions/:requirementId/accept',
      summary: 'Accept a suggestion: the answer takes its verdict and records the analysis',
      params: AnalysisItemParams,
    },
    ({ actor, params: p }) => acceptFirmwareSuggestion(ctx, actor, p.id, p.analysisId, p.requirementId),
  );

  // The image is streamed to the data folder as it arrives (never buffered whole);
  // the service enforces TEBIKI_FIRMWARE_MAX_MB while it reads.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    raw.post(
      '/api/assessments/:id/firmware',
      { schema: { tags, summary: 'Upload an image and start its analysis (raw body; x-filename percent-encoded)' } },
      async (request, reply) => {
        const { id } = parseInput(IdParams, request.params, 'params');
        const header = request.headers['x-filename'];
        const body = request.body as NodeJS.ReadableStream | undefined;
        if (!body) throw validationError('body', 'the image is missing', 'missing');
        const analysis = await placingFields({ filename: 'headers.x-filename' }, () =>
          startFirmwareAnalysis(ctx, request.actor, id, { filename: Array.isArray(header) ? header[0] : header, body }),
        );
        return reply.status(202).send(analysis);
      },
    );
  });
}
