import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SBOM_MAX_BYTES } from '../../core/sbom/sbom.types.js';
import { VEX_JUSTIFICATIONS, VEX_STATUSES } from '../../core/vulnerability/vex.js';
import type { ServiceContext } from '../../services/context.js';
import {
  changeSeverityThreshold,
  exportVex,
  sbomOverview,
  sbomSuggestions,
  severityThreshold,
  triageVulnerability,
  uploadSbom,
  versionVulnerabilities,
} from '../../services/sboms.service.js';
import { SEVERITY_LEVELS } from '../../core/vulnerability/cvss.js';
import { ExploitedInput, markMatchExploited, VersionCsafQuery, versionCsaf } from '../../services/cra-from-sbom.service.js';
import { validationErrors } from '../../core/errors.js';
import { parseInput } from '../validate-input.js';
import { taggedRoutes } from '../tagged-routes.js';
import { ProductParams, ProductVersionParams, VulnerabilityParams } from '../route-params.js';

const tags = ['sboms'];
const VexQuery = z.object({ format: z.enum(['openvex', 'cyclonedx']).default('openvex') });
export const TriageInput = z
  .object({
    status: z.enum(VEX_STATUSES),
    justification: z.enum(VEX_JUSTIFICATIONS).optional(),
    actionStatement: z.string().max(4000).optional(),
    impactStatement: z.string().max(4000).optional(),
  })
  .strict();

export const ThresholdInput = z.object({ severityThreshold: z.enum(SEVERITY_LEVELS) }).strict();

/** SBOMs, known vulnerabilities, VEX triage and exports of a product version. */
export async function sbomRoutes(app: FastifyInstance, { ctx }: { ctx: ServiceContext }) {
  const routes = taggedRoutes(app, tags);
  routes.get(
    { url: '/api/products/:productId/sbom-settings', summary: "The product's severity threshold for known vulnerabilities", params: ProductParams },
    async ({ actor, params }) => ({ severityThreshold: await severityThreshold(ctx, actor, params.productId) }),
  );
  routes.put(
    {
      url: '/api/products/:productId/sbom-settings',
      summary: 'Change the severity threshold (none … critical; default high)',
      params: ProductParams,
      body: ThresholdInput,
    },
    ({ actor, params, body }) => changeSeverityThreshold(ctx, actor, params.productId, body.severityThreshold),
  );

  const base = '/api/products/:productId/versions/:version';
  routes.get(
    { url: `${base}/sboms`, summary: 'SBOMs of a product version, the components of the latest and its quality', params: ProductVersionParams },
    ({ actor, params: p }) => sbomOverview(ctx, actor, p.productId, p.version),
  );

  routes.get(
    { url: `${base}/vulnerabilities`, summary: 'Known vulnerabilities of a product version, with their triage', params: ProductVersionParams },
    ({ actor, params: p }) => versionVulnerabilities(ctx, actor, p.productId, p.version),
  );

  routes.get(
    { url: `${base}/sbom-suggestions`, summary: 'SBOM findings and what they suggest for linked guidebook items', params: ProductVersionParams },
    ({ actor, params: p }) => sbomSuggestions(ctx, actor, p.productId, p.version),
  );

  routes.put(
    { url: `${base}/vulnerabilities/:vulnerabilityId/triage`, summary: 'Record a VEX decision', params: VulnerabilityParams, body: TriageInput },
    ({ actor, params: p, body }) => triageVulnerability(ctx, actor, p.productId, p.version, p.vulnerabilityId, body),
  );

  routes.post(
    {
      url: `${base}/vulnerabilities/:vulnerabilityId/cra-case`,
      summary: 'Mark a matched vulnerability actively exploited: opens an EU CRA reporting case on this version',
      params: VulnerabilityParams,
      body: ExploitedInput,
      status: 201,
    },
    ({ actor, params: p, body }) => markMatchExploited(ctx, actor, p.productId, p.version, p.vulnerabilityId, body),
  );

  routes.get(
    {
      url: `${base}/csaf`,
      summary: "The version's triage as a CSAF 2.0 document (csaf_vex by default)",
      params: ProductVersionParams,
      query: VersionCsafQuery,
    },
    async ({ actor, params: p, query, reply }) => {
      const doc = await versionCsaf(ctx, actor, p.productId, p.version, query);
      const name = `csaf-${p.version.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .type('application/json')
        .send(JSON.stringify(doc, null, 2));
    },
  );

  routes.get(
    { url: `${base}/vex`, summary: 'The triage as OpenVEX or CycloneDX VEX', params: ProductVersionParams, query: VexQuery },
    async ({ actor, params: p, query: { format }, reply }) => {
      const doc = await exportVex(ctx, actor, p.productId, p.version, format);
      const name = `vex-${p.version.replace(/[^A-Za-z0-9._-]/g, '_')}.${format === 'openvex' ? 'openvex' : 'cdx'}.json`;
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .type('application/json')
        .send(JSON.stringify(doc, null, 2));
    },
  );

  // The SBOM arrives as the raw body (up to 50 MiB), its name percent-encoded in x-filename.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: SBOM_MAX_BYTES }, (_request, body, done) => done(null, body));
    raw.post(
      `${base}/sboms`,
      { bodyLimit: SBOM_MAX_BYTES, schema: { tags, summary: 'Upload an SBOM (raw body; x-filename percent-encoded)' } },
      async (request, reply) => {
        const p = parseInput(ProductVersionParams, request.params, 'params');
        const header = request.headers['x-filename'];
        const filename = decodedName(Array.isArray(header) ? header[0] : header);
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply.status(201).send(await uploadSbom(ctx, request.actor, p.productId, p.version, { filename, bytes }));
      },
    );
  });
}

function decodedName(header: string | undefined): string {
  try {
    return decodeURIComponent(header ?? 'sbom').slice(0, 255) || 'sbom';
  } catch {
    throw validationErrors([{ path: 'headers.x-filename', message: 'must be percent-encoded', code: 'bad-format' }], 'x-filename is not percent-encoded');
  }
}
