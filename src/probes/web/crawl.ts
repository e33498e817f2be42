/**
 * Looks at a web service the way a visitor would, and no further: the declared paths
 * and the pages they link to on the same service, at most MAX_PAGES pages, never a
 * link that could change the device (logout, reset, reboot, delete, …). Every link and
 * redirect is checked with the scope guard before it is used.
 */
import { httpRequest, type HttpResponse } from '../net/http-client.js';
import { extractForms, extractLinks, type HtmlForm } from '../net/html.js';
import { type ProbeContext, type ProbeResult, result } from '../probe.types.js';
import { ScopeViolation } from '../scope-guard.js';

export const MAX_PAGES = 20;
const MAX_REDIRECTS = 5;
/** Links never followed: they could log out, reset, reboot, delete or change the device. */
export const UNSAFE_LINK = /logout|log-out|signout|sign-out|reset|reboot|restart|shutdown|delete|remove|erase|factory|format|upgrade|update|apply|save/i;

export interface CrawledPage {
  path: string;
  response: HttpResponse;
  forms: HtmlForm[];
  /** A redirect the page answered with, and whether it stayed in scope. */
  redirect?: { location: string; inScope: boolean; sameService: boolean; reason?: string };
}

export interface Crawl {
  pages: CrawledPage[];
  /** Links and redirects refused by the scope guard or the safety rule, with why. */
  refused: { url: string; reason: string }[];
  errors: string[];
}

/** The service could not be reached at all: probes then report an error, not "nothing found". */
function unreachable(c: Crawl): ProbeResult | undefined {
  if (c.pages.length > 0) return undefined;
  return result('error', `ページを取得できない: ${c.errors[0] ?? ''}`, `No page could be fetched: ${c.errors[0] ?? ''}`, { errors: c.errors });
}

/** A web probe's verdict on the pages of the run's one crawl; when no page could be fetched, the error from {@link unreachable}. */
export async function judgePages(ctx: ProbeContext, judge: (pages: CrawledPage[]) => ProbeResult | Promise<ProbeResult>): Promise<ProbeResult> {
  const visit = await crawl(ctx);
  return unreachable(visit) ?? judge(visit.pages);
}

export function crawl(ctx: ProbeContext): Promise<Crawl> {
  return ctx.memo('web.crawl', () => doCrawl(ctx));
}

async function doCrawl(ctx: ProbeContext): Promise<Crawl> {
  const out: Crawl = { pages: [], refused: [], errors: [] };
  const queue = [...(ctx.resolved.target.web?.paths ?? ['/'])];
  const seen = new Set<string>();
  while (queue.length > 0 && out.pages.length < MAX_PAGES) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const page = await fetchPage(ctx, path, out);
    if (!page) continue;
    out.pages.push(page);
    for (const next of nextPaths(ctx, page, out)) if (!seen.has(next)) queue.push(next);
  }
  return out;
}

async function fetchPage(ctx: ProbeContext, path: string, out: Crawl): Promise<CrawledPage | undefined> {
  let current = path;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: HttpResponse;
    try {
      response = await httpRequest(ctx, { path: current });
    } catch (err) {
      out.errors.push(`${current}: ${(err as Error).message}`);
      return undefined;
    }
    const page: CrawledPage = { path: current, response, forms: extractForms(response.body) };
    const location = response.status >= 300 && response.status < 400 ? response.headers.location : undefined;
    if (typeof location !== 'string') return page;
    const target = resolveInScope(ctx, current, location, out);
    page.redirect = { location, inScope: target.inScope, sameService: target.samePath !== undefined, reason: target.reason };
    if (target.samePath === undefined || hop === MAX_REDIRECTS) return page;
    out.pages.push(page);
    current = target.samePath;
  }
  return undefined;
}

/** Where a link or redirect leads: refused, another declared service, or a path on this one. */
export function resolveInScope(ctx: ProbeContext, from: string, href: string, out?: Crawl): { inScope: boolean; samePath?: string; reason?: string } {
  let url: URL;
  try {
    url = new URL(href, `${ctx.kind === 'https' ? 'https' : 'http'}://${hostPart(ctx)}:${ctx.service.port}${from}`);
  } catch {
    return { inScope: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { inScope: false, reason: `${url.protocol} link` };
  try {
    const { service } = ctx.guard.checkUrl(url);
    const sameScheme = (url.protocol === 'https:') === (ctx.kind === 'https');
    if (service.port !== ctx.service.port || !sameScheme) return { inScope: true };
    return { inScope: true, samePath: `${url.pathname}${url.search}` };
  } catch (err) {
    if (!(err instanceof ScopeViolation)) throw err;
    out?.refused.push({ url: url.href, reason: err.message });
    return { inScope: false, reason: err.message };
  }
}

function nextPaths(ctx: ProbeContext, page: CrawledPage, out: Crawl): string[] {
  const paths: string[] = [];
  for (const href of extractLinks(page.response.body)) {
    if (href.startsWith('#') || /^(mailto|javascript|tel):/i.test(href)) continue;
    const target = resolveInScope(ctx, page.path, href, out);
    if (target.samePath === undefined) continue;
    if (UNSAFE_LINK.test(target.samePath)) {
      out.refused.push({ url: target.samePath, reason: 'could change the device (never followed)' });
      continue;
    }
    paths.push(target.samePath);
  }
  return paths;
}

function hostPart(ctx: ProbeContext): string {
  const h = ctx.resolved.target.host;
  return h.includes(':') ? `[${h}]` : h;
}
