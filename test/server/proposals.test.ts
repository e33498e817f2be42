import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import { ApiClient } from '../helpers/api-client.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';
import { addUsers } from './assessments.fixture.js';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };

interface ProposalJson {
  id: string;
  status: string;
  organisation: { id: string; name: string } | null;
  submittedBy: { id: string; displayName: string };
  title: string;
  text: string;
  decision: { reason: string | null; decidedBy: { displayName: string } | null; link: Record<string, unknown> | null } | null;
}

const concern = (title: string) => ({
  title,
  text: 'BLE の Just Works ペアリングでは中間者攻撃を防げない。\n設置時に近くの攻撃者が接続できる。',
  layers: ['device', 'network'],
  phases: ['design.software'],
  industry: 'スマートホーム',
});

describeEachDatabase('member proposals through the API', (get) => {
  let app: FastifyInstance;
  const as: Record<string, ApiClient> = {};
  const orgs = { a: '', b: '' };
  let firstRequirement = { id: '', number: '' };

  async function proposalOf(who: string, body = concern(`課題 from ${who}`)): Promise<ProposalJson> {
    const r = await client(who).request('POST', '/api/proposals', body);
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { proposal: ProposalJson }).proposal;
  }
  function client(who: string): ApiClient {
    const c = as[who];
    if (!c) throw new Error(`no client ${who}`);
    return c;
  }
  const list = async (who: string, query = '') =>
    ((await client(who).request('GET', `/api/proposals${query}`)).json() as { proposals: ProposalJson[] }).proposals.map((p) => p.id);

  beforeAll(async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
    await importBundledEdition(ctx);
    app = await buildApp({ ctx });
    const token = new URL((await issueSetupLink(ctx)) as string).hash.replace('#token=', '');
    const anon = new ApiClient(app);
    await anon.session();
    await anon.request('POST', '/api/setup', { token, email: ADMIN.email, displayName: '管理者', password: ADMIN.password });
    const admin = new ApiClient(app);
    expect((await admin.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    as.admin = admin;
    orgs.a = (await admin.request('POST', '/api/organisations', { name: 'Org A 株式会社' })).json().id;
    orgs.b = (await admin.request('POST', '/api/organisations', { name: 'Org B 合同会社' })).json().id;
    const users: [string, string, string | null][] = [
      ['a1', 'member', orgs.a],
      ['a2', 'member', orgs.a],
      ['b1', 'member', orgs.b],
      ['as1', 'assessor', null],
      ['as2', 'assessor', null],
      ['ed', 'editor', null],
    ];
    Object.assign(as, await addUsers(app, admin, users));
    const current = (await admin.request('GET', '/api/editions')).json().current as string;
    const items = (await admin.request('GET', `/api/editions/${current}/requirements`)).json().items as { id: string; number: string }[];
    firstRequirement = items[0] ?? firstRequirement;
  });
  afterAll(async () => app?.close());

  describe('submitting', () => {
    it("files a member's proposal under their organisation and audits it", async () => {
      const p = await proposalOf('a1');
      expect(p).toMatchObject({ status: 'submitted', source: 'member', organisation: { id: orgs.a, name: 'Org A 株式会社' }, decision: null });
      expect(p.submittedBy.displayName).toBe('利用者 a1');
      const audit = (await client('admin').request('GET', '/api/admin/audit?limit=50')).json().entries as { action: string; targetId: string }[];
      expect(audit.find((e) => e.action === 'proposal.submitted' && e.targetId === p.id)).toBeTruthy();
    });

    it('files assessors’ and editors’ proposals without an organisation', async () => {
      expect((await proposalOf('as1')).organisation).toBeNull();
      expect((await proposalOf('ed')).organisation).toBeNull();
    });

    it('refuses anonymous visitors', async () => {
      const anon = new ApiClient(app);
      await anon.session();
      expect((await anon.request('POST', '/api/proposals', concern('x'))).statusCode).toBe(401);
      expect((await anon.request('GET', '/api/proposals')).statusCode).toBe(401);
    });

    it('names the field of every bad input and stores nothing', async () => {
      const before = (await list('ed')).length;
      const cases: [unknown, string][] = [
        [{ ...concern('x'), title: '   ' }, 'body.title'],
        [{ text: 'no title' }, 'body.title'],
        [{ ...concern('x'), text: 'あ'.repeat(10_001) }, 'body.text'],
        [{ ...concern('x'), text: 'NUL \u0000 inside' }, 'body.text'],
        [{ ...concern('x'), title: 'two\nlines' }, 'body.title'],
        [{ ...concern('x'), layers: ['basement'] }, 'body.layers'],
        [{ ...concern('x'), phases: ['planning', 'planning'] }, 'body.phases'],
        [{ ...concern('x'), industry: 'x'.repeat(101) }, 'body.industry'],
        // Neither coerced nor silently dropped.
        [{ ...concern('x'), title: 123 }, 'body.title'],
        [{ ...concern('x'), layers: 'device' }, 'body.layers'],
        [{ ...concern('x'), organisationId: 'someone-else' }, 'body'],
      ];
      for (const [body, path] of cases) {
        const r = await client('a1').request('POST', '/api/proposals', body);
        expect(r.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(r.json().code).toBe('validation-failed');
        const paths = (r.json().errors as { path: string }[]).map((e) => e.path);
        expect(
          paths.some((p) => p.startsWith(path)),
          `${paths.join(',')} names ${path}`,
        ).toBe(true);
      }
      expect((await list('ed')).length).toBe(before);
    });

    it('returns hostile text verbatim as JSON data, never as markup of its own', async () => {
      const title = '<img src=x onerror=alert(1)> "quoted" & </script>';
      const p = await proposalOf('a1', { ...concern(title), text: '<b>bold?</b>' });
      const r = await client('a1').request('GET', `/api/proposals/${p.id}`);
      expect(r.headers['content-type']).toContain('application/json');
      expect(r.json().proposal).toMatchObject({ title, text: '<b>bold?</b>' });
    });
  });

  describe('who sees what', () => {
    let fromA: ProposalJson;
    let fromAssessor: ProposalJson;
    beforeAll(async () => {
      fromA = await proposalOf('a1', concern('A の課題'));
      fromAssessor = await proposalOf('as1', concern('診断者の課題'));
    });

    it('a colleague in the same organisation sees it; the list shows only the organisation’s own', async () => {
      expect((await client('a2').request('GET', `/api/proposals/${fromA.id}`)).statusCode).toBe(200);
      const ids = await list('a2');
      expect(ids).toContain(fromA.id);
      expect(ids).not.toContain(fromAssessor.id);
    });

    it("a member of organisation B gets 404 for organisation A's proposal in GET, list and every action", async () => {
      const b = client('b1');
      const get = await b.request('GET', `/api/proposals/${fromA.id}`);
      expect(get.statusCode).toBe(404);
      expect(get.headers['content-type']).toContain('application/problem+json');
      expect(get.json()).toMatchObject({ status: 404, code: 'not-found' });
      expect(await list('b1')).not.toContain(fromA.id);
      expect(await list('b1', '?status=submitted')).not.toContain(fromA.id);
      expect((await b.request('POST', `/api/proposals/${fromA.id}/accept`, { requirementId: firstRequirement.id })).statusCode).toBe(404);
      expect((await b.request('POST', `/api/proposals/${fromA.id}/reject`, { reason: 'not ours' })).statusCode).toBe(404);
      // The same answer as for an id that does not exist.
      const none = await b.request('GET', '/api/proposals/00000000-0000-0000-0000-000000000000');
      expect(none.statusCode).toBe(404);
      expect(Object.keys(none.json()).sort()).toEqual(Object.keys(get.json()).sort());
    });

    it('an assessor sees only their own proposals', async () => {
      expect((await client('as2').request('GET', `/api/proposals/${fromAssessor.id}`)).statusCode).toBe(404);
      expect((await client('as2').request('GET', `/api/proposals/${fromA.id}`)).statusCode).toBe(404);
      expect(await list('as2')).toEqual([]);
      expect(await list('as1')).toContain(fromAssessor.id);
      expect((await client('a1').request('GET', `/api/proposals/${fromAssessor.id}`)).statusCode).toBe(404);
    });

    it('editors and admins see every proposal', async () => {
      for (const who of ['ed', 'admin']) {
        const ids = await list(who);
        expect(ids).toContain(fromA.id);
        expect(ids).toContain(fromAssessor.id);
      }
    });

    it('members and assessors may not decide, even on proposals they see', async () => {
      for (const [who, id] of [
        ['a2', fromA.id],
        ['as1', fromAssessor.id],
      ] as const) {
        const r = await client(who).request('POST', `/api/proposals/${id}/reject`, { reason: 'self-service' });
        expect(r.statusCode).toBe(403);
        expect(r.json().code).toBe('forbidden');
      }
      expect((await client('ed').request('GET', `/api/proposals/${fromA.id}`)).json().proposal.status).toBe('submitted');
    });
  });

  describe('deciding', () => {
    it('an editor accepts by linking a requirement of the current edition; the organisation sees the outcome', async () => {
      const p = await proposalOf('a1', concern('既存項目で扱える課題'));
      const r = await client('ed').request('POST', `/api/proposals/${p.id}/accept`, { requirementId: firstRequirement.id, reason: '既存項目で対応済みです' });
      expect(r.statusCode, r.body).toBe(200);
      const seen = (await client('a2').request('GET', `/api/proposals/${p.id}`)).json().proposal as ProposalJson;
      expect(seen.status).toBe('accepted');
      expect(seen.decision).toMatchObject({
        reason: '既存項目で対応済みです',
        decidedBy: { displayName: '利用者 ed' },
        link: { kind: 'existing', requirementId: firstRequirement.id, number: firstRequirement.number },
      });
      expect(await list('a1', '?status=accepted')).toContain(p.id);
      expect(await list('a1', '?status=submitted')).not.toContain(p.id);
    });

    it('an editor rejects with a reason, which the submitter reads', async () => {
      const p = await proposalOf('a1', concern('対象外の課題'));
      expect((await client('ed').request('POST', `/api/proposals/${p.id}/reject`, {})).statusCode).toBe(400);
      const r = await client('admin').request('POST', `/api/proposals/${p.id}/reject`, { reason: '手引書の対象外（運用組織の規程）です' });
      expect(r.statusCode).toBe(200);
      const seen = (await client('a1').request('GET', `/api/proposals/${p.id}`)).json().proposal as ProposalJson;
      expect(seen).toMatchObject({ status: 'rejected', decision: { reason: '手引書の対象外（運用組織の規程）です', link: null } });
    });

    it('a decided proposal cannot be decided again (409), and stays as decided', async () => {
      const p = await proposalOf('a1', concern('二度目の判断'));
      expect((await client('ed').request('POST', `/api/proposals/${p.id}/reject`, { reason: '重複' })).statusCode).toBe(200);
      const again = await client('ed').request('POST', `/api/proposals/${p.id}/accept`, { requirementId: firstRequirement.id });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('conflict');
      expect((await client('admin').request('POST', `/api/proposals/${p.id}/reject`, { reason: 'again' })).statusCode).toBe(409);
      expect((await client('a1').request('GET', `/api/proposals/${p.id}`)).json().proposal.decision.reason).toBe('重複');
    });

    it('names the field of a bad decision and leaves the proposal open', async () => {
      const p = await proposalOf('a1', concern('不正な判断'));
      const cases: [unknown, string][] = [
        [{}, 'body.requirementId'],
        [{ requirementId: firstRequirement.id, newRequirement: { id: 'x' } }, 'body'],
        [{ requirementId: 'no-such-requirement' }, 'body.requirementId'],
        [{ reason: '' }, 'body'],
        [
          { newRequirement: { id: 'Not A Slug', number: 'X-1', title: { ja: 'あ', en: 'a' }, layers: ['device'], phases: ['planning'], threatCategory: 'x' } },
          'body.newRequirement.id',
        ],
      ];
      for (const [body, path] of cases) {
        const r = await client('ed').request('POST', `/api/proposals/${p.id}/accept`, body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        const paths = (r.json().errors as { path: string }[]).map((e) => e.path);
        expect(
          paths.some((x) => x.startsWith(path)),
          `${paths.join(',')} names ${path}`,
        ).toBe(true);
      }
      expect((await client('ed').request('GET', '/api/proposals?status=nonsense')).json().errors[0].path).toBe('query.status');
      expect((await client('ed').request('GET', `/api/proposals/${p.id}`)).json().proposal.status).toBe('submitted');
    });
  });

  describe('accepting into a draft', () => {
    const newItem = (id: string) => ({
      id,
      number: 'D-99.1',
      title: { ja: 'BLEペアリングの保護', en: 'Protect BLE pairing' },
      layers: ['device'],
      phases: ['design.software'],
      threatCategory: 'device-authentication',
    });

    it('needs an open draft, and says so by the draft field', async () => {
      const p = await proposalOf('a1', concern('草案なし'));
      const r = await client('ed').request('POST', `/api/proposals/${p.id}/accept`, { newRequirement: newItem('design-ble-pairing') });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].path).toBe('body.newRequirement.draftId');
    });

    it('creates the requirement in the latest draft with marked placeholders, and links it', async () => {
      const open = await client('ed').request('POST', '/api/drafts', { id: '2026.3', title: { ja: '2026年版 第3版（草案）', en: '2026 edition 3 (draft)' } });
      expect(open.statusCode, open.body).toBe(201);
      const p = await proposalOf('a1', concern('BLE ペアリング'));
      const r = await client('ed').request('POST', `/api/proposals/${p.id}/accept`, { newRequirement: newItem('design-ble-pairing') });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().proposal.decision.link).toEqual({
        kind: 'draft',
        draftId: '2026.3',
        requirementId: 'design-ble-pairing',
        number: 'D-99.1',
        title: { ja: 'BLEペアリングの保護', en: 'Protect BLE pairing' },
      });
      const item = (await client('ed').request('GET', '/api/drafts/2026.3/requirements/design-ble-pairing')).json();
      const text = JSON.stringify(item);
      expect(text).toContain('【要記入】');
      expect(text).toContain('[TO COMPLETE]');
      expect(text).toContain('Just Works');
      const outcome = (await client('a2').request('GET', `/api/proposals/${p.id}`)).json().proposal as ProposalJson;
      expect(outcome.decision?.link).toMatchObject({ kind: 'draft', requirementId: 'design-ble-pairing' });
      const audit = (await client('admin').request('GET', '/api/admin/audit?limit=20')).json().entries as { action: string; targetId: string }[];
      expect(audit.find((e) => e.action === 'proposal.accepted' && e.targetId === p.id)).toBeTruthy();
      expect(audit.find((e) => e.action === 'draft.requirement-created')).toBeTruthy();
    });

    it('a draft refusal (taken id, unknown category, unknown draft) names the field and leaves the proposal open', async () => {
      const p = await proposalOf('a1', concern('重複するID'));
      const taken = await client('ed').request('POST', `/api/proposals/${p.id}/accept`, { newRequirement: newItem('design-ble-pairing') });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().errors[0].path).toBe('body.newRequirement.id');
      const category = await client('ed').request('POST', `/api/proposals/${p.id}/accept`, {
        newRequirement: { ...newItem('design-ble-other'), threatCategory: 'no-such-category' },
      });
      expect(category.statusCode).toBe(400);
      expect((category.json().errors as { path: string }[]).map((e) => e.path)).toContain('body.newRequirement.threatCategory');
      const draft = await client('ed').request('POST', `/api/proposals/${p.id}/accept`, {
        newRequirement: { ...newItem('design-ble-other'), draftId: '2099.9' },
      });
      expect(draft.statusCode).toBe(400);
      expect(draft.json().errors[0].path).toBe('body.newRequirement.draftId');
      expect((await client('ed').request('GET', `/api/proposals/${p.id}`)).json().proposal.status).toBe('submitted');
      expect((await client('ed').request('GET', '/api/drafts/2026.3/requirements/design-ble-other')).statusCode).toBe(404);
    });
  });
});
