/** The login endpoint a scope declares for a product whose login page is drawn by a script. */
import { httpRequest, type HttpResponse } from '../net/http-client.js';
import type { ProbeContext } from '../probe.types.js';
import type { ScopeWebLogin } from '../scope.schema.js';

/**
 * A login the way the product's own script sends it: the anti-CSRF token and its
 * cookies fetched first when declared, then the credentials as JSON or a form.
 */
export async function submitDeclaredLogin(ctx: ProbeContext, login: ScopeWebLogin, user: string, password: string): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  if (login.csrf) {
    const res = await httpRequest(ctx, { path: login.csrf.path, headers: { accept: 'application/json' } });
    const cookies = res.setCookies.map((c) => c.split(';')[0] ?? '').filter(Boolean);
    if (cookies.length > 0) headers.cookie = cookies.join('; ');
    const token = jsonField(res.body, login.csrf.field);
    if (token) headers[login.csrf.header] = token;
  }
  const fields = { [login.userField]: user, [login.passwordField]: password };
  const body = login.format === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
  headers['content-type'] = login.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  return httpRequest(ctx, { method: 'POST', path: login.path, body, headers });
}

function jsonField(body: string, field: string): string | undefined {
  try {
    const value = (JSON.parse(body) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
