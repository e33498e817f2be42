import { expect } from 'vitest';

/**
 * A person's HTTP session against a real server (or a proxy in front of it):
 * cookies kept, the CSRF token sent on every mutation. Uses the platform's own
 * fetch, so requests travel over a real socket.
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(readonly base: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const all: Record<string, string> = { ...headers };
    if (this.cookies.size) all.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.csrf) all['x-csrf-token'] = this.csrf;
    // a Buffer goes as it is (an upload; the caller names its type), anything else as JSON
    const raw = Buffer.isBuffer(body);
    if (body !== undefined && !raw) all['content-type'] = 'application/json';
    const payload = raw ? new Uint8Array(body) : JSON.stringify(body);
    const res = await fetch(new URL(path, this.base), { method, headers: all, ...(body !== undefined ? { body: payload } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** GET a file as bytes (status and body), with the session's cookies. */
  async download(path: string): Promise<{ status: number; bytes: Buffer }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(new URL(path, this.base), { headers: cookie ? { cookie } : {} });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** GET /api/session and keep its CSRF token (the double-submit one before login, the session's after). */
  async refreshCsrf(): Promise<void> {
    const res = await this.request('GET', '/api/session');
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
  }

  async login(email: string, password: string): Promise<number> {
    await this.refreshCsrf();
    const res = await this.request('POST', '/api/auth/login', { email, password });
    await this.refreshCsrf();
    return res.status;
  }

  /** Creates an assessment of the product, version 1.0.0, on the current edition with the device layer only; its id and its items' requirement ids. */
  async createAssessment(productId: string, title: string): Promise<{ id: string; items: string[] }> {
    const editions = (await this.request('GET', '/api/editions')).body as { current: string };
    const created = await this.request('POST', '/api/assessments', {
      productId,
      title,
      productVersion: '1.0.0',
      editionId: editions.current,
      spec: { layers: ['device'], phases: [], profile: null },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const body = created.body as { id: string; items: { requirementId: string }[] };
    return { id: body.id, items: body.items.map((i) => i.requirementId) };
  }
}
