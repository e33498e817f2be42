/** Starting real servers for twins: free loopback ports, waiting until a port accepts, stopping by pid. */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until host:port accepts a connection (the server has started), or the process exits. */
export async function waitForPort(host: string, port: number, child?: ChildProcess, output?: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output?.() ?? ''}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host, port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${host}:${port} never accepted a connection: ${output?.() ?? ''}`);
}

export interface RunningServer {
  stop(): Promise<void>;
}

/** Spawns a server in the foreground and waits for each of its ports. */
export async function startProcess(cmd: string, args: string[], ports: { host: string; port: number }[]): Promise<RunningServer> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (c: Buffer) => {
    output = (output + c.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  for (const p of ports) await waitForPort(p.host, p.port, child, () => output);
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
