import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, report, requestsPerSecond, startAndTime, stop } from './lib/harness.js';

/**
 * Issue 2: time from process start to the first 200 on /api/health, and
 * requests/s of /api/health, each beside a bare Fastify process measured in
 * the same run.
 */
export async function serverHealthBench(options: { seconds: number; startRuns: number }) {
  const root = join(import.meta.dirname, '..');
  const results = [];

  const tebiki = async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'tebiki-bench-'));
    const env = { PORT: String(port), HOST: '127.0.0.1', TEBIKI_DATA_DIR: dataDir, TEBIKI_LOG_LEVEL: 'silent', DATABASE_URL: '' };
    const started = await startAndTime('node', [join(root, 'dist/src/server/main.js')], env, `http://127.0.0.1:${port}/api/health`);
    return { ...started, url: `http://127.0.0.1:${port}/api/health`, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
  };
  const bare = async () => {
    const port = await freePort();
    const started = await startAndTime('node', [join(root, 'bench/fixtures/bare-fastify.mjs')], { PORT: String(port) }, `http://127.0.0.1:${port}/api/health`);
    return { ...started, url: `http://127.0.0.1:${port}/api/health`, cleanup: () => undefined };
  };

  // Start-up: median of several cold starts each (first start includes migrations and the edition import).
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const tebikiStarts: number[] = [];
  const bareStarts: number[] = [];
  for (let i = 0; i < options.startRuns; i++) {
    for (const [start, into] of [
      [tebiki, tebikiStarts],
      [bare, bareStarts],
    ] as const) {
      const s = await start();
      into.push(s.ms);
      await stop(s.child);
      s.cleanup();
    }
  }
  results.push(report('start to first 200 on /api/health (median)', median(tebikiStarts), 'ms', 'bare fastify process', median(bareStarts)));

  // Throughput: both servers up, measured one after the other in this run.
  const t = await tebiki();
  const b = await bare();
  try {
    await requestsPerSecond(t.url, 1);
    await requestsPerSecond(b.url, 1);
    const tebikiRps = await requestsPerSecond(t.url, options.seconds);
    const bareRps = await requestsPerSecond(b.url, options.seconds);
    results.push(report('GET /api/health requests/s', tebikiRps, 'req/s', 'bare fastify route', bareRps));
  } finally {
    await stop(t.child);
    await stop(b.child);
    t.cleanup();
  }
  return results;
}
