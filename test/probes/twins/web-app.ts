/**
 * The device's web application behind nginx, in a bad and a good build. It counts
 * what the probes did to it: connections, login attempts, visits to unsafe links.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll } from 'vitest';

export interface WebAppStats {
  connections: number;
  maxConcurrent: number;
  connectionTimes: number[];
  loginAttempts: number;
  unsafeVisits: string[];
}

export interface WebApp {
  port: number;
  stats: WebAppStats;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

const page = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body: `<!doctype html><html><body>${body}</body></html>`,
});

function badPage(url: URL, stats: WebAppStats): Reply {
  switch (url.pathname) {
    case '/':
      return page(
        200,
        `<h1>Camera X100</h1>
<form action="/login" method="get"><input type="text" name="user"><input type="password" name="password"><input type="submit"></form>
<a href="/search?q=test">search</a> <a href="/admin">admin</a> <a href="/status?session=abc123">status</a>
<a href="/logout">logout</a> <a href="/reboot">reboot</a> <a href="http://192.0.2.10/cloud">cloud</a>`,
        { 'set-cookie': 'sid=abc123secret; Path=/' },
      );
    case '/search':
      return page(200, `<p>Results for ${url.searchParams.get('q') ?? ''}</p>`);
    case '/status':
      return page(200, '<p>ok</p>');
    case '/login':
      stats.loginAttempts++;
      if (url.searchParams.get('user') === 'admin' && url.searchParams.get('password') === 'admin') {
        return { status: 302, headers: { location: '/admin', 'set-cookie': 'sid=loggedin; Path=/' } };
      }
      return page(200, '<form action="/login" method="get"><input type="text" name="user"><input type="password" name="password"></form>');
    case '/admin':
      return page(200, '<h1>Administration</h1>');
    default:
      if (/logout|reboot/.test(url.pathname)) stats.unsafeVisits.push(url.pathname);
      return page(404, 'not found');
  }
}

/**
 * The bad device's script-drawn login: a token handed out with a cookie, then
 * JSON credentials that must carry it; the factory default admin/admin works,
 * over plain HTTP.
 */
async function badScriptLogin(req: IncomingMessage, url: URL, stats: WebAppStats): Promise<Reply> {
  const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  });
  if (url.pathname === '/api/token') return json(200, { token: 'tok-1' }, { 'set-cookie': 'xsrf=tok-1; Path=/' });
  if (url.pathname !== '/api/login' || req.method !== 'POST') return json(404, { error: 'not found' });
  stats.loginAttempts++;
  let body = '';
  for await (const chunk of req) body += chunk;
  if (req.headers['x-token'] !== 'tok-1' || !(req.headers.cookie ?? '').includes('xsrf=tok-1')) return json(403, { error: 'token' });
  const { user, pass } = JSON.parse(body) as { user?: string; pass?: string };
  if (user === 'admin' && pass === 'admin') return json(200, { ok: true }, { 'set-cookie': 'sid=loggedin; Path=/' });
  return json(401, { error: 'wrong user name or password' });
}

async function goodPage(req: IncomingMessage, url: URL, stats: WebAppStats): Promise<Reply> {
  const loggedIn = (req.headers.cookie ?? '').includes('sid=session-of-a-real-login');
  switch (url.pathname) {
    case '/':
      return page(
        200,
        `<h1>Camera X200</h1>
<form action="/login" method="post"><input type="text" name="user"><input type="password" name="password"><input type="submit"></form>
<form action="/search" method="get"><input type="search" name="q"></form><a href="/search?q=test">search</a> <a href="/logout">logout</a>`,
        { 'set-cookie': 'pre=1; Path=/; Secure; HttpOnly; SameSite=Strict' },
      );
    case '/search':
      return page(200, `<p>Results for ${escapeHtml(url.searchParams.get('q') ?? '')}</p>`);
    case '/login':
      stats.loginAttempts++;
      // The body is read and ignored: the factory defaults were changed at first start.
      for await (const _ of req) void _;
      return page(
        401,
        '<p>wrong user name or password</p><form action="/login" method="post"><input type="text" name="user"><input type="password" name="password"></form>',
      );
    case '/admin':
      return loggedIn ? page(200, '<h1>Administration</h1>') : { status: 302, headers: { location: '/' } };
    default:
      if (/logout|reboot/.test(url.pathname)) stats.unsafeVisits.push(url.pathname);
      return page(404, 'not found');
  }
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

export async function startWebApp(mode: 'bad' | 'good', host = '127.0.0.1'): Promise<WebApp> {
  const stats: WebAppStats = { connections: 0, maxConcurrent: 0, connectionTimes: [], loginAttempts: 0, unsafeVisits: [] };
  let open = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://device');
    if (mode === 'bad' && url.pathname.startsWith('/api/')) void badScriptLogin(req, url, stats).then((reply) => send(res, reply));
    else if (mode === 'bad') send(res, badPage(url, stats));
    else void goodPage(req, url, stats).then((reply) => send(res, reply));
  });
  server.on('connection', (socket) => {
    stats.connections++;
    stats.connectionTimes.push(Date.now());
    open++;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, open);
    socket.on('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as { port: number }).port,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Kept-alive and half-open connections would keep close() waiting.
        server.closeAllConnections();
      }),
  };
}

/** A web app of this build started before the suite and closed after it; the object returned is filled in by that first hook. */
export function webAppForSuite(mode: 'bad' | 'good'): WebApp {
  const app = {} as WebApp;
  beforeAll(async () => {
    Object.assign(app, await startWebApp(mode));
  });
  afterAll(async () => app.close?.());
  return app;
}
