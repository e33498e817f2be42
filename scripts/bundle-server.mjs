// npm run build, after tsc: the server's entry (dist/src/server/main.js) becomes one
// file holding our compiled modules and the pure-ESM libraries every request uses
// (kysely, zod: hundreds of small files each). Node then resolves and reads a
// handful of files at start instead of about eight hundred. Every other package
// stays an import of node_modules: native addons, CommonJS libraries, packages that
// find files beside themselves, and those loaded only when a feature is first used.
// zod's translated error messages (a sixth of the bundle) are left out: we never
// switch zod's locale (our messages are our own), and English is built into its schemas.
// The rest of dist/src (the CLI, tests of the build) is left as tsc wrote it.
import { build } from 'esbuild';

const ENTRY = 'dist/src/server/main.js';
const INLINED = new Set(['kysely', 'zod']);

const packageName = (path) => (path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);

await build({
  entryPoints: [ENTRY],
  outfile: ENTRY,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'node-modules-outside',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('node:') || !INLINED.has(packageName(args.path)) ? { external: true } : undefined));
      },
    },
    {
      name: 'zod-without-translations',
      setup(b) {
        b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
          args.importer.includes('/node_modules/zod/') ? { path: 'zod-locales', namespace: 'unused' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({ contents: 'export {};', loader: 'js' }));
      },
    },
  ],
});
