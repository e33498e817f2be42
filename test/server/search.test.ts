import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import { ApiClient } from '../helpers/api-client.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';

interface Snippet {
  field: string;
  lang: 'ja' | 'en';
  text: string;
  highlights: [number, number][];
}
interface Hit {
  kind: 'requirement' | 'term' | 'standard-requirement';
  id: string;
  standard?: string;
  number?: string;
  title: { ja: string; en: string };
  score: number;
  snippets: Snippet[];
}
interface SearchBody {
  query: string;
  total: number;
  results: Hit[];
}

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };
const PW = 'another long passphrase 42';

describeEachDatabase('search and keyword extraction through the API', (get) => {
  let app: FastifyInstance;
  const clients: Record<'admin' | 'editor' | 'member' | 'assessor' | 'anonymous', ApiClient> = {} as never;
  let edition = '';
  const searchUrl = (query: string) => `/api/editions/${encodeURIComponent(edition)}/search?${query}`;
  const keywordsUrl = (query = '') => `/api/editions/${encodeURIComponent(edition)}/keywords${query ? `?${query}` : ''}`;

  beforeAll(async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
    edition = (await importBundledEdition(ctx)).id;
    app = await buildApp({ ctx });
    const link = (await issueSetupLink(ctx)) as string;
    clients.anonymous = new ApiClient(app);
    await clients.anonymous.session();
    const token = new URL(link).hash.replace('#token=', '');
    expect(
      (await clients.anonymous.request('POST', '/api/setup', { token, email: ADMIN.email, displayName: '管理者', password: ADMIN.password })).statusCode,
    ).toBe(201);
    clients.admin = new ApiClient(app);
    expect((await clients.admin.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    const org = (await clients.admin.request('POST', '/api/organisations', { name: 'Org A 株式会社' })).json().id as string;
    for (const role of ['editor', 'member', 'assessor'] as const) {
      const email = `${role}@example.test`;
      const body = { email, displayName: role, password: PW, role, ...(role === 'member' ? { organisationId: org } : {}) };
      expect((await clients.admin.request('POST', '/api/admin/users', body)).statusCode).toBe(201);
      clients[role] = new ApiClient(app);
      expect((await clients[role].login(email, PW)).statusCode).toBe(200);
    }
  });
  afterAll(async () => app?.close());

  it('answers the search contract: ranked hits of every kind with snippets whose offsets mark the query', async () => {
    const r = await clients.member.request('GET', searchUrl(`q=${encodeURIComponent('認証')}&limit=100`));
    expect(r.statusCode).toBe(200);
    const body = r.json() as SearchBody;
    expect(body.query).toBe('認証');
    expect(body.total).toBeGreaterThan(body.results.length - 1);
    expect(body.results.length).toBe(100);
    expect(new Set(body.results.map((h) => h.kind))).toEqual(new Set(['requirement', 'term', 'standard-requirement']));
    for (const hit of body.results) {
      expect(Object.keys(hit).sort()).toEqual(
        [
          'id',
          'kind',
          'score',
          'snippets',
          'title',
          ...(hit.kind === 'requirement' ? ['number'] : []),
          ...(hit.kind === 'standard-requirement' ? ['standard'] : []),
        ].sort(),
      );
      expect(typeof hit.title.ja).toBe('string');
      for (const s of hit.snippets) {
        expect(['ja', 'en']).toContain(s.lang);
        for (const [start, end] of s.highlights) expect(s.text.slice(start, end)).toBe('認証');
      }
    }
    const scores = body.results.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const userAuth = body.results.find((h) => h.id === 'design-user-authentication' || h.title.ja === 'ユーザ認証の設計');
    expect(userAuth?.kind).toBe('requirement');
  });

  it('a query equal to an item number puts that item first; English words match by prefix', async () => {
    const byNumber = (await clients.admin.request('GET', searchUrl('q=D-2.1'))).json() as SearchBody;
    expect(byNumber.results[0]).toMatchObject({ kind: 'requirement', number: 'D-2.1' });
    const byId = (await clients.admin.request('GET', searchUrl(`q=${encodeURIComponent('CR 7.7')}`))).json() as SearchBody;
    expect(byId.results[0]).toMatchObject({ kind: 'standard-requirement', id: 'CR 7.7', standard: 'iec-62443-4-2' });
    const prefix = (await clients.admin.request('GET', searchUrl('q=firmw&lang=en&limit=5'))).json() as SearchBody;
    expect(prefix.results.length).toBe(5);
    expect(prefix.results[0]?.snippets[0]?.lang).toBe('en');
  });

  it('refuses an empty, blank, missing or over-long query with validation-failed naming query.q', async () => {
    for (const query of ['q=', 'q=%20%20%E3%80%80', '', `q=${'a'.repeat(201)}`, 'q=a&q=b']) {
      const r = await clients.admin.request('GET', searchUrl(query));
      expect(r.statusCode, query).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      const problem = r.json() as { code: string; errors: { path: string }[] };
      expect(problem.code).toBe('validation-failed');
      expect(problem.errors.map((e) => e.path)).toContain('query.q');
    }
    expect((await clients.admin.request('GET', searchUrl(`q=${encodeURIComponent('🔒'.repeat(200))}`))).statusCode).toBe(200);
  });

  it('refuses a bad limit or language, and unknown parameters', async () => {
    for (const [query, path] of [
      ['q=x&limit=0', 'query.limit'],
      ['q=x&limit=101', 'query.limit'],
      ['q=x&limit=ten', 'query.limit'],
      ['q=x&lang=fr', 'query.lang'],
    ] as const) {
      const r = await clients.admin.request('GET', searchUrl(query));
      expect(r.statusCode, query).toBe(400);
      expect((r.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
    expect((await clients.admin.request('GET', searchUrl('q=x&debug=1'))).statusCode).toBe(400);
  });

  it('hostile queries are plain text: markup, regular-expression syntax, SQL, emoji', async () => {
    for (const q of ['<script>alert(1)</script>', '.*', '(?<a>)\\1[', "' OR 1=1 --", '🔒', '%00']) {
      const r = await clients.admin.request('GET', searchUrl(`q=${encodeURIComponent(q)}`));
      expect(r.statusCode, q).toBe(200);
      expect((r.json() as SearchBody).query).toBe(q);
    }
  });

  it('has the read permission of the edition: anonymous 401 unless anonymous reading is on; unknown edition 404', async () => {
    const anonymous = new ApiClient(app);
    expect((await anonymous.request('GET', searchUrl('q=x'))).statusCode).toBe(401);
    expect((await clients.admin.request('GET', '/api/editions/1999.9/search?q=x')).statusCode).toBe(404);
    expect((await clients.admin.request('PUT', '/api/admin/settings', { anonymousRead: true })).statusCode).toBeLessThan(300);
    try {
      const r = await anonymous.request('GET', searchUrl('q=x'));
      expect(r.statusCode).toBe(200);
      expect((await anonymous.request('GET', keywordsUrl())).statusCode).toBe(401);
    } finally {
      expect((await clients.admin.request('PUT', '/api/admin/settings', { anonymousRead: false })).statusCode).toBeLessThan(300);
    }
    expect((await anonymous.request('GET', searchUrl('q=x'))).statusCode).toBe(401);
  });

  it('keyword candidates: editors and admins only (members and assessors 403, anonymous 401)', async () => {
    const r = await clients.editor.request('GET', keywordsUrl('limit=5'));
    expect(r.statusCode).toBe(200);
    const body = r.json() as { edition: string; candidates: { term: string; lang: string; count: number; requirements: number; occurrences: unknown[] }[] };
    expect(body.edition).toBe(edition);
    expect(body.candidates).toHaveLength(5);
    for (const c of body.candidates) {
      expect(Object.keys(c).sort()).toEqual(['count', 'lang', 'occurrences', 'requirements', 'term']);
      expect(c.occurrences.length).toBeGreaterThan(0);
      expect(c.occurrences[0]).toEqual({ requirementId: expect.any(String), number: expect.any(String), field: expect.any(String) });
    }
    expect((await clients.admin.request('GET', keywordsUrl())).statusCode).toBe(200);
    expect((await clients.member.request('GET', keywordsUrl())).statusCode).toBe(403);
    expect((await clients.assessor.request('GET', keywordsUrl())).statusCode).toBe(403);
    expect((await new ApiClient(app).request('GET', keywordsUrl())).statusCode).toBe(401);
    expect((await clients.editor.request('GET', keywordsUrl('limit=0'))).statusCode).toBe(400);
  });
});
