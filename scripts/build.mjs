// npm run build: the server (tsc -> dist/src, its entry bundled into one file), the bundled edition's snapshot (dist/content-snapshot.json), the migrated empty database (dist/empty-database.sqlite) and the web UI (vite -> dist/web).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
rmSync('dist/src', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.json']);
run('node', ['scripts/bundle-server.mjs']);
run('npx', ['tsx', 'scripts/content-snapshot.ts']);
run('npx', ['tsx', 'scripts/empty-database.ts']);
run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
