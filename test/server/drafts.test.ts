import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Requirement } from '../../src/core/model/edition.schema.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { ApiClient } from '../helpers/api-client.js';
import { appWithAdmin } from '../helpers/app-with-admin.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';

const pw = 'another long passphrase 42';

describeEachDatabase('draft editor API', (get) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  let editor: ApiClient;
  let baseId = '';
  let req: Requirement;

  const as = async (email: string) => {
    const c = new ApiClient(app);
    expect((await c.login(email, pw)).statusCode).toBe(200);
    return c;
  };

  beforeAll(async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
    baseId = (await importBundledEdition(ctx)).id;
    ({ app, admin } = await appWithAdmin(ctx));
    const org = (await admin.request('POST', '/api/organisations', { name: 'Member Org' })).json().id as string;
    for (const [email, role, organisationId] of [
      ['editor@example.test', 'editor', undefined],
      ['assessor@example.test', 'assessor', undefined],
      ['member@example.test', 'member', org],
    ] as const) {
      const r = await admin.request('POST', '/api/admin/users', {
        email,
        displayName: email,
        password: pw,
        role,
        ...(organisationId ? { organisationId } : {}),
      });
      expect(r.statusCode, email).toBe(201);
    }
    editor = await as('editor@example.test');
    req = (
      await editor.request(
        'GET',
        `/api/editions/${baseId}/requirements/${(await editor.request('GET', `/api/editions/${baseId}/requirements`)).json().items[0].id}`,
      )
    ).json();
  });
  afterAll(async () => app?.close());

  const strip = (r: Record<string, unknown>): Requirement => {
    const { threatCategoryLabel: _l, glossaryIndex: _g, ...rest } = r;
    return rest as unknown as Requirement;
  };

  it('only editors and admins reach drafts: anonymous 401, members and assessors 403', async () => {
    const anon = new ApiClient(app);
    await anon.session();
    expect((await anon.request('GET', '/api/drafts')).statusCode).toBe(401);
    expect((await anon.request('POST', '/api/drafts', { id: '2026.3', title: { ja: 'x', en: 'x' } })).statusCode).toBe(401);
    for (const email of ['member@example.test', 'assessor@example.test']) {
      const c = await as(email);
      for (const [method, url, body] of [
        ['GET', '/api/drafts', undefined],
        ['POST', '/api/drafts', { id: '2026.3', title: { ja: 'x', en: 'x' } }],
        ['POST', '/api/drafts/2026.3/check', { kind: 'requirement', item: {} }],
      ] as const) {
        const r = await c.request(method, url, body);
        expect(r.statusCode, `${email} ${method} ${url}`).toBe(403);
        expect(r.json().code).toBe('forbidden');
      }
    }
    expect((await admin.request('GET', '/api/drafts')).statusCode).toBe(200);
  });

  it('opens a draft; a bad or existing id is refused by field', async () => {
    const bad = await editor.request('POST', '/api/drafts', { id: 'next', title: { ja: '次版', en: 'Next' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'id', message: 'must look like 2026.1', code: 'bad-format' }]);
    const emptyTitle = await editor.request('POST', '/api/drafts', { id: '2026.3', title: { ja: '次版', en: ' ' } });
    expect(emptyTitle.statusCode).toBe(400);
    expect(emptyTitle.json().errors[0].path).toBe('body.title.en');
    const taken = await editor.request('POST', '/api/drafts', { id: baseId, title: { ja: '次版', en: 'Next' } });
    expect(taken.statusCode).toBe(409);
    const r = await editor.request('POST', '/api/drafts', { id: '2026.3', title: { ja: '2026年版 第3版', en: '2026 edition, 3rd' } });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ id: '2026.3', baseEditionId: baseId });
    const overview = (await editor.request('GET', '/api/drafts/2026.3')).json();
    expect(overview.requirements.find((x: { id: string }) => x.id === req.id)).toMatchObject({ number: req.number, version: 1 });
  });

  it('a stale write answers 409 naming the item; a fresh one bumps the version', async () => {
    const url = `/api/drafts/2026.3/requirements/${req.id}`;
    const item = (await editor.request('GET', url)).json();
    expect(item.version).toBe(1);
    const ok = await editor.request('PUT', url, { requirement: { ...item.requirement, title: { ...req.title, en: 'Edited once' } }, version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: req.id, version: 2 });
    const stale = await editor.request('PUT', url, { requirement: { ...item.requirement, title: { ...req.title, en: 'Edited twice' } }, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict' });
    expect(stale.json().detail).toContain(req.id);
    expect((await editor.request('GET', url)).json()).toMatchObject({ version: 2, requirement: { title: { en: 'Edited once' } } });
  });

  it('an invalid write answers 400 with every problem by path, and stores nothing', async () => {
    const url = `/api/drafts/2026.3/requirements/${req.id}`;
    const { requirement, version } = (await editor.request('GET', url)).json();
    const r = await editor.request('PUT', url, {
      requirement: { ...requirement, title: { ja: requirement.title.ja, en: '' }, threatCategory: 'no-such-category', terms: ['no-such-term'] },
      version,
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().errors).toEqual([{ path: 'requirement.title.en', message: 'must not be empty', severity: 'error', code: 'schema-too-small' }]);
    const refs = await editor.request('PUT', url, { requirement: { ...requirement, threatCategory: 'no-such-category', terms: ['no-such-term'] }, version });
    expect(refs.statusCode).toBe(400);
    expect(refs.json().errors.map((e: { path: string }) => e.path)).toEqual(['requirement.threatCategory', 'requirement.terms[0]']);
    const renamed = await editor.request('PUT', url, { requirement: { ...requirement, id: 'another-id' }, version });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().errors[0].path).toBe('requirement.id');
    expect((await editor.request('GET', url)).json()).toEqual({ requirement, version });
  });

  it('hostile input is refused without effect', async () => {
    const url = `/api/drafts/2026.3/requirements/${req.id}`;
    const { requirement, version } = (await editor.request('GET', url)).json();
    const polluted = JSON.parse(`{"requirement": ${JSON.stringify({ ...requirement })}, "version": ${version}}`);
    polluted.requirement = JSON.parse(JSON.stringify(requirement).replace(/^\{/, '{"__proto__":{"polluted":true},'));
    const p = await editor.request('PUT', url, polluted);
    expect(p.statusCode).toBe(400);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((await editor.request('PUT', url, { requirement: 'not an object', version })).statusCode).toBe(400);
    expect((await editor.request('PUT', url, { requirement, version: -1 })).statusCode).toBe(400);
    const huge = await editor.request('PUT', url, { requirement: { ...requirement, criteria: [{ ja: 'あ'.repeat(300_000), en: 'x' }] }, version });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().errors).toEqual([{ path: 'body', message: expect.any(String), code: 'too-large' }]);
    const noCsrf = await editor.request('PUT', url, { requirement, version }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect((await editor.request('GET', '/api/drafts/..%2F..%2Fetc/requirements/x')).statusCode).toBe(404);
    expect((await editor.request('GET', url)).json().version).toBe(version);
  });

  it('the live check returns the problems of a change without storing it', async () => {
    const url = `/api/drafts/2026.3/requirements/${req.id}`;
    const { requirement, version } = (await editor.request('GET', url)).json();
    const check = await editor.request('POST', '/api/drafts/2026.3/check', {
      kind: 'requirement',
      item: { ...requirement, title: { ja: requirement.title.ja, en: '' } },
    });
    expect(check.statusCode).toBe(200);
    // A catalog nothing maps to yet (standard-unmapped) is a notice about the edition, not about this item.
    const body = check.json() as { ok: boolean; problems: { code: string }[] };
    expect({ ...body, problems: body.problems.filter((p) => p.code !== 'standard-unmapped') }).toEqual({
      ok: false,
      problems: [{ severity: 'error', code: 'schema-too-small', path: 'requirement.title.en', message: 'must not be empty' }],
    });
    const fine = await editor.request('POST', '/api/drafts/2026.3/check', { kind: 'requirement', item: requirement });
    expect(fine.json()).toMatchObject({ ok: true });
    const duplicate = await editor.request('POST', '/api/drafts/2026.3/check', { kind: 'requirement', item: requirement, mode: 'create' });
    expect((duplicate.json().problems as { code: string }[]).filter((p) => p.code !== 'standard-unmapped')).toEqual([
      expect.objectContaining({ path: 'requirement.id', message: 'already exists' }),
      expect.objectContaining({ path: 'requirement.number', code: 'duplicate-number' }),
    ]);
    expect((await editor.request('GET', url)).json()).toEqual({ requirement, version });
  });

  it('terms: create, update, delete over HTTP with versions', async () => {
    const term = { id: 'api-test-term', term: { ja: 'API用語', en: 'API term' }, definition: { ja: '試験用。', en: 'For tests.' } };
    const created = await editor.request('POST', '/api/drafts/2026.3/terms', { term });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: term.id, version: 1 });
    const bad = await editor.request('POST', '/api/drafts/2026.3/terms', { term: { ...term, id: 'other-term', reading: 'romaji' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'term.reading', message: 'must be kana' });
    const updated = await editor.request('PUT', `/api/drafts/2026.3/terms/${term.id}`, { term: { ...term, reading: 'えーぴーあいようご' }, version: 1 });
    expect(updated.json()).toMatchObject({ version: 2 });
    expect((await editor.request('DELETE', `/api/drafts/2026.3/terms/${term.id}?version=1`)).statusCode).toBe(409);
    expect((await editor.request('DELETE', `/api/drafts/2026.3/terms/${term.id}?version=2`)).statusCode).toBe(204);
    expect((await editor.request('GET', `/api/drafts/2026.3/terms/${term.id}`)).statusCode).toBe(404);
  });

  it('the diff lists the change against the published edition', async () => {
    const diff = (await editor.request('GET', '/api/drafts/2026.3/diff')).json();
    expect(diff.from.id).toBe(baseId);
    expect(diff.to.id).toBe('2026.3');
    const change = diff.requirements.changed.find((c: { id: string }) => c.id === req.id);
    expect(change.fields).toEqual([{ field: 'title', before: req.title, after: { ...req.title, en: 'Edited once' } }]);
    expect(diff.summary).toMatchObject({ requirementsChanged: 1, requirementsAdded: 0, termsAdded: 0 });
  });

  it('publishing makes a new immutable current edition and leaves the old one as it was', async () => {
    expect((await editor.request('POST', '/api/drafts/2026.3/publish', { changelog: { ja: '', en: 'x' } })).statusCode).toBe(400);
    const { revision } = (await editor.request('GET', '/api/drafts/2026.3/diff')).json();
    const r = await editor.request('POST', '/api/drafts/2026.3/publish', { changelog: { ja: '項目名を修正した。', en: 'Renamed an item.' }, revision });
    expect(r.statusCode).toBe(200);
    expect(r.json().edition).toMatchObject({ id: '2026.3', status: 'published' });
    const editions = (await editor.request('GET', '/api/editions')).json();
    expect(editions.current).toBe('2026.3');
    const member = await as('member@example.test');
    expect((await member.request('GET', `/api/editions/2026.3/requirements/${req.id}`)).json().title.en).toBe('Edited once');
    expect(strip((await member.request('GET', `/api/editions/${baseId}/requirements/${req.id}`)).json())).toEqual(
      strip(req as unknown as Record<string, unknown>),
    );
    const after = await editor.request('PUT', `/api/drafts/2026.3/requirements/${req.id}`, {
      requirement: strip(req as unknown as Record<string, unknown>),
      version: 2,
    });
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('immutable');
    expect((await editor.request('GET', '/api/drafts')).json().drafts).toEqual([]);
    expect((await editor.request('POST', '/api/drafts/2026.3/publish', { changelog: { ja: 'x', en: 'x' } })).statusCode).toBe(409);
  });
});
