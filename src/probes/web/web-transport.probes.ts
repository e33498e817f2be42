/** Web probes about transport and headers: HTTPS redirect, HSTS, login forms, URLs, cookies, headers. */
import { randomBytes } from 'node:crypto';
import { header } from '../net/http-client.js';
import { decodeURIComponentSafe, isSecretName, maskSetCookie, maskUrl } from '../net/mask.js';
import { definitionOf } from '../probe-definition.js';
import { type Probe, type ProbeContext, type ProbeResult, result } from '../probe.types.js';
import type { ScopeWebLogin } from '../scope.schema.js';
import { type CrawledPage, judgePages, resolveInScope } from './crawl.js';
import { submitDeclaredLogin } from './declared-login.js';

const WEB = ['http', 'https'] as const;

/** A web probe that judges the crawled pages alone (with what the run knows of the service). */
function pageProbe(
  id: string,
  evidenceFields: Probe['evidenceFields'],
  judge: (pages: CrawledPage[], ctx: ProbeContext) => ProbeResult | Promise<ProbeResult>,
): Probe {
  return { definition: definitionOf(id), kinds: WEB, evidenceFields, run: (ctx) => judgePages(ctx, (pages) => judge(pages, ctx)) };
}

const html = (p: CrawledPage) => /html/i.test(header(p.response, 'content-type') ?? '') && p.response.status < 300;

export const httpsRedirectProbe: Probe = {
  definition: definitionOf('web.https-redirect'),
  kinds: WEB,
  evidenceFields: {
    request: 'the first page asked for',
    status: 'its HTTP status',
    location: 'where it redirected',
    redirectInScope: 'whether the scope allowed following it',
  },
  async run(ctx) {
    if (ctx.kind === 'https') return result('not-applicable', 'HTTPS のサービス', 'An HTTPS service', { scheme: 'https' });
    return judgePages(ctx, (pages) => {
      const first = pages[0] as CrawledPage;
      const location = first.redirect?.location;
      const evidence = {
        request: `GET ${maskUrl(first.path)}`,
        status: first.response.status,
        location: location && maskUrl(location),
        redirectInScope: first.redirect?.inScope ?? null,
      };
      if (location && /^https:/i.test(location)) return result('pass', 'HTTPS へ転送される', 'Redirects to HTTPS', evidence);
      return result('fail', 'HTTP のまま応答し HTTPS へ転送しない', 'Answers over plain HTTP without redirecting to HTTPS', evidence);
    });
  },
};

