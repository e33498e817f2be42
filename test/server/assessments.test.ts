import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AnswerJson, type AssessmentJson, type AssessmentWorld, answerAll, answerVersions, useAssessmentWorld } from './assessments.fixture.js';

describeEachDatabase('assessments through the API', (get) => {
  const w = useAssessmentWorld(get);

  const ids = async (who: Parameters<AssessmentWorld['client']>[0], query = '') =>
    ((await w.client(who).request('GET', `/api/assessments${query}`)).json().assessments as { id: string }[]).map((a) => a.id);

  describe('creating', () => {
    it('creates a draft with the frozen checksheet and a blank answer per item, and audits it', async () => {
      const a = await w.create();
      expect(a).toMatchObject({ status: 'draft', version: 1, title: '2026年度 出荷前診断', contentHash: null, carriedFrom: null });
      expect(a.items.length).toBeGreaterThan(5);
      expect(a.items.every((i) => i.layers.includes('device'))).toBe(true);
      expect(a.answers.map((x) => x.requirementId)).toEqual(a.items.map((i) => i.requirementId));
      expect(a.answers.every((x) => x.verdict === 'unassessed' && x.defect === null && x.attachments.length === 0)).toBe(true);
      const audit = (await w.client('admin').request('GET', '/api/admin/audit?limit=20')).json().entries as { action: string; targetId: string }[];
      expect(audit.find((e) => e.action === 'assessment.created' && e.targetId === a.id)).toBeTruthy();
    });

    it('names the field of bad input: unknown standard, unknown edition, strict body', async () => {
      const base = { productId: w.products.a, title: 't', editionId: w.editionId, spec: { layers: [], phases: [], profile: null } };
      const cases: [unknown, string][] = [
        [{ ...base, spec: { ...base.spec, standard: 'no-such-standard' } }, 'body.spec.standard'],
        [{ ...base, spec: { ...base.spec, profile: ['no-such-condition'] } }, 'body.spec.profile.0'],
        [{ ...base, editionId: '1999.9' }, 'body.editionId'],
        [{ ...base, title: ' ' }, 'body.title'],
        [{ ...base, extra: 1 }, 'body'],
        [{ ...base, spec: { ...base.spec, layers: ['basement'] } }, 'body.spec.layers'],
      ];
      for (const [body, path] of cases) {
        const r = await w.client('as1').request('POST', '/api/assessments', body);
        expect(r.statusCode, r.body).toBe(400);
        const paths = (r.json().errors as { path: string }[]).map((e) => e.path);
        expect(
          paths.some((p) => p.startsWith(path)),
          `${paths.join(',')} names ${path}`,
        ).toBe(true);
      }
    });

    it('members may not create (403 for their own product, 404 for another organisation’s); editors get 404', async () => {
      const body = { title: 't', editionId: w.editionId, spec: { layers: [], phases: [], profile: null } };
      expect((await w.client('a1').request('POST', '/api/assessments', { ...body, productId: w.products.a })).statusCode).toBe(403);
      expect((await w.client('a1').request('POST', '/api/assessments', { ...body, productId: w.products.b })).statusCode).toBe(404);
      expect((await w.client('ed').request('POST', '/api/assessments', { ...body, productId: w.products.a })).statusCode).toBe(404);
    });
  });

  describe('who sees what', () => {
    let a: AssessmentJson;
    beforeAll(async () => {
      a = await w.create({ title: 'A の診断' });
    });

    it('the product’s organisation reads the assessment, its results, report, workbook and list entry', async () => {
      const m = w.client('a1');
      expect((await m.request('GET', `/api/assessments/${a.id}`)).statusCode).toBe(200);
      expect(await ids('a1')).toContain(a.id);
      expect(await ids('a1', `?productId=${w.products.a}`)).toContain(a.id);
      expect(await ids('a1', '?status=final')).not.toContain(a.id);
    });

    it('another organisation’s member and an editor get 404 everywhere, and the list leaves it out', async () => {
      const first = a.items[0]?.requirementId ?? '';
      for (const who of ['b1', 'ed'] as const) {
        const c = w.client(who);
        for (const url of [
          `/api/assessments/${a.id}`,
          `/api/assessments/${a.id}/results`,
          `/api/assessments/${a.id}/report?format=json`,
          `/api/assessments/${a.id}/workbook`,
          `/api/assessments/${a.id}/attachments/00000000-0000-0000-0000-000000000000`,
        ]) {
          const r = await c.request('GET', url);
          expect(r.statusCode, `${who} ${url}`).toBe(404);
          expect(r.json().code).toBe('not-found');
        }
        expect(
          (await c.request('PUT', `/api/assessments/${a.id}/answers/${first}`, { verdict: 'pass', evidence: '', comment: '', version: 0 })).statusCode,
        ).toBe(404);
        expect((await c.request('POST', `/api/assessments/${a.id}/status`, { to: 'in-progress', version: a.version })).statusCode).toBe(404);
        expect((await w.patch(who, `/api/assessments/${a.id}`, { version: a.version, title: 'x' })).statusCode).toBe(404);
        expect(await ids(who)).not.toContain(a.id);
      }
      const none = await w.client('b1').request('GET', '/api/assessments/00000000-0000-0000-0000-000000000000');
      expect(none.statusCode).toBe(404);
    });

    it('a member of the organisation changes nothing: 403 on every write', async () => {
      const m = w.client('a1');
      const first = a.items[0]?.requirementId ?? '';
      const writes = [
        await m.request('PUT', `/api/assessments/${a.id}/answers/${first}`, { verdict: 'pass', evidence: '', comment: '', version: 0 }),
        await m.request('PUT', `/api/assessments/${a.id}/answers/${first}/defect`, { kind: 'unclear', note: 'x' }),
        await m.request('POST', `/api/assessments/${a.id}/status`, { to: 'in-progress', version: a.version }),
        await w.patch('a1', `/api/assessments/${a.id}`, { version: a.version, title: 'x' }),
        await m.request('POST', `/api/assessments/${a.id}/move`, { editionId: w.editionId }),
        await m.request('POST', `/api/assessments/${a.id}/answers/${first}/attachments`, Buffer.from('hello'), {
          headers: { 'content-type': 'text/plain', 'x-filename': 'a.txt' },
        }),
      ];
      for (const r of writes) {
        expect(r.statusCode, r.body).toBe(403);
        expect(r.json().code).toBe('forbidden');
      }
      const after = (await m.request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      expect(after.version).toBe(a.version);
      expect(after.answers[0]?.verdict).toBe('unassessed');
    });

    it('the list shows counts by verdict', async () => {
      const list = (await w.client('as1').request('GET', `/api/assessments?productId=${w.products.a}`)).json().assessments as {
        id: string;
        itemCount: number;
        counts: Record<string, number>;
        organisation: { name: string };
      }[];
      const mine = list.find((x) => x.id === a.id);
      expect(mine).toMatchObject({ itemCount: a.items.length, organisation: { name: 'Org A 株式会社' } });
      expect(mine?.counts.unassessed).toBe(a.items.length);
    });
  });

  describe('answering and the life cycle', () => {
    let a: AssessmentJson;
    beforeAll(async () => {
      a = await w.create({ title: '状態遷移' });
    });
    // Every write names the version it read: the stored one, looked up first.
    const put = async (requirementId: string, body: unknown) => {
      const version = (await answerVersions(w, a.id)).get(requirementId) ?? 0;
      return w.client('as1').request('PUT', `/api/assessments/${a.id}/answers/${requirementId}`, { version, ...(body as object) });
    };

    it('answering a draft starts it (in progress) and bumps the version', async () => {
      const item = a.items[0];
      if (!item) throw new Error('no items');
      const r = await put(item.requirementId, { verdict: 'partial', evidence: 'ファームウェア署名を確認', comment: '一部のみ' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ requirementId: item.requirementId, no: item.no, verdict: 'partial', evidence: 'ファームウェア署名を確認' });
      const now = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      expect(now.status).toBe('in-progress');
      expect(now.version).toBe(a.version + 1);
    });

    it('対象外 without a reason is refused, naming the comment; limits and control characters too', async () => {
      const id = a.items[1]?.requirementId ?? '';
      const cases: [unknown, string][] = [
        [{ verdict: 'not-applicable', evidence: '', comment: '  ' }, 'body.comment'],
        [{ verdict: 'maybe', evidence: '', comment: '' }, 'body.verdict'],
        [{ verdict: 'pass', evidence: 'x'.repeat(10_001), comment: '' }, 'body.evidence'],
        [{ verdict: 'pass', evidence: 'NUL \u0000', comment: '' }, 'body.evidence'],
        [{ verdict: 'pass', evidence: '', comment: '', extra: true }, 'body'],
      ];
      for (const [body, path] of cases) {
        const r = await put(id, body);
        expect(r.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
        expect((r.json().errors as { path: string }[]).some((e) => e.path.startsWith(path))).toBe(true);
      }
      expect((await put(id, { verdict: 'not-applicable', evidence: '', comment: '無線機能を持たない' })).statusCode).toBe(200);
      expect((await put('no-such-item', { verdict: 'pass', evidence: '', comment: '' })).statusCode).toBe(404);
    });

    it('a title change needs the current version; a stale one is 409', async () => {
      const current = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      const ok = await w.patch('as1', `/api/assessments/${a.id}`, { version: current.version, title: '状態遷移（改）', productVersion: '1.3.0' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ title: '状態遷移（改）', productVersion: '1.3.0', version: current.version + 1 });
      const stale = await w.patch('as1', `/api/assessments/${a.id}`, { version: current.version, title: 'lost update' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict');
      const staleStatus = await w.client('as1').request('POST', `/api/assessments/${a.id}/status`, { to: 'in-review', version: current.version });
      expect(staleStatus.statusCode).toBe(409);
    });

    it('follows the status machine: no skipping, back from review allowed', async () => {
      const status = async (to: string) => {
        const v = ((await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson).version;
        return w.client('as1').request('POST', `/api/assessments/${a.id}/status`, { to, version: v });
      };
      expect((await status('final')).statusCode).toBe(409);
      expect((await status('draft')).statusCode).toBe(409);
      expect((await status('in-review')).json().status).toBe('in-review');
      expect((await status('in-progress')).json().status).toBe('in-progress');
      expect((await status('in-review')).statusCode).toBe(200);
      expect((await status('nonsense')).statusCode).toBe(400);
    });

    it('refuses to finalise while items are not assessed, listing their 項番', async () => {
      const v = ((await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson).version;
      const r = await w.client('as1').request('POST', `/api/assessments/${a.id}/status`, { to: 'final', version: v });
      expect(r.statusCode).toBe(409);
      expect(r.json().detail).toContain(a.items[2]?.no ?? '?');
    });

    it('finalises with the content hash in the assessment and the audit log; afterwards every write is 409', async () => {
      const back = ((await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson).version;
      await w.client('as1').request('POST', `/api/assessments/${a.id}/status`, { to: 'in-progress', version: back });
      await answerAll(w, a);
      let v = ((await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson).version;
      expect((await w.client('as1').request('POST', `/api/assessments/${a.id}/status`, { to: 'in-review', version: v })).statusCode).toBe(200);
      v += 1;
      const fin = await w.client('as1').request('POST', `/api/assessments/${a.id}/status`, { to: 'final', version: v });
      expect(fin.statusCode, fin.body).toBe(200);
      const final = fin.json() as AssessmentJson & { finalisedAt: string };
      expect(final.status).toBe('final');
      expect(final.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(final.finalisedAt).toBeTruthy();
      const audit = (await w.client('admin').request('GET', '/api/admin/audit?limit=30')).json().entries as {
        action: string;
        targetId: string;
        detail: { contentHash?: string };
      }[];
      expect(audit.find((e) => e.action === 'assessment.finalised' && e.targetId === a.id)?.detail.contentHash).toBe(final.contentHash);

      const first = a.items[0]?.requirementId ?? '';
      const writes = [
        await put(first, { verdict: 'fail', evidence: '', comment: '' }),
        await w.client('as1').request('PUT', `/api/assessments/${a.id}/answers/${first}/defect`, { kind: 'wrong', note: 'x' }),
        await w.client('as1').request('DELETE', `/api/assessments/${a.id}/answers/${first}/defect`),
        await w.patch('as1', `/api/assessments/${a.id}`, { version: final.version, title: 'x' }),
        await w.client('as1').request('POST', `/api/assessments/${a.id}/status`, { to: 'in-review', version: final.version }),
        await w.client('as1').request('POST', `/api/assessments/${a.id}/answers/${first}/attachments`, Buffer.from('late'), {
          headers: { 'content-type': 'text/plain', 'x-filename': 'late.txt' },
        }),
      ];
      for (const r of writes) {
        expect(r.statusCode, r.body).toBe(409);
        expect(r.json().detail).toBe('final assessments are read-only');
      }
      // Below the API, the database refuses too.
      const { db } = get().store;
      await expect(db.updateTable('assessment_answers').set({ verdict: 'fail' }).where('assessment_id', '=', a.id).execute()).rejects.toThrow(/read-only/);
      await expect(db.updateTable('assessments').set({ title: 'rewritten' }).where('id', '=', a.id).execute()).rejects.toThrow(/read-only/);
      const after = (await w.client('a1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      expect(after.answers[0]?.verdict).toBe('pass');
      expect(after.contentHash).toBe(final.contentHash);
    });
  });

  describe('defect flags', () => {
    it('files a proposal for the editors in the same change, with its origin; clearing keeps the proposal', async () => {
      const a = await w.create({ title: '指摘' });
      const item = a.items[0];
      if (!item) throw new Error('no items');
      const url = `/api/assessments/${a.id}/answers/${item.requirementId}/defect`;
      const r = await w.client('as1').request('PUT', url, { kind: 'unclear', note: '確認手順が曖昧で判定できない' });
      expect(r.statusCode, r.body).toBe(200);
      const answer = r.json() as AnswerJson;
      expect(answer.defect).toMatchObject({ kind: 'unclear', note: '確認手順が曖昧で判定できない' });
      const proposalId = answer.defect?.proposalId ?? '';
      expect(proposalId).not.toBe('');

      const queue = (await w.client('ed').request('GET', '/api/proposals')).json().proposals as {
        id: string;
        source: string;
        title: string;
        layers: string[];
        organisation: unknown;
        origin: unknown;
      }[];
      const p = queue.find((x) => x.id === proposalId);
      expect(p).toMatchObject({
        source: 'checksheet',
        title: `[不明確] ${item.no} ${item.title.ja}`,
        layers: item.layers,
        organisation: null,
        origin: { kind: 'checksheet', assessmentId: a.id, editionId: w.editionId, requirementId: item.requirementId, no: item.no, defectKind: 'unclear' },
      });
      const one = (await w.client('ed').request('GET', `/api/proposals/${proposalId}`)).json().proposal as { text: string };
      expect(one.text).toContain('確認手順が曖昧で判定できない');
      expect(one.text).toContain(item.no);
      // The member's organisation does not see the assessor's note on the guidebook.
      expect((await w.client('a1').request('GET', `/api/proposals/${proposalId}`)).statusCode).toBe(404);

      // The same flag again files nothing new.
      const again = await w.client('as1').request('PUT', url, { kind: 'unclear', note: '確認手順が曖昧で判定できない' });
      expect(again.json().defect.proposalId).toBe(proposalId);
      expect((await w.client('as1').request('PUT', url, { kind: 'bogus', note: 'x' })).statusCode).toBe(400);

      const cleared = await w.client('as1').request('DELETE', url);
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().defect).toBeNull();
      expect((await w.client('ed').request('GET', `/api/proposals/${proposalId}`)).statusCode).toBe(200);
      const audit = (await w.client('admin').request('GET', '/api/admin/audit?limit=10')).json().entries as { action: string }[];
      expect(audit.map((e) => e.action)).toContain('assessment.defect-flagged');
    });
  });
});
