import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { ApiClient } from '../helpers/api-client.js';
import { appWithAdmin } from '../helpers/app-with-admin.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';

interface Localized {
  ja: string;
  en: string;
}
interface Answer {
  edition: { id: string; title: Localized } | null;
  filter: { sector?: string; level?: string };
  sectors: { id: string; label: Localized }[];
  levels: { id: string; label: Localized }[];
  total: number;
  entries: {
    id: string;
    name: string;
    kind: string;
    sectors: string[];
    levels: string[];
    confidence: string;
    description: Localized;
    catalog: { id: string; loaded: boolean; title?: Localized; version?: string } | null;
  }[];
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };

describeEachDatabase('the standards landscape through the API', (get) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  let edition = '';
  const copies = tempDir();

  beforeAll(async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
    edition = (await importBundledEdition(ctx)).id;
    ({ app, admin } = await appWithAdmin(ctx));
  });
  afterAll(async () => {
    await app?.close();
    copies.remove();
  });

  const get200 = async (url: string) => {
    const r = await admin.request('GET', url);
    expect(r.statusCode, `GET ${url}: ${r.body}`).toBe(200);
    return r.json() as Answer;
  };

  it('answers every entry, joined with the catalogs of the current edition', async () => {
    const body = await get200('/api/landscape');
    expect(body.edition?.id).toBe(edition);
    expect(body.filter).toEqual({});
    expect(body.total).toBe(body.entries.length);
    expect(body.sectors.map((s) => s.id)).toEqual(
      expect.arrayContaining(['control-systems', 'consumer-iot', 'power', 'smart-grid', 'railway', 'process-industry']),
    );
    expect(body.levels.map((l) => l.id)).toEqual(['organisation', 'system', 'component', 'process']);
    const etsi = body.entries.find((e) => e.id === 'etsi-en-303-645');
    expect(etsi?.catalog).toMatchObject({ id: 'etsi-en-303-645', loaded: true, title: { en: expect.stringContaining('ETSI EN 303 645') } });
    // Every catalog the map names is carried by the edition, and reachable on its standard page.
    const named = body.entries.flatMap((e) => (e.catalog ? [e.catalog] : []));
    expect(named.every((c) => c.loaded)).toBe(true);
    for (const c of named) expect((await admin.request('GET', `/api/editions/${edition}/standards/${c.id}`)).statusCode, c.id).toBe(200);
    expect(body.entries.some((e) => e.confidence === 'recall')).toBe(true);
  });

  it('filters by sector and level together', async () => {
    const body = await get200('/api/landscape?sector=power&level=component');
    expect(body.filter).toEqual({ sector: 'power', level: 'component' });
    expect(body.entries.length).toBeGreaterThan(0);
    expect(body.entries.every((e) => e.sectors.includes('power') && e.levels.includes('component'))).toBe(true);
    expect(body.entries.map((e) => e.name)).toContain('IEEE 1686');
    // The axes stay complete so a client can offer every choice.
    expect(body.sectors.length).toBeGreaterThan(6);
  });

  it('refuses an unknown sector, naming the field and the valid ids', async () => {
    const r = await admin.request('GET', '/api/landscape?sector=space&level=system');
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const problem = r.json() as Problem;
    expect(problem.code).toBe('validation-failed');
    expect(problem.errors).toEqual([
      { path: 'query.sector', message: expect.stringContaining('valid sector ids: control-systems, consumer-iot'), code: expect.any(String) },
    ]);
  });

  it('refuses hostile and unknown query parameters before looking anything up', async () => {
    for (const url of ['/api/landscape?level=%3Cscript%3E', `/api/landscape?sector=${'a'.repeat(300)}`, '/api/landscape?colour=red']) {
      const r = await admin.request('GET', url);
      expect(r.statusCode, url).toBe(400);
      const problem = r.json() as Problem;
      expect(problem.code).toBe('validation-failed');
      expect(problem.errors?.[0]?.path.startsWith('query')).toBe(true);
      expect(r.body).not.toContain('<script>');
    }
  });

  it('is read like an edition: anonymous visitors only when the admin allows it', async () => {
    const anon = new ApiClient(app);
    expect((await anon.request('GET', '/api/landscape')).statusCode).toBe(401);
    expect((await admin.request('PUT', '/api/admin/settings', { anonymousRead: true })).statusCode).toBe(200);
    try {
      expect((await anon.request('GET', '/api/landscape?sector=railway')).statusCode).toBe(200);
    } finally {
      await admin.request('PUT', '/api/admin/settings', { anonymousRead: false });
    }
  });

  it('answers 404 without a landscape file and 500 without details for a broken one', async () => {
    const content = join(copies.path, 'content');
    cpSync(defaultContentDir(), content, { recursive: true });
    const other = await buildApp({ ctx: { store: get().store, config: testConfig({ contentDir: content }), now: () => new Date() } });
    try {
      const client = new ApiClient(other);
      expect((await client.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
      const file = join(content, 'landscape.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('sectors: [railway]', 'sectors: [railway, moon]'));
      const broken = await client.request('GET', '/api/landscape');
      expect(broken.statusCode).toBe(500);
      expect(broken.body).not.toContain('moon');
      expect(broken.body).not.toContain(copies.path);
      rmSync(file);
      const missing = await client.request('GET', '/api/landscape');
      expect(missing.statusCode).toBe(404);
      expect((missing.json() as Problem).code).toBe('not-found');
    } finally {
      await other.close();
    }
  });
});
