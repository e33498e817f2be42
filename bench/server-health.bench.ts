import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, report, requestsPerSecond, serverCpu, startAndTime, stop, untilIdle } from './lib/harness.js';

/**
 * Issue 2: time from process start to the first 200 on /api/health, and
 * requests/s of /api/health, each beside a bare Fastify process measured in
 * the same run.
 */
export async function serverHealthBench(options: { seconds: number; startRuns: number }) {
  const root = join(import.meta.dirname, '..');
  const results = [];

  const tebiki = async (dataDir = mkdtempSync(join(tmpdir(), 'tebiki-bench-'))) => {
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', TEBIKI_DATA_DIR: dataDir, TEBIKI_LOG_LEVEL: 'silent', DATABASE_URL: '' };
    const started = await startAndTime('node', [join(root, 'dist/src/server/main.js')], env, `http://127.0.0.1:${port}/api/health`);
    return { ...started, url: `http://127.0.0.1:${port}/api/health`, dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
  };
  const bare = async () => {
    const port = await freePort();
    const started = await startAndTime('node', [join(root, 'bench/fixtures/bare-fastify.mjs')], { PORT: String(port) }, `http://127.0.0.1:${port}/api/health`);
    return { ...started, url: `http://127.0.0.1:${port}/api/health`, cleanup: () => undefined };
  };

  // Start-up, median of several runs each: cold = empty data folder (migrations and
  // the bundled edition's import); warm = a restart on the same data folder.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const cold: number[] = [];
  const warm: number[] = [];
  const bareStarts: number[] = [];
  for (let i = 0; i < options.startRuns; i++) {
    const first = await tebiki();
    cold.push(first.ms);
    await stop(first.child);
    const again = await tebiki(first.dataDir);
    warm.push(again.ms);
    await stop(again.child);
    again.cleanup();
    const b = await bare();
    bareStarts.push(b.ms);
    await stop(b.child);
  }
  results.push(report('cold start to first 200 on /api/health', median(cold), 'ms', 'bare fastify process', median(bareStarts)));
  results.push(report('warm restart to first 200 on /api/health', median(warm), 'ms', 'bare fastify process', median(bareStarts)));

  // Throughput: both servers up, measured in turns in this run.
  const t = await tebiki();
  const b = await bare();
  try {
    // Steady state: a fresh server builds its search indexes after it listens (counted in the start-up above).
    await untilIdle(serverCpu(t.child.pid as number));
    await requestsPerSecond(t.url, 1);
    await requestsPerSecond(b.url, 1);
    // Alternating rounds (median of each): a drift of the machine meets both servers alike.
    const rounds = 5;
    const roundSeconds = Math.max(1, Math.round(options.seconds / rounds));
    const tebikiRounds: number[] = [];
    const bareRounds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      tebikiRounds.push(await requestsPerSecond(t.url, roundSeconds));
      bareRounds.push(await requestsPerSecond(b.url, roundSeconds));
    }
    results.push(report('GET /api/health requests/s', median(tebikiRounds), 'req/s', 'bare fastify route', median(bareRounds)));
  } finally {
    await stop(t.child);
    await stop(b.child);
    t.cleanup();
  }
  return results;
}
