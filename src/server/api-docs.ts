import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fileRoutes } from './file-routes.js';
import { CSP } from './security-headers.plugin.js';

const require = createRequire(import.meta.url);

/** Swagger UI's files, served as swagger-ui-dist publishes them. */
const UI_FILES = ['/swagger-ui.css', '/swagger-ui-bundle.js', '/swagger-ui-standalone-preset.js', '/favicon-32x32.png', '/favicon-16x16.png'];

/** Nothing inline but style attributes, which Swagger UI sets as it renders. */
const DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tebiki API</title>
<link rel="stylesheet" href="/api/docs/static/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/static/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/static/swagger-ui-bundle.js"></script>
<script src="/api/docs/static/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/static/initializer.js"></script>
</body>
</html>
`;

/** Our start of the page: the OpenAPI document of this server, links to each operation. */
const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/docs/json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;

const hidden = { schema: { hide: true } };

/**
 * The API documentation at /api/docs: the OpenAPI document (JSON and YAML),
 * generated when first asked for, and the Swagger UI page reading it.
 */
export function apiDocsRoutes(app: FastifyInstance): void {
  app.get('/api/docs', hidden, (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', DOCS_CSP).send(PAGE));
  app.get('/api/docs/static/initializer.js', hidden, (_request, reply) => reply.type('text/javascript; charset=utf-8').send(INITIALIZER));
  app.get('/api/docs/json', hidden, () => app.swagger());
  app.get('/api/docs/yaml', hidden, (_request, reply) => reply.type('application/x-yaml; charset=utf-8').send(app.swagger({ yaml: true })));
  fileRoutes(app, dirname(require.resolve('swagger-ui-dist/package.json')), UI_FILES, '/api/docs/static');
}
