/** Web probes about what a visitor can do: reflected input, protected paths, declared default credentials. */
import { randomBytes } from 'node:crypto';
import { header, httpRequest, type HttpResponse } from '../net/http-client.js';
import { extractForms, type HtmlForm } from '../net/html.js';
import { MASK, maskSetCookie, maskUrl, trim } from '../net/mask.js';
import { definitionOf } from '../probe-definition.js';
import { type Probe, type ProbeContext, result } from '../probe.types.js';
import type { ScopeWebLogin } from '../scope.schema.js';
import { submitDeclaredLogin } from './declared-login.js';
import { judgePages, resolveInScope, UNSAFE_LINK } from './crawl.js';

const WEB = ['http', 'https'] as const;
const MAX_REFLECTION_REQUESTS = 10;

export const reflectedInputProbe: Probe = {
  definition: definitionOf('web.reflected-input'),
  kinds: WEB,
  evidenceFields: {
    marker: 'the harmless random marker sent',
    tried: 'each request (parameter) and whether the marker came back raw, escaped or not at all',
    excerpt: 'where it came back raw',
  },
  async run(ctx) {
    return judgePages(ctx, async (pages) => {
      const tag = `tbk${randomBytes(4).toString('hex')}`;
      const marker = `${tag}"'<${tag}>`;
      const requests = reflectionRequests(ctx, pages, marker).slice(0, MAX_REFLECTION_REQUESTS);
      if (requests.length === 0)
        return result('not-applicable', 'パラメータを持つページや GET フォームがない', 'No page with parameters and no GET form', {
          pagesVisited: pages.length,
        });
      const tried: { request: string; reflected: 'raw' | 'escaped' | 'absent' }[] = [];
      let excerpt: string | undefined;
      for (const path of requests) {
        const res = await httpRequest(ctx, { path });
        const at = res.body.indexOf(`<${tag}>`);
        const reflected = at >= 0 ? 'raw' : res.body.includes(tag) ? 'escaped' : 'absent';
        if (at >= 0 && !excerpt) excerpt = trim(res.body.slice(Math.max(0, at - 80), at + 80), 200);
        tried.push({ request: `GET ${maskUrl(path)}`, reflected });
      }
      const evidence = { marker, tried, ...(excerpt ? { excerpt } : {}) };
      if (excerpt) return result('fail', '入力がエスケープされずに返る', 'Input comes back unescaped', evidence);
      return result('pass', '入力はエスケープされるか返らない', 'Input is escaped or not returned', evidence);
    });
  },
};

/** Each query parameter of the visited pages, and each GET form's text fields, with the marker put in. */
function reflectionRequests(ctx: ProbeContext, pages: { path: string; forms: HtmlForm[] }[], marker: string): string[] {
  const out = new Set<string>();
  const encoded = encodeURIComponent(marker);
  for (const page of pages) {
    const [base, query] = page.path.split('?');
    for (const kv of (query ?? '').split('&').filter(Boolean)) {
      const name = kv.split('=')[0] ?? '';
      const others = (query ?? '').split('&').filter((x) => x !== kv);
      out.add(`${base}?${[...others, `${name}=${encoded}`].join('&')}`);
    }
    for (const form of page.forms.filter((f) => f.method === 'GET' && !f.hasPassword)) {
      const target = resolveInScope(ctx, page.path, form.action || page.path);
      if (target.samePath === undefined || UNSAFE_LINK.test(target.samePath)) continue;
      const params = form.inputs.filter((i) => ['text', 'search', 'textarea'].includes(i.type)).map((i) => `${encodeURIComponent(i.name)}=${encoded}`);
      if (params.length > 0) out.add(`${target.samePath.split('?')[0]}?${params.join('&')}`);
    }
  }
  return [...out];
}

const looksLikeLogin = (res: HttpResponse) => extractForms(res.body).some((f) => f.hasPassword);

export const unauthenticatedAccessProbe: Probe = {
  definition: definitionOf('web.unauthenticated-access'),
  kinds: WEB,
  evidenceFields: { paths: 'each protected path with the status it answered without a session' },
  async run(ctx) {
    const protectedPaths = ctx.resolved.target.web?.protectedPaths ?? [];
    if (protectedPaths.length === 0) return result('not-applicable', '保護すべきパスが宣言されていない', 'The scope declares no protected path');
    const paths: { path: string; status: number; open: boolean; location?: string }[] = [];
    for (const path of protectedPaths) {
      const res = await httpRequest(ctx, { path });
      const location = typeof res.headers.location === 'string' ? maskUrl(res.headers.location) : undefined;
      paths.push({ path: maskUrl(path), status: res.status, open: res.status === 200 && !looksLikeLogin(res), ...(location ? { location } : {}) });
    }
    if (paths.some((p) => p.open)) return result('fail', '保護すべきパスがログインなしで応答する', 'A protected path answers without logging in', { paths });
    return result('pass', '保護すべきパスはログインを求める', 'Protected paths require logging in', { paths });
  },
};

