import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = projectRoot();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

/** Starts the server entry point as `npm start` does (through tsx, no build needed) and collects its output. */
function start(env: Record<string, string>) {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { ...process.env, TEBIKI_LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const waitFor = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = out.match(re);
        if (m) {
          clearInterval(timer);
          resolve(m);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`exited ${child.exitCode}: ${out}`));
        }
      }, 20);
    });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, waitFor, exited, output: () => out };
}

describe('server start', () => {
  it('prints a one-time setup link on first start and serves the bundled edition', async () => {
    const dir = tempDir();
    try {
      const s = start({ PORT: '0', HOST: '127.0.0.1', TEBIKI_DATA_DIR: dir.path });
      const [, base] = await s.waitFor(/at (http:\/\/localhost:\d+)/);
      const [link] = await s.waitFor(/http:\/\/localhost:\d+\/setup#token=[A-Za-z0-9_-]+/);
      expect(link).toContain(base as string);
      expect(s.output()).toMatch(/serving edition \S+ \(imported\) on SQLite/);
      const health = await fetch(`${(base as string).replace('localhost', '127.0.0.1')}/api/health`);
      expect(health.status).toBe(200);
      s.child.kill('SIGTERM');
      await s.exited;

      // A restart before setup issues a fresh link; the stored edition is unchanged.
      const again = start({ PORT: '0', HOST: '127.0.0.1', TEBIKI_DATA_DIR: dir.path });
      const [link2] = await again.waitFor(/http:\/\/localhost:\d+\/setup#token=[A-Za-z0-9_-]+/);
      expect(link2).not.toBe(link);
      expect(again.output()).toMatch(/serving edition \S+ \(unchanged\)/);
      again.child.kill('SIGTERM');
      await again.exited;
    } finally {
      dir.remove();
    }
  });

  it('refuses a wrong configuration value with a message naming it', async () => {
    const s = start({ PORT: 'eighty', TEBIKI_SESSION_IDLE_MINUTES: '0' });
    expect(await s.exited).toBe(2);
    expect(s.output()).toContain('PORT="eighty": must be a whole number from 0 to 65535');
    expect(s.output()).toContain('TEBIKI_SESSION_IDLE_MINUTES="0": must be at least 1');
    expect(s.output()).not.toMatch(/\n\s+at /);
  });
});
