import { beforeAll, describe, expect, it } from 'vitest';
import { writeAnswers } from '../../src/services/answer-writes.js';
import { ApiClient } from '../helpers/api-client.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AssessmentJson, type AssessmentWorld, useAssessmentWorld } from './assessments.fixture.js';

interface ReviewJson {
  id: string;
  requirementId: string;
  round: number;
  decision: string;
  comment: string;
  selfVerdict: string;
  correctedVerdict: string | null;
  reviewedVerdict: string;
  replies: { body: string; by: { id: string } }[];
}
interface SelfJson {
  assessmentId: string;
  state: string;
  round: number;
  items: { requirementId: string; no: string; selfVerdict: string; reviewedVerdict: string | null; review: ReviewJson | null }[];
  reviews: ReviewJson[];
  can: Record<string, boolean>;
}

const PW = 'another long passphrase 42';

describeEachDatabase('self-assessment through the API', (get) => {
  const w = useAssessmentWorld(get);
  let manager: ApiClient;
  let sa: SelfJson;
  let view: AssessmentJson;
  let ids: string[];
  beforeAll(async () => {
    const admin = w.client('admin');
    const r = await admin.request('POST', '/api/admin/users', {
      email: 'mgr-a@example.test',
      displayName: '管理者 A',
      password: PW,
      role: 'member',
      organisationId: w.orgs.a,
    });
    expect(r.statusCode, r.body).toBe(201);
    const made = await admin.request('PATCH', `/api/users/${r.json().user.id}`, { orgManager: true });
    expect(made.statusCode, made.body).toBe(200);
    manager = new ApiClient(w.app);
    expect((await manager.login('mgr-a@example.test', PW)).statusCode).toBe(200);
  });

  const base = () => ({ title: '自己診断 2026', productVersion: '1.2.0', editionId: w.editionId, spec: { layers: ['device'], phases: [], profile: null } });
  const start = (who: Parameters<AssessmentWorld['client']>[0], productId = w.products.a) =>
    w.client(who).request('POST', `/api/products/${productId}/self-assessments`, base());
  const selfOf = async (who: Parameters<AssessmentWorld['client']>[0]) =>
    (await w.client(who).request('GET', `/api/assessments/${sa.assessmentId}/self-assessment`)).json() as SelfJson;
  const answer = async (who: Parameters<AssessmentWorld['client']>[0], requirementId: string, verdict: string, evidence = '設計書 3.2 節') => {
    const current = ((await w.client(who).request('GET', `/api/assessments/${sa.assessmentId}`)).json() as AssessmentJson).answers.find(
      (a) => a.requirementId === requirementId,
    );
    return w.client(who).request('PUT', `/api/assessments/${sa.assessmentId}/answers/${requirementId}`, {
      verdict,
      evidence,
      comment: verdict === 'not-applicable' ? '該当機能なし' : '',
      version: current?.version ?? 0,
    });
  };
  const audit = async () =>
    ((await w.client('admin').request('GET', '/api/admin/audit?limit=100')).json().entries as { action: string; targetId: string }[])
      .filter((e) => e.targetId === sa.assessmentId || e.targetId === w.orgs.a)
      .map((e) => e.action);

  describe('permission', () => {
    it('is off until the organisation manager allows it; members then start one of their own product only', async () => {
      expect((await start('a1')).statusCode).toBe(403);
      expect((await w.client('a1').request('GET', `/api/organisations/${w.orgs.a}/self-assessment`)).json()).toEqual({ allowed: false, canChange: false });
      expect((await w.client('a1').request('PUT', `/api/organisations/${w.orgs.a}/self-assessment`, { allowed: true })).statusCode).toBe(403);
      expect((await w.client('b1').request('PUT', `/api/organisations/${w.orgs.a}/self-assessment`, { allowed: true })).statusCode).toBe(404);
      expect((await w.client('b1').request('GET', `/api/organisations/${w.orgs.a}/self-assessment`)).statusCode).toBe(404);
      const bad = await manager.request('PUT', `/api/organisations/${w.orgs.a}/self-assessment`, { allowed: 'yes' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('body.allowed');
      const ok = await manager.request('PUT', `/api/organisations/${w.orgs.a}/self-assessment`, { allowed: true });
      expect(ok.json(), ok.body).toEqual({ allowed: true, canChange: true });
      // Org B has not allowed it, and nobody self-assesses another organisation's product.
      expect((await start('b1', w.products.b)).statusCode).toBe(403);
      expect((await start('b1', w.products.a)).statusCode).toBe(404);
      expect((await start('a1', w.products.b)).statusCode).toBe(404);
      expect((await start('as1')).statusCode).toBe(403);
      const r = await start('a1');
      expect(r.statusCode, r.body).toBe(201);
      sa = r.json() as SelfJson;
      expect(sa).toMatchObject({ state: 'draft', round: 0, can: { answer: true, submit: true, review: false, decide: false, reply: true } });
      view = (await w.client('a1').request('GET', `/api/assessments/${sa.assessmentId}`)).json() as AssessmentJson;
      ids = view.items.map((i) => i.requirementId);
      expect(ids.length).toBeGreaterThanOrEqual(10);
      expect(await audit()).toEqual(expect.arrayContaining(['organisation.self-assessment-permission', 'self-assessment.created']));
    });
  });

  describe('the member answers and submits', () => {
    it('answers with evidence and files while draft; assessors cannot answer for the member; the status path is closed', async () => {
      for (const [n, id] of ids.slice(0, 10).entries()) {
        const r = await answer('a1', id, n === 9 ? 'not-applicable' : 'pass');
        expect(r.statusCode, r.body).toBe(200);
      }
      const file = await w.client('a1').request('POST', `/api/assessments/${sa.assessmentId}/answers/${ids[0]}/attachments`, Buffer.from('設計書の抜粋\n'), {
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-filename': encodeURIComponent('設計書.txt') },
      });
      expect(file.statusCode, file.body).toBe(201);
      expect((await answer('as1', ids[0] ?? '', 'fail')).statusCode).toBe(403);
      const status = await w.client('a1').request('POST', `/api/assessments/${sa.assessmentId}/status`, { to: 'in-review', version: 99 });
      expect(status.statusCode).toBe(409);
    });

    it('submits; then the answers are read-only to the member and the assessors are told', async () => {
      expect((await w.client('as1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/submit`)).statusCode).toBe(403);
      const r = await w.client('a1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/submit`, {});
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ state: 'submitted', round: 1, can: { answer: false, submit: false } });
      expect((await answer('a1', ids[1] ?? '', 'fail')).statusCode).toBe(409);
      expect((await w.client('a1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/submit`)).statusCode).toBe(409);
      // A write checked just before the submission and landing just after it is refused inside its own transaction.
      const late = get()
        .store.db.transaction()
        .execute((trx) =>
          writeAnswers(
            trx,
            sa.assessmentId,
            [{ item: { requirementId: ids[1] ?? '', no: 'x' }, version: 1, verdict: 'fail', evidence: '', comment: '', source: 'answer' }],
            null,
            new Date().toISOString(),
          ),
        );
      await expect(late).rejects.toThrow(/submitted/);
      const inbox = (await w.client('as1').request('GET', '/api/notifications')).json().notifications as { kind: string; link: string }[];
      expect(inbox.find((n) => n.kind === 'self-assessment' && n.link === `/assessments/${sa.assessmentId}`)).toBeTruthy();
    });
  });

  describe('the consortium reviews', () => {
    it('reviews item by item; a disagreement needs a comment and a corrected verdict; members cannot review', async () => {
      const url = (id: string | undefined) => `/api/assessments/${sa.assessmentId}/self-assessment/reviews/${id}`;
      expect((await w.client('a1').request('PUT', url(ids[0]), { decision: 'agree' })).statusCode).toBe(403);
      const noComment = await w.client('as1').request('PUT', url(ids[1]), { decision: 'disagree', correctedVerdict: 'partial' });
      expect(noComment.statusCode).toBe(400);
      expect(noComment.json().errors[0].path).toBe('body.comment');
      const same = await w.client('as1').request('PUT', url(ids[1]), { decision: 'disagree', comment: 'x', correctedVerdict: 'pass' });
      expect(same.json().errors[0].path).toBe('body.correctedVerdict');
      expect((await w.client('as1').request('PUT', url('no-such-item'), { decision: 'agree' })).statusCode).toBe(404);
      expect((await w.client('as1').request('PUT', url(ids[0]), { decision: 'agree' })).statusCode).toBe(200);
      const r = await w.client('as1').request('PUT', url(ids[1]), { decision: 'disagree', comment: 'ログの保存期間が根拠にない', correctedVerdict: 'partial' });
      expect(r.statusCode, r.body).toBe(200);
      const item = (r.json() as SelfJson).items.find((i) => i.requirementId === ids[1]);
      expect(item).toMatchObject({ selfVerdict: 'pass', reviewedVerdict: 'partial', review: { decision: 'disagree', correctedVerdict: 'partial' } });
    });

    it('sends back for changes; the organisation is told; the member replies and changes the item', async () => {
      const r = await w.client('as1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/send-back`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().state).toBe('changes-requested');
      const inbox = (await w.client('a1').request('GET', '/api/notifications')).json().notifications as { kind: string; title: { ja: string } }[];
      expect(inbox.find((n) => n.kind === 'self-assessment' && n.title.ja.includes('差し戻'))).toBeTruthy();
      const mine = await selfOf('a1');
      const review = mine.items.find((i) => i.requirementId === ids[1])?.review;
      expect(review?.comment).toBe('ログの保存期間が根拠にない');
      const reply = await w.client('a1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/reviews/${review?.id}/replies`, {
        body: '保存期間 90 日を設計書に追記しました',
      });
      expect(reply.statusCode, reply.body).toBe(201);
      expect((reply.json() as SelfJson).reviews.find((x) => x.id === review?.id)?.replies.map((p) => p.body)).toEqual(['保存期間 90 日を設計書に追記しました']);
      const empty = await w.client('a1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/reviews/${review?.id}/replies`, { body: ' ' });
      expect(empty.statusCode).toBe(400);
      expect((await answer('a1', ids[1] ?? '', 'partial', '設計書 3.2 節、ログ保存 90 日')).statusCode).toBe(200);
      expect((await w.client('as1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/accept`)).statusCode).toBe(409);
      expect((await w.client('a1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/submit`)).json()).toMatchObject({
        state: 'submitted',
        round: 2,
      });
    });

    it('accepts; every answered item keeps both verdicts; read-only afterwards; every step audited', async () => {
      const packCheck = () => w.client('a1').request('GET', `/api/assessments/${sa.assessmentId}/pack-check?scheme=jc-star-1`);
      // Not yet accepted: no conformity pack from it.
      expect((await packCheck()).statusCode).toBe(409);
      expect((await w.client('a1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/accept`)).statusCode).toBe(403);
      const r = await w.client('as1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/accept`, {});
      expect(r.statusCode, r.body).toBe(200);
      const done = r.json() as SelfJson;
      expect(done.state).toBe('accepted');
      // Accepted: the member may now ask for the scheme's pack (its self-check answers).
      const checked = await packCheck();
      expect(checked.statusCode, checked.body).toBe(200);
      expect(['draft', 'complete']).toContain(checked.json().state);
      const answered = done.items.filter((i) => i.selfVerdict !== 'unassessed');
      expect(answered).toHaveLength(10);
      expect(answered.every((i) => i.reviewedVerdict !== null)).toBe(true);
      expect(done.items.find((i) => i.requirementId === ids[1])).toMatchObject({ selfVerdict: 'partial', reviewedVerdict: 'partial' });
      // The first round's disagreement stays in the history.
      expect(done.reviews.filter((x) => x.requirementId === ids[1]).map((x) => [x.round, x.decision])).toEqual([
        [1, 'disagree'],
        [2, 'agree'],
      ]);
      expect((await answer('a1', ids[2] ?? '', 'fail')).statusCode).toBe(409);
      expect((await w.client('as1').request('POST', `/api/assessments/${sa.assessmentId}/self-assessment/send-back`)).statusCode).toBe(409);
      const inbox = (await w.client('a1').request('GET', '/api/notifications')).json().notifications as { kind: string; title: { ja: string } }[];
      expect(inbox.find((n) => n.kind === 'self-assessment' && n.title.ja.includes('承認'))).toBeTruthy();
      const list = (await w.client('a1').request('GET', '/api/assessments')).json().assessments as { id: string; selfAssessment: string | null }[];
      expect(list.find((a) => a.id === sa.assessmentId)?.selfAssessment).toBe('accepted');
      expect(await audit()).toEqual(
        expect.arrayContaining([
          'self-assessment.submitted',
          'self-assessment.reviewed',
          'self-assessment.sent-back',
          'self-assessment.replied',
          'assessment.answered',
          'self-assessment.accepted',
        ]),
      );
    });
  });

  describe('reports', () => {
    it('carry both verdicts: the JSON data and the HTML section; an assessor’s own assessment has none', async () => {
      const json = await w.client('a1').request('GET', `/api/assessments/${sa.assessmentId}/report?format=json`);
      expect(json.statusCode, json.body).toBe(200);
      const data = JSON.parse(json.body) as {
        selfAssessment?: { state: string; items: { requirementId: string; selfVerdict: string; reviewedVerdict: string | null }[] };
      };
      expect(data.selfAssessment?.state).toBe('accepted');
      expect(data.selfAssessment?.items.find((i) => i.requirementId === ids[1])).toMatchObject({ selfVerdict: 'partial', reviewedVerdict: 'partial' });
      expect(data.selfAssessment?.items.filter((i) => i.reviewedVerdict !== null)).toHaveLength(10);
      const page = await w.client('as1').request('GET', `/api/assessments/${sa.assessmentId}/report?format=html&lang=en`);
      expect(page.body).toContain('Self-assessment and review');
      expect(page.body).toContain('Reviewed verdict');
      const plain = await w.create();
      const other = JSON.parse((await w.client('as1').request('GET', `/api/assessments/${plain.id}/report?format=json`)).body) as Record<string, unknown>;
      expect('selfAssessment' in other).toBe(false);
    });
  });

  describe('isolation', () => {
    it('a member of another organisation gets 404 everywhere; editors too', async () => {
      const id = sa.assessmentId;
      const reviewId = sa.reviews[0]?.id ?? (await selfOf('a1')).reviews[0]?.id;
      for (const who of ['b1', 'ed'] as const) {
        const c = w.client(who);
        const calls = [
          c.request('GET', `/api/assessments/${id}`),
          c.request('GET', `/api/assessments/${id}/self-assessment`),
          c.request('POST', `/api/assessments/${id}/self-assessment/submit`),
          c.request('PUT', `/api/assessments/${id}/self-assessment/reviews/${ids[0]}`, { decision: 'agree' }),
          c.request('POST', `/api/assessments/${id}/self-assessment/send-back`),
          c.request('POST', `/api/assessments/${id}/self-assessment/accept`),
          c.request('POST', `/api/assessments/${id}/self-assessment/reviews/${reviewId}/replies`, { body: 'こんにちは' }),
          c.request('PUT', `/api/assessments/${id}/answers/${ids[0]}`, { verdict: 'fail', version: 0 }),
          c.request('GET', `/api/organisations/${w.orgs.a}/self-assessment`),
        ];
        for (const r of await Promise.all(calls)) expect(r.statusCode, `${who} ${r.body}`).toBe(404);
        const list = (await c.request('GET', '/api/assessments')).json().assessments as { id: string }[];
        expect(list.map((a) => a.id)).not.toContain(id);
      }
      // An assessor's own assessment is not a self-assessment.
      const plain = await w.create();
      expect((await w.client('as1').request('GET', `/api/assessments/${plain.id}/self-assessment`)).statusCode).toBe(404);
    });

    it('lists the routes in the OpenAPI document with their request schemas', async () => {
      const doc = (await w.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
      expect(doc.paths['/api/assessments/{id}/self-assessment/reviews/{requirementId}']?.put?.requestBody).toBeTruthy();
      expect(doc.paths['/api/products/{productId}/self-assessments']?.post?.requestBody).toBeTruthy();
      expect(doc.paths['/api/organisations/{orgId}/self-assessment']?.put?.requestBody).toBeTruthy();
    });
  });
});
