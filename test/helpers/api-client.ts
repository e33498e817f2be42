import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A tiny browser-like client for app.inject: keeps cookies and the CSRF token. */
export class ApiClient {
  private cookies = new Map<string, string>();
  csrf = '';

  /** remoteAddress: the client address the server sees (a loopback address other than 127.0.0.1 stands for another client). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress?: string,
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && options.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    this.keepCookies(res);
    return res;
  }

  private keepCookies(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  /** The session cookie and CSRF token, for the same session over real HTTP (fetch against a listening server). */
  authHeaders(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': this.csrf };
  }

  /** GET /api/session and remember its CSRF token. */
  async session() {
    const res = await this.request('GET', '/api/session');
    const body = res.json() as { user: { id: string; role: string } | null; csrfToken: string; setupRequired: boolean };
    this.csrf = body.csrfToken;
    return body;
  }

  async login(email: string, password: string) {
    await this.session();
    const res = await this.request('POST', '/api/auth/login', { email, password });
    if (res.statusCode === 200) this.csrf = (res.json() as { csrfToken: string }).csrfToken;
    return res;
  }
}
