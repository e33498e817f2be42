import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

function start(env: Record<string, string>, options: { built?: boolean } = {}) {
  const s = startServerProcess(env, options);
  children.push(s.child);
  return s;
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

  it('the built server (npm start: one bundled entry file) starts on an empty folder from the build snapshot and serves the API and the UI', async () => {
    const dir = tempDir();
    try {
      const s = start({ PORT: '0', HOST: '127.0.0.1', TEBIKI_DATA_DIR: dir.path }, { built: true });
      const [, base] = await s.waitFor(/at (http:\/\/localhost:\d+)/);
      await s.waitFor(/setup#token=/);
      expect(s.output()).toMatch(/serving edition \S+ \(imported\) on SQLite/);
      const url = (base as string).replace('localhost', '127.0.0.1');
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      expect(await (await fetch(`${url}/api/ready`)).json()).toEqual({ status: 'ready' });
      const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root">');
      const missing = await fetch(`${url}/api/no-such-route`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
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
