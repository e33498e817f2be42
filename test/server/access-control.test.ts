import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import { ApiClient } from '../helpers/api-client.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };
const pw = 'another long passphrase 42';

describeEachDatabase('access control through the API', (get) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  const ids = { orgA: '', orgB: '', productA: '' };

  beforeAll(async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
    await importBundledEdition(ctx);
    app = await buildApp({ ctx });
    const link = (await issueSetupLink(ctx)) as string;
    const token = new URL(link).hash.replace('#token=', '');
    const anon = new ApiClient(app);
    await anon.session();
    const setup = await anon.request('POST', '/api/setup', { token, email: ADMIN.email, displayName: '管理者', password: ADMIN.password });
    expect(setup.statusCode).toBe(201);

    admin = new ApiClient(app);
    expect((await admin.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    ids.orgA = (await admin.request('POST', '/api/organisations', { name: 'Org A 株式会社' })).json().id;
    ids.orgB = (await admin.request('POST', '/api/organisations', { name: 'Org B 合同会社' })).json().id;
    for (const [email, org] of [
      ['a@example.test', ids.orgA],
      ['b@example.test', ids.orgB],
    ] as const) {
      const r = await admin.request('POST', '/api/admin/users', { email, displayName: email, password: pw, role: 'member', organisationId: org });
      expect(r.statusCode).toBe(201);
    }
    const memberA = new ApiClient(app);
    await memberA.login('a@example.test', pw);
    const p = await memberA.request('POST', `/api/organisations/${ids.orgA}/products`, { name: 'Smart Lock X1', model: 'X1' });
    expect(p.statusCode).toBe(201);
    ids.productA = p.json().id;
  });
  afterAll(async () => app?.close());

  it("a member of organisation B gets 404 for organisation A's product and product list", async () => {
    const b = new ApiClient(app);
    await b.login('b@example.test', pw);
    const product = await b.request('GET', `/api/products/${ids.productA}`);
    expect(product.statusCode).toBe(404);
    expect(product.headers['content-type']).toContain('application/problem+json');
    expect(product.json()).toMatchObject({ status: 404, code: 'not-found' });
    expect((await b.request('GET', `/api/organisations/${ids.orgA}/products`)).statusCode).toBe(404);
    expect((await b.request('POST', `/api/organisations/${ids.orgA}/products`, { name: 'intrusion' })).statusCode).toBe(404);
    const orgs = (await b.request('GET', '/api/organisations')).json().organisations as { id: string }[];
    expect(orgs.map((o) => o.id)).toEqual([ids.orgB]);
  });

  it('a member of organisation A sees its own product', async () => {
    const a = new ApiClient(app);
    await a.login('a@example.test', pw);
    const r = await a.request('GET', `/api/products/${ids.productA}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: 'Smart Lock X1', organisationId: ids.orgA });
  });

  it('a member cannot reach admin routes', async () => {
    const a = new ApiClient(app);
    await a.login('a@example.test', pw);
    for (const [method, url, body] of [
      ['GET', '/api/admin/users', undefined],
      ['POST', '/api/admin/users', { email: 'x@example.test', displayName: 'x', password: pw, role: 'admin' }],
      ['PUT', '/api/admin/settings', { anonymousRead: true }],
      ['GET', '/api/admin/audit', undefined],
      ['POST', '/api/organisations', { name: 'Org C' }],
    ] as const) {
      const r = await a.request(method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().code).toBe('forbidden');
    }
    expect((await new ApiClient(app).request('GET', '/api/admin/users')).statusCode).toBe(401);
  });

  it('a state-changing request without the CSRF token is refused and changes nothing', async () => {
    const before = (await admin.request('GET', '/api/organisations')).json().organisations.length;
    const r = await admin.request('POST', '/api/organisations', { name: 'Org CSRF' }, { csrf: false });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('csrf-failed');
    const wrong = await admin.request('POST', '/api/organisations', { name: 'Org CSRF' }, { csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
    const crossSite = await admin.request('POST', '/api/organisations', { name: 'Org CSRF' }, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
    const login = await new ApiClient(app).request('POST', '/api/auth/login', ADMIN);
    expect(login.statusCode).toBe(403);
    expect((await admin.request('GET', '/api/organisations')).json().organisations.length).toBe(before);
  });

  it('editions are hidden from anonymous visitors until an admin allows it', async () => {
    const anon = new ApiClient(app);
    expect((await anon.request('GET', '/api/editions')).statusCode).toBe(401);
    expect((await admin.request('PUT', '/api/admin/settings', { anonymousRead: true })).statusCode).toBe(200);
    const list = await anon.request('GET', '/api/editions');
    expect(list.statusCode).toBe(200);
    const current = list.json().current as string;
    const matrix = (await anon.request('GET', `/api/editions/${current}/matrix`)).json();
    expect(matrix.cells).toHaveLength(40);
    expect(matrix.total).toBeGreaterThan(0);
    await admin.request('PUT', '/api/admin/settings', { anonymousRead: false });
    expect((await anon.request('GET', '/api/editions')).statusCode).toBe(401);
  });

  it('every mutation above is in the audit log', async () => {
    const entries = (await admin.request('GET', '/api/admin/audit?limit=500')).json().entries as { action: string }[];
    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      'setup.admin-created',
      'auth.login',
      'organisation.created',
      'user.created',
      'product.created',
      'settings.anonymous-read',
      'edition.imported',
    ]) {
      expect(actions, a).toContain(a);
    }
  });
});