export const defaultCredentialsProbe: Probe = {
  definition: definitionOf('web.default-credentials'),
  kinds: WEB,
  evidenceFields: {
    form: 'the login form used (page, method, fields)',
    attempts: 'each attempt: user, password (masked), status, and whether it logged in',
    stoppedBecause: 'why attempts stopped early (the scope limit, a lockout sign)',
  },
  async run(ctx) {
    const creds = ctx.resolved.target.web?.defaultCredentials ?? [];
    if (creds.length === 0) return result('not-applicable', '初期認証情報が宣言されていない', 'The scope declares no default credentials');
    return judgePages(ctx, async (pages) => {
      const declared = ctx.resolved.target.web?.login;
      const login: Login | undefined = declared ? { declared } : findLoginForm(ctx, pages);
      if (!login) return result('inconclusive', 'ログインフォームが見つからない', 'No login form found', { pagesVisited: pages.length });
      const attempts: Record<string, unknown>[] = [];
      let stoppedBecause: string | undefined;
      for (const [i, cred] of creds.entries()) {
        if (i >= ctx.limits.maxLoginAttempts) {
          stoppedBecause = `scope limit maxLoginAttempts=${ctx.limits.maxLoginAttempts}`;
          break;
        }
        const res = await submitLogin(ctx, login, cred.user, cred.password);
        const outcome = await loggedIn(ctx, res);
        attempts.push({ user: cred.user, password: MASK, status: res.status, loggedIn: outcome.ok, ...outcome.evidence });
        if (outcome.ok) {
          const evidence = { form: describeForm(login), attempts };
          return result('fail', '宣言された初期認証情報でログインできる', 'The declared default credentials log in', evidence);
        }
        if (res.status === 429 || header(res, 'retry-after') || /lock/i.test(res.body)) {
          stoppedBecause = 'lockout sign (429, Retry-After or "locked")';
          break;
        }
      }
      const evidence = { form: describeForm(login), attempts, ...(stoppedBecause ? { stoppedBecause } : {}) };
      if (attempts.length < creds.length) return result('inconclusive', '一部の認証情報は試していない', 'Not every declared credential was tried', evidence);
      return result('pass', '宣言された初期認証情報ではログインできない', 'The declared default credentials do not log in', evidence);
    });
  },
};

interface LoginForm {
  page: string;
  path: string;
  form: HtmlForm;
}
/** A login form found on a page, or the endpoint the scope declares for a script-drawn login. */
type Login = LoginForm | { declared: ScopeWebLogin };

function findLoginForm(ctx: ProbeContext, pages: { path: string; forms: HtmlForm[] }[]): LoginForm | undefined {
  for (const page of pages) {
    for (const form of page.forms.filter((f) => f.hasPassword)) {
      const target = resolveInScope(ctx, page.path, form.action || page.path);
      if (target.samePath !== undefined) return { page: page.path, path: target.samePath, form };
    }
  }
  return undefined;
}

function describeForm(login: Login) {
  if ('declared' in login) {
    const d = login.declared;
    return {
      declared: true,
      method: 'POST',
      action: maskUrl(d.path),
      format: d.format,
      fields: [d.userField, d.passwordField],
      ...(d.csrf ? { csrfFrom: maskUrl(d.csrf.path) } : {}),
    };
  }
  return { page: maskUrl(login.page), method: login.form.method, action: maskUrl(login.path), fields: login.form.inputs.map((i) => `${i.name}:${i.type}`) };
}

function submitLogin(ctx: ProbeContext, login: Login, user: string, password: string): Promise<HttpResponse> {
  if ('declared' in login) return submitDeclaredLogin(ctx, login.declared, user, password);
  const userField = login.form.inputs.find((i) => ['text', 'email'].includes(i.type));
  const params = new URLSearchParams();
  for (const input of login.form.inputs) {
    if (input.type === 'password') params.set(input.name, password);
    else if (input === userField) params.set(input.name, user);
    else if (input.type === 'hidden') params.set(input.name, '');
  }
  if (login.form.method === 'GET') return httpRequest(ctx, { path: `${login.path.split('?')[0]}?${params}` });
  return httpRequest(ctx, { method: 'POST', path: login.path, body: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

/** Logged in: the answer is no login form again, and a protected path (if any) opens with the cookies it set. */
async function loggedIn(ctx: ProbeContext, res: HttpResponse): Promise<{ ok: boolean; evidence: Record<string, unknown> }> {
  if (res.status >= 400 || looksLikeLogin(res)) return { ok: false, evidence: {} };
  const cookies = res.setCookies.map((c) => c.split(';')[0] ?? '').filter(Boolean);
  const check = ctx.resolved.target.web?.protectedPaths[0];
  if (!check) return { ok: res.setCookies.length > 0, evidence: { setCookies: res.setCookies.map(maskSetCookie) } };
  const after = await httpRequest(ctx, { path: check, headers: cookies.length ? { cookie: cookies.join('; ') } : {} });
  return { ok: after.status === 200 && !looksLikeLogin(after), evidence: { confirmedWith: `GET ${maskUrl(check)} → ${after.status}` } };
}
