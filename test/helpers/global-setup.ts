import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The browser tests need the built web UI; build it once if it is missing. */
export default function setup() {
  const root = join(import.meta.dirname, '..', '..');
  if (!existsSync(join(root, 'dist', 'web', 'index.html')) && existsSync(join(root, 'web', 'vite.config.ts'))) {
    console.log('[test] building the web UI (dist/web is missing)');
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
}
