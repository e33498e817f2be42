import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkProbeRunner } from '../../src/probes/network-probe-runner.js';
import type { ProbeRunRequest } from '../../src/services/ports/probe-runner.js';

/**
 * A service that accepts connections and then says nothing, or trickles one byte
 * now and then, must neither hold a probe run forever nor keep it from being
 * cancelled (found by the two-process journey: such a run stayed "running").
 */
function service(onConnection: (socket: Socket) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    }),
  );
}

function request(port: number, signal: AbortSignal, progress: number[] = []): ProbeRunRequest {
  return {
    scopeText: [
      'name: silent',
      'authorisedBy: 山田 太郎 (Example Corp)',
      'window: { from: 2026-01-01T00:00:00Z, to: 2099-12-31T00:00:00Z }',
      'targets:',
      '  - host: 127.0.0.1',
      '    services:',
      `      - { port: ${port}, kind: http }`,
    ].join('\n'),
    scopeFileName: 'silent.yaml',
    signal,
    onProgress: (p) => progress.push(p.done),
  } as ProbeRunRequest;
}

describe('probes against a service that does not answer', () => {
  let silent: Awaited<ReturnType<typeof service>>;
  let trickle: Awaited<ReturnType<typeof service>>;
  const timers = new Set<NodeJS.Timeout>();
  beforeAll(async () => {
    silent = await service(() => undefined);
    trickle = await service((socket) => {
      // A well-formed answer whose body never ends: a byte now and then.
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 1000000\r\n\r\n');
      const timer = setInterval(() => socket.write('x'), 50);
      timers.add(timer);
      socket.on('close', () => clearInterval(timer));
    });
  });
  afterAll(async () => {
    for (const t of timers) clearInterval(t);
    await silent?.close();
    await trickle?.close();
  });

  it('a silent service: every check ends (error or not applicable) instead of waiting forever', async () => {
    const outcome = await new NetworkProbeRunner({ timeoutMs: 300 }).run(request(silent.port, new AbortController().signal));
    expect(outcome.findings.length).toBeGreaterThan(0);
    for (const f of outcome.findings) expect(['error', 'not-applicable', 'inconclusive']).toContain(f.verdict);
  });

  it('a trickling service: each exchange is cut at its budget', async () => {
    const outcome = await new NetworkProbeRunner({ timeoutMs: 200 }).run(request(trickle.port, new AbortController().signal));
    const errors = outcome.findings.filter((f) => f.verdict === 'error').map((f) => JSON.stringify(f.evidence));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join(' ')).toMatch(/no (complete )?answer within/);
  });

  it('cancelling a run that waits on a silent service ends it at once with the reason', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    // A long idle timeout: only the cancel can end this run soon.
    const run = new NetworkProbeRunner({ timeoutMs: 600_000 }).run(request(silent.port, controller.signal, progress));
    setImmediate(() => controller.abort(new Error('cancelled')));
    await expect(run).rejects.toThrow('cancelled');
  });
});
