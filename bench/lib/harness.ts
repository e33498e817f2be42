import { readFileSync } from 'node:fs';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadUrl } from './load-client.js';

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts a server process and measures the time until GET url answers 200. */
export async function startAndTime(cmd: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<{ ms: number; child: ChildProcess }> {
  const started = process.hrtime.bigint();
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`${url} did not answer within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, child };
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Requests per second against one loopback URL, fixed duration and connections (wrk when installed: lib/load-client.ts). */
export async function requestsPerSecond(url: string, seconds: number, connections = 10): Promise<number> {
  return (await loadUrl(url, { seconds, connections })).rps;
}

export function report(name: string, value: number, unit: string, baselineName: string, baseline: number) {
  const ratio = value / baseline;
  console.log(
    `${name.padEnd(44)} ${value.toFixed(1).padStart(10)} ${unit.padEnd(6)} | baseline ${baselineName}: ${baseline.toFixed(1)} ${unit} | ratio ${ratio.toFixed(2)}`,
  );
  return { name, value, unit, baselineName, baseline, ratio };
}

/** Waits until the server has finished what it does after start-up (the search index build): under 20 ms of CPU in 250 ms. */
export async function untilIdle(cpu: () => number): Promise<void> {
  for (let tries = 0; tries < 240; tries++) {
    const before = cpu();
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (cpu() - before < 20) return;
  }
}

/** A reader of a process's CPU time (user + system) in milliseconds, from /proc. */
export function serverCpu(pid: number): () => number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  return () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * tick;
  };
}
