/**
 * One HTTP request over a guarded connection (one connection per request, so the
 * limiter counts every request). Redirects are never followed here: the caller checks
 * each Location with the scope guard first.
 */
import { request } from 'node:http';
import type { ProbeContext } from '../probe.types.js';
import { withConnection } from './connection.js';

export interface HttpResponse {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  setCookies: string[];
  /** The body, cut at MAX_BODY bytes. */
  body: string;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'HEAD';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const MAX_BODY = 256 * 1024;

export function isTlsKind(kind: string): boolean {
  return kind === 'https' || kind === 'tls' || kind === 'mqtts';
}

export function baseUrl(ctx: ProbeContext): string {
  const host = ctx.resolved.target.host.includes(':') ? `[${ctx.resolved.target.host}]` : ctx.resolved.target.host;
  return `${ctx.kind === 'https' ? 'https' : 'http'}://${host}:${ctx.service.port}`;
}

export function httpRequest(ctx: ProbeContext, req: HttpRequest): Promise<HttpResponse> {
  const tls = ctx.kind === 'https' ? { ca: ctx.trustedCaPem, ALPNProtocols: ['http/1.1'] } : undefined;
  const url = `${baseUrl(ctx)}${req.path}`;
  return withConnection(
    ctx,
    tls,
    (socket) =>
      new Promise<HttpResponse>((resolve, reject) => {
        const host = new URL(url).host;
        const body = req.body === undefined ? undefined : Buffer.from(req.body);
        const headers: Record<string, string> = { host, 'user-agent': 'tebiki-probe', accept: '*/*', connection: 'close', ...req.headers };
        if (body) headers['content-length'] = String(body.length);
        const r = request({ method: req.method ?? 'GET', path: req.path, headers, createConnection: () => socket, timeout: ctx.timeoutMs }, (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            if (size < MAX_BODY) chunks.push(c);
            size += c.length;
          });
          res.on('end', () => {
            const setCookie = res.headers['set-cookie'];
            resolve({
              url,
              status: res.statusCode ?? 0,
              headers: res.headers,
              setCookies: Array.isArray(setCookie) ? setCookie : [],
              body: Buffer.concat(chunks).subarray(0, MAX_BODY).toString('utf8'),
            });
          });
          res.on('error', reject);
        });
        r.on('timeout', () => r.destroy(new Error(`no answer within ${ctx.timeoutMs} ms`)));
        r.on('error', reject);
        r.end(body);
      }),
  );
}

export function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}
