import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Content-Security-Policy directives: nothing inline, nothing from elsewhere. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** What an API answer (JSON, files to download) is: never a page, never framed, never sniffed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Whether a request is for the API, answered with data rather than a page (the API's documentation page is a page). */
const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * Every answer under /api is per user (reports, downloads and workbooks carry an
 * organisation's findings): no browser or proxy may keep a copy. A route may
 * send a stricter value (`private, no-store`), never a looser one.
 */
const NO_STORE = { 'cache-control': 'no-store' } as const;

/**
 * Security headers on every response, computed once and applied in one hook
 * (helmet's per-header middleware chain cost about 40% of the throughput of a
 * small route, bench/server-health). Pages and the files they load get the set
 * helmet sends. API answers get the set the OWASP REST Security Cheat Sheet
 * gives for APIs: a CSP that allows nothing and no framing, nosniff, DENY,
 * no referrer, same-origin resources (and HSTS over HTTPS); the headers that
 * only act on a page a browser renders (opener and agent-cluster isolation,
 * permissions, DNS prefetch, IE's download and XSS filter options, Flash's
 * cross-domain policies) are left off them: each header costs every answer
 * (five of the twelve cost a fifth of the health route's throughput). An API
 * route that answers with a page of its own (an HTML report) sets its own CSP.
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, opts: { https: boolean }) => {
  const { api, page } = securityHeaderSets(opts.https);
  const docs = { ...page, ...NO_STORE };
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    reply.headers(isApi(url) ? api : url.startsWith('/api/') ? docs : page);
    done();
  });
});

/** The two sets of headers, for pages and for API answers (never stored); HSTS only over HTTPS. */
export function securityHeaderSets(https: boolean): { api: Readonly<Record<string, string>>; page: Readonly<Record<string, string>> } {
  const hsts: Record<string, string> = https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {};
  const api = {
    'content-security-policy': API_CSP,
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...NO_STORE,
    ...hsts,
  };
  const page = {
    'content-security-policy': CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...hsts,
  };
  return { api, page };
}
