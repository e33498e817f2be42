import { execFileSync, spawn } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import autocannon from 'autocannon';

export interface LoadResult {
  /** Requests per second over the whole run. */
  rps: number;
  /** Requests completed. */
  total: number;
  /** Which client measured it. */
  client: 'wrk' | 'autocannon';
}

/** Whether Debian's wrk is installed: a C client, so that large answers measure the server, not the client. */
export function haveWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary fails to spawn.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * Fixed-duration load on one URL with `connections` kept-alive connections.
 * wrk when installed: autocannon parses every answer in JavaScript, and for an
 * answer of tens of kilobytes it runs out of CPU before the server does.
 * Any non-2xx answer or socket error fails the run.
 */
export async function loadUrl(url: string, options: { seconds: number; connections?: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const connections = options.connections ?? 10;
  const headers = options.headers ?? {};
  if (!haveWrk()) {
    const result = await autocannon({ url, connections, duration: options.seconds, headers });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { rps: result.requests.average, total: result.requests.total, client: 'autocannon' };
  }
  const args = ['-t1', `-c${connections}`, `-d${options.seconds}s`, ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text}`))));
  });
  if (/Non-2xx|Socket errors/.test(out)) throw new Error(`${url}: ${out}`);
  const total = Number(/(\d+) requests in/.exec(out)?.[1]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  if (!Number.isFinite(total) || !Number.isFinite(rps)) throw new Error(`wrk printed no result: ${out}`);
  return { rps, total, client: 'wrk' };
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * GETs each URL in turn over one kept-alive connection and reads the answer's
 * bytes as sent (no decompression: like wrk, the client does not measure
 * itself). Any non-200 answer fails the run. Returns requests per second.
 */
export async function oneByOne(urls: readonly string[], headers: Record<string, string>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await timedOneByOne(urls, headers);
  return urls.length / (Number(process.hrtime.bigint() - t0) / 1e9);
}

/** Each URL asked after the one before has answered (status 200, body read); how long each took, in ms. */
export async function timedOneByOne(urls: readonly string[], headers: Record<string, string>): Promise<number[]> {
  const took: number[] = [];
  for (const url of urls) {
    const t0 = process.hrtime.bigint();
    await new Promise<void>((resolve, reject) => {
      const req = httpGet(url, { agent: keepAlive, headers }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
        res.on('data', () => {});
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
    });
    took.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return took;
}