export const hstsProbe: Probe = {
  definition: definitionOf('web.hsts'),
  kinds: WEB,
  evidenceFields: { pages: 'each page with its Strict-Transport-Security header (or null)' },
  async run(ctx) {
    if (ctx.kind !== 'https') return result('not-applicable', 'HTTPS ではないサービス', 'Not an HTTPS service');
    return judgePages(ctx, (pages) => {
      const seen = pages.map((p) => ({ path: maskUrl(p.path), hsts: header(p.response, 'strict-transport-security') ?? null }));
      const weak = seen.filter((p) => !p.hsts || Number(/max-age\s*=\s*"?(\d+)/i.exec(p.hsts)?.[1] ?? 0) <= 0);
      if (weak.length > 0) return result('fail', 'HSTS ヘッダのない応答がある', 'Some responses lack Strict-Transport-Security', { pages: seen });
      return result('pass', 'すべての応答に HSTS がある', 'Every response carries Strict-Transport-Security', { pages: seen });
    });
  },
};

export const loginOverHttpsProbe = pageProbe('web.login-over-https', { forms: 'each password form: the page, method and where it submits' }, (pages, ctx) => {
  const forms = pages.flatMap((p) =>
    p.forms
      .filter((f) => f.hasPassword)
      .map((f) => ({ page: maskUrl(p.path), method: f.method, action: maskUrl(f.action), submitsTo: submitScheme(ctx, p.path, f.action) })),
  );
  const declared = ctx.resolved.target.web?.login;
  if (forms.length === 0 && declared) return declaredLoginTransport(ctx, declared);
  if (forms.length === 0) return result('not-applicable', 'パスワード入力フォームが見つからない', 'No password form found', { pagesVisited: pages.length });
  const plain = ctx.kind === 'http' || forms.some((f) => f.submitsTo === 'http');
  if (plain)
    return result('fail', 'パスワード入力フォームが平文 HTTP で配信または送信される', 'A password form is served or submitted over plain HTTP', {
      scheme: ctx.kind,
      forms,
    });
  return result('pass', 'パスワード入力フォームは HTTPS のみ', 'Password forms are served and submitted over HTTPS only', { scheme: ctx.kind, forms });
});

/**
 * A script-drawn login posts to the declared endpoint of the page's own origin.
 * Over HTTPS that is HTTPS; over plain HTTP the endpoint must not take a login
 * at all but send the client to HTTPS first. The probe sends a made-up user and
 * a random password (never a real credential) to see which.
 */
async function declaredLoginTransport(ctx: Parameters<Probe['run']>[0], login: ScopeWebLogin) {
  const endpoint = maskUrl(login.path);
  if (ctx.kind === 'https')
    return result('pass', '宣言されたログイン先には HTTPS で送られる', 'The declared login endpoint is reached over HTTPS', { scheme: ctx.kind, endpoint });
  const res = await submitDeclaredLogin(ctx, login, 'tebiki-probe', randomBytes(12).toString('hex'));
  const location = typeof res.headers.location === 'string' ? res.headers.location : '';
  const evidence = { scheme: ctx.kind, endpoint, status: res.status, ...(location ? { location: maskUrl(location) } : {}) };
  if (res.status >= 300 && res.status < 400 && /^https:/i.test(location))
    return result('pass', '平文 HTTP のログインは処理されず HTTPS へ転送される', 'A login over plain HTTP is not processed but redirected to HTTPS', evidence);
  return result('fail', '宣言されたログイン先が平文 HTTP でログインを受け付ける', 'The declared login endpoint takes logins over plain HTTP', evidence);
}

function submitScheme(ctx: Parameters<Probe['run']>[0], from: string, action: string): 'http' | 'https' | 'elsewhere' {
  if (/^http:/i.test(action)) return 'http';
  if (/^https:/i.test(action)) return 'https';
  return resolveInScope(ctx, from, action || from).inScope ? (ctx.kind === 'https' ? 'https' : 'http') : 'elsewhere';
}

export const secretsInUrlProbe = pageProbe(
  'web.secrets-in-url',
  {
    getPasswordForms: 'password forms that submit with GET',
    urls: 'URLs (links, redirects) with secret-looking parameters or user:password@, values masked',
  },
  (pages) => {
    const getPasswordForms = pages.flatMap((p) =>
      p.forms.filter((f) => f.hasPassword && f.method === 'GET').map((f) => ({ page: maskUrl(p.path), action: maskUrl(f.action) })),
    );
    const urls = new Set<string>();
    for (const p of pages) {
      for (const u of [p.path, p.redirect?.location ?? '', ...Array.from(p.response.body.matchAll(/href\s*=\s*["']([^"']+)/gi), (m) => m[1] ?? '')]) {
        const query = u.split('?')[1] ?? '';
        if (query.split(/[&;]/).some((kv) => isSecretName(decodeURIComponentSafe(kv.split('=')[0] ?? '')))) urls.add(maskUrl(u));
        if (/^[a-z]+:\/\/[^/@\s]+:[^/@\s]*@/i.test(u)) urls.add(maskUrl(u.replace(/\/\/([^/:@\s]+):[^/@\s]*@/, '//$1:***@')));
      }
    }
    const evidence = { getPasswordForms, urls: [...urls] };
    if (getPasswordForms.length > 0 || urls.size > 0)
      return result('fail', 'パスワードやセッション ID が URL に載る', 'Passwords or session ids travel in URLs', evidence);
    return result('pass', 'URL に秘密情報は見当たらない', 'No secrets seen in URLs', { ...evidence, pagesVisited: pages.length });
  },
);

export const cookieFlagsProbe = pageProbe('web.cookie-flags', { cookies: 'each Set-Cookie (value masked) with the flags it lacks' }, (pages, ctx) => {
  const all = [...new Set(pages.flatMap((p) => p.response.setCookies))];
  if (all.length === 0) return result('not-applicable', 'Cookie が発行されない', 'No cookie is set', { pagesVisited: pages.length });
  const cookies = all.map((c) => {
    const attrs = c
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    const missing = [
      ...(ctx.kind === 'https' && !attrs.includes('secure') ? ['Secure'] : []),
      ...(!attrs.includes('httponly') ? ['HttpOnly'] : []),
      ...(!attrs.some((a) => a.startsWith('samesite=')) ? ['SameSite'] : []),
    ];
    return { setCookie: maskSetCookie(c), missing };
  });
  if (cookies.some((c) => c.missing.length > 0)) return result('fail', 'フラグの欠けた Cookie がある', 'Some cookies lack flags', { cookies });
  return result('pass', 'Cookie のフラグはそろっている', 'Cookies carry their flags', { cookies });
});

export const securityHeadersProbe = pageProbe('web.security-headers', { pages: 'each HTML page with the headers it lacks' }, (pages) => {
  const htmlPages = pages.filter(html);
  if (htmlPages.length === 0) return result('not-applicable', 'HTML ページがない', 'No HTML page answered', { pagesVisited: pages.length });
  const seen = htmlPages.map((p) => {
    const csp = header(p.response, 'content-security-policy');
    const missing = [
      ...(!csp ? ['Content-Security-Policy'] : []),
      ...((header(p.response, 'x-content-type-options') ?? '').toLowerCase() !== 'nosniff' ? ['X-Content-Type-Options'] : []),
      ...(!header(p.response, 'x-frame-options') && !/frame-ancestors/i.test(csp ?? '') ? ['X-Frame-Options or frame-ancestors'] : []),
    ];
    return { path: maskUrl(p.path), missing };
  });
  if (seen.some((p) => p.missing.length > 0))
    return result('fail', 'セキュリティヘッダの欠けたページがある', 'Some pages lack security headers', { pages: seen });
  return result('pass', 'セキュリティヘッダはそろっている', 'Security headers are present', { pages: seen });
});
