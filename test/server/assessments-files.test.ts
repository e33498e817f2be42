import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/core/model/edition.schema.js';
import { importEdition } from '../../src/services/editions.service.js';
import { countBlobs } from '../../src/store/attachments.repository.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { bundledEdition, edit, itemRows } from '../workbook/workbook-helpers.js';
import { type AnswerJson, type AssessmentJson, answerAll, answerVersions, useAssessmentWorld } from './assessments.fixture.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDatabase('assessment files, workbooks, results and reports through the API', (get) => {
  const w = useAssessmentWorld(get);

  const upload = (a: AssessmentJson, requirementId: string, body: Buffer, type: string, filename: string) =>
    w.client('as1').request('POST', `/api/assessments/${a.id}/answers/${requirementId}/attachments`, body, {
      headers: { 'content-type': type, 'x-filename': encodeURIComponent(filename) },
    });

  describe('attachments', () => {
    let a: AssessmentJson;
    beforeAll(async () => {
      a = await w.create({ title: '証跡' });
    });

    it('keeps a file under its Japanese name, once per SHA-256, and lists it on the answer', async () => {
      const [first, second] = a.items;
      if (!first || !second) throw new Error('items');
      const blobsBefore = await countBlobs(get().store.db);
      const r1 = await upload(a, first.requirementId, PNG, 'image/png', '管理画面 スクリーンショット.png');
      expect(r1.statusCode, r1.body).toBe(201);
      const meta = r1.json() as { id: string; sha256: string; filename: string; size: number; mediaType: string };
      expect(meta).toMatchObject({ filename: '管理画面 スクリーンショット.png', mediaType: 'image/png', size: PNG.length });
      const r2 = await upload(a, second.requirementId, PNG, 'image/png', 'same.png');
      expect(r2.json().sha256).toBe(meta.sha256);
      expect(await countBlobs(get().store.db)).toBe(blobsBefore + 1);
      const view = (await w.client('a1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      expect(view.answers[0]?.attachments.map((f) => f.filename)).toEqual(['管理画面 スクリーンショット.png']);
    });

    it('downloads with safe headers to the organisation; others get 404', async () => {
      const first = a.items[0]?.requirementId ?? '';
      const meta = (await upload(a, first, Buffer.from('ログ: 署名検証 OK\n'), 'text/plain; charset=utf-8', '検証ログ.txt')).json() as { id: string };
      const r = await w.client('a1').request('GET', `/api/assessments/${a.id}/attachments/${meta.id}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(r.headers['content-disposition']).toBe(`attachment; filename="download.txt"; filename*=UTF-8''${encodeURIComponent('検証ログ.txt')}`);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
      expect(r.body).toBe('ログ: 署名検証 OK\n');
      expect((await w.client('b1').request('GET', `/api/assessments/${a.id}/attachments/${meta.id}`)).statusCode).toBe(404);
      expect((await w.client('ed').request('GET', `/api/assessments/${a.id}/attachments/${meta.id}`)).statusCode).toBe(404);

      expect((await w.client('as1').request('DELETE', `/api/assessments/${a.id}/attachments/${meta.id}`)).statusCode).toBe(204);
      expect((await w.client('a1').request('GET', `/api/assessments/${a.id}/attachments/${meta.id}`)).statusCode).toBe(404);
    });

    it('refuses wrong content, unknown types, missing names and files over 10 MiB', async () => {
      const first = a.items[0]?.requirementId ?? '';
      const wrong = await upload(a, first, Buffer.from('<html><script>alert(1)</script>'), 'image/png', 'x.png');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0].path).toBe('body');
      const html = await upload(a, first, Buffer.from('<p>hi</p>'), 'text/html', 'x.html');
      expect(html.statusCode).toBe(400);
      expect(html.json().errors[0].path).toBe('headers.content-type');
      const noName = await w
        .client('as1')
        .request('POST', `/api/assessments/${a.id}/answers/${first}/attachments`, PNG, { headers: { 'content-type': 'image/png' } });
      expect(noName.json().errors[0].path).toBe('headers.x-filename');
      const big = await upload(a, first, Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'text/plain', 'big.txt');
      expect(big.statusCode).toBe(413);
      const view = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      expect(view.answers[0]?.attachments.map((f) => f.filename)).toEqual(['管理画面 スクリーンショット.png']);
    });
  });

  describe('workbook import', () => {
    let a: AssessmentJson;
    beforeAll(async () => {
      a = await w.create({ title: 'ワークブック' });
    });
    const workbookOf = async () => {
      const r = await w.client('as1').request('GET', `/api/assessments/${a.id}/workbook?lang=ja`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toBe(XLSX);
      expect(r.headers['content-disposition']).toMatch(/^attachment; filename="assessment-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.xlsx"/);
      return r.rawPayload;
    };
    const post = (bytes: Buffer) => w.client('as1').request('POST', `/api/assessments/${a.id}/workbook`, bytes, { headers: { 'content-type': XLSX } });

    it('stores nothing when one row is wrong, naming the cell', async () => {
      let second = 0;
      const bytes = await edit(await workbookOf(), (sheet) => {
        // Items may take several rows: the second item starts where itemRows says.
        second = itemRows(sheet)[1] as number;
        sheet.getCell('G2').value = '不適合';
        sheet.getCell('H2').value = 'ポートスキャンで telnet が開いていた';
        sheet.getCell(`G${second}`).value = '合格';
      });
      const r = await post(bytes);
      expect(r.statusCode, r.body).toBe(400);
      expect(JSON.stringify(r.json().errors)).toContain(`G${second}`);
      const view = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      expect(view.answers.every((x) => x.verdict === 'unassessed')).toBe(true);
      expect(view.status).toBe('draft');
    });

    it('stores every changed answer of a good workbook in one change, defect flags included', async () => {
      const bytes = await edit(await workbookOf(), (sheet) => {
        const second = itemRows(sheet)[1] as number;
        sheet.getCell('G2').value = '不適合';
        sheet.getCell('H2').value = 'ポートスキャンで telnet が開いていた';
        sheet.getCell(`G${second}`).value = '対象外';
        sheet.getCell(`I${second}`).value = '無線機能なし';
        sheet.getCell(`J${second}`).value = '不明確: 対象範囲が曖昧';
      });
      const r = await post(bytes);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().updated).toBe(2);
      const view = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      const [first, second] = view.answers as [AnswerJson, AnswerJson];
      expect(first).toMatchObject({ verdict: 'fail', evidence: 'ポートスキャンで telnet が開いていた' });
      expect(second).toMatchObject({ verdict: 'not-applicable', comment: '無線機能なし', defect: { kind: 'unclear', note: '対象範囲が曖昧' } });
      expect(view.status).toBe('in-progress');
      const queue = (await w.client('ed').request('GET', '/api/proposals')).json().proposals as { id: string; origin: { assessmentId: string } | null }[];
      expect(queue.find((p) => p.id === second.defect?.proposalId)?.origin?.assessmentId).toBe(a.id);
      const audit = (await w.client('admin').request('GET', '/api/admin/audit?limit=5')).json().entries as { action: string; detail: { updated?: number } }[];
      expect(audit.find((e) => e.action === 'assessment.workbook-imported')?.detail.updated).toBe(2);
      // The same workbook again changes nothing.
      expect((await post(bytes)).json().updated).toBe(0);
    });

    it('refuses another content type and members', async () => {
      expect(
        (await w.client('as1').request('POST', `/api/assessments/${a.id}/workbook`, Buffer.from('x'), { headers: { 'content-type': 'text/csv' } })).statusCode,
      ).toBe(400);
      const garbage = await post(Buffer.from('PK not really a workbook'));
      expect(garbage.statusCode, garbage.body).toBe(400);
      expect(garbage.json().code).toBe('validation-failed');
      const m = await w.client('a1').request('POST', `/api/assessments/${a.id}/workbook`, Buffer.from('PK'), { headers: { 'content-type': XLSX } });
      expect(m.statusCode).toBe(403);
    });
  });

  describe('results, reports and comparison', () => {
    let a: AssessmentJson;
    beforeAll(async () => {
      a = await w.create({ title: '結果' });
      await answerAll(w, a);
    });

    it('gives scores, readiness for both schemes, reachable standards and a derived view on request', async () => {
      const r = await w.client('a1').request('GET', `/api/assessments/${a.id}/results`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json() as {
        scores: { overall: { score: number | null; counts: { total: number } }; byLayer: unknown[] };
        readiness: { scheme: string }[];
        derived: unknown;
        standards: { id: string }[];
      };
      expect(body.scores.overall.counts.total).toBe(a.items.length);
      expect(body.scores.overall.score).toBe(1);
      expect(body.readiness.map((x) => x.scheme).sort()).toEqual(['etsi-en-303-645-mandatory', 'jc-star-1']);
      expect(body.derived).toBeNull();
      expect(body.standards.length).toBeGreaterThan(0);
      const standard = body.standards[0]?.id ?? '';
      const d = await w.client('a1').request('GET', `/api/assessments/${a.id}/results?standard=${standard}`);
      expect(d.statusCode, d.body).toBe(200);
      expect(d.json().derived.standard.id).toBe(standard);
      const bad = await w.client('a1').request('GET', `/api/assessments/${a.id}/results?standard=nope`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('query.standard');
    });

    it('results follow every change of an answer (never a stale copy)', async () => {
      const score = async () => (await w.client('a1').request('GET', `/api/assessments/${a.id}/results`)).json().scores.overall.counts.fail as number;
      const first = a.items[0];
      if (!first) throw new Error('fixture');
      const before = await score();
      const put = async (verdict: string) => {
        const version = (await answerVersions(w, a.id)).get(first.requirementId) ?? 0;
        return w.client('as1').request('PUT', `/api/assessments/${a.id}/answers/${first.requirementId}`, { verdict, evidence: '再確認', comment: '', version });
      };
      expect((await put('fail')).statusCode).toBe(200);
      expect(await score()).toBe(before + 1);
      expect((await put('pass')).statusCode).toBe(200);
      expect(await score()).toBe(before);
    });

    it('serves every report format with its content type and an ASCII file name', async () => {
      const formats: [string, string, (body: Buffer) => void][] = [
        ['html', 'text/html; charset=utf-8', (b) => expect(b.toString()).toContain('結果')],
        ['json', 'application/json; charset=utf-8', (b) => expect(JSON.parse(b.toString()).assessment.id).toBe(a.id)],
        ['oscal', 'application/json; charset=utf-8', (b) => expect(JSON.parse(b.toString())['assessment-results']).toBeTruthy()],
        ['xlsx', XLSX, (b) => expect(b.subarray(0, 2).toString()).toBe('PK')],
      ];
      if (existsSync('/usr/bin/chromium')) formats.push(['pdf', 'application/pdf', (b) => expect(b.subarray(0, 5).toString()).toBe('%PDF-')]);
      for (const [format, type, check] of formats) {
        const r = await w.client('a1').request('GET', `/api/assessments/${a.id}/report?format=${format}&lang=en`);
        expect(r.statusCode, `${format}: ${r.body.slice(0, 200)}`).toBe(200);
        expect(r.headers['content-type']).toBe(type);
        expect(r.headers['content-disposition']).toMatch(/filename="assessment-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.[a-z.]+"/);
        check(r.rawPayload);
      }
      expect((await w.client('a1').request('GET', `/api/assessments/${a.id}/report?format=docx`)).statusCode).toBe(400);
    }, 60_000);

    it('compares two assessments of one product; another product is refused, an invisible one is not found', async () => {
      const other = await w.create({ title: '結果（再診断）' });
      const r = await w.client('a1').request('GET', `/api/assessments/compare?before=${a.id}&after=${other.id}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().items.length).toBe(a.items.length);
      const html = await w.client('a1').request('GET', `/api/assessments/compare?before=${a.id}&after=${other.id}&format=html&lang=ja`);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      const ofB = await w.create({ productId: w.products.b, title: 'B' });
      expect((await w.client('as1').request('GET', `/api/assessments/compare?before=${a.id}&after=${ofB.id}`)).statusCode).toBe(400);
      expect((await w.client('a1').request('GET', `/api/assessments/compare?before=${a.id}&after=${ofB.id}`)).statusCode).toBe(404);
    });
  });

  describe('moving to a newer edition', () => {
    it('creates a new assessment on the newer edition with answers carried over and audits both', async () => {
      const a = await w.create({ title: '版の移行' });
      const [kept, changed, removed] = a.items;
      if (!kept || !changed || !removed) throw new Error('items');
      for (const item of [kept, changed]) {
        await w
          .client('as1')
          .request('PUT', `/api/assessments/${a.id}/answers/${item.requirementId}`, { verdict: 'pass', evidence: `根拠 ${item.no}`, comment: '', version: 0 });
      }
      await upload(a, kept.requirementId, PNG, 'image/png', '証跡.png');

      const base = bundledEdition();
      const template = base.requirements.find((r) => r.id === kept.requirementId);
      if (!template) throw new Error('template');
      const newer: Edition = {
        ...base,
        meta: { ...base.meta, id: '2027.1', date: '2027-06-01', title: { ja: '2027年版', en: '2027 edition' } },
        requirements: [
          ...base.requirements
            .filter((r) => r.id !== removed.requirementId)
            .map((r) => (r.id === changed.requirementId ? { ...r, criteria: [...r.criteria, { ja: '追加の基準', en: 'An added criterion' }] } : r)),
          { ...template, id: 'device-new-item-2027', number: 'D-99.9' },
        ],
      };
      await importEdition(w.ctx, { kind: 'anonymous' }, newer);

      const r = await w.client('as1').request('POST', `/api/assessments/${a.id}/move`, { editionId: '2027.1' });
      expect(r.statusCode, r.body).toBe(201);
      const moved = r.json() as AssessmentJson & {
        carryOver: { changed: string[]; added: string[]; removed: { requirementId: string }[]; unchanged: string[] };
      };
      expect(moved).toMatchObject({ status: 'draft', carriedFrom: a.id, edition: { id: '2027.1' } });
      expect(moved.carryOver.changed).toContain(changed.requirementId);
      expect(moved.carryOver.added).toContain('device-new-item-2027');
      expect(moved.carryOver.removed.map((x) => x.requirementId)).toContain(removed.requirementId);
      const answer = (id: string) => moved.answers.find((x) => x.requirementId === id);
      expect(answer(kept.requirementId)).toMatchObject({ verdict: 'pass', evidence: `根拠 ${kept.no}` });
      expect(answer(kept.requirementId)?.attachments.map((f) => f.filename)).toEqual(['証跡.png']);
      expect(answer(changed.requirementId)).toMatchObject({ verdict: 'needs-review', review: 'changed', evidence: `根拠 ${changed.no}` });
      expect(answer('device-new-item-2027')).toMatchObject({ verdict: 'unassessed', review: 'new' });

      // The carried file downloads from the new assessment.
      const fileId = answer(kept.requirementId)?.attachments[0]?.id ?? '';
      expect((await w.client('a1').request('GET', `/api/assessments/${moved.id}/attachments/${fileId}`)).rawPayload).toEqual(PNG);

      const audit = (await w.client('admin').request('GET', '/api/admin/audit?limit=10')).json().entries as { action: string; targetId: string }[];
      expect(audit.find((e) => e.action === 'assessment.moved' && e.targetId === a.id)).toBeTruthy();
      expect(audit.find((e) => e.action === 'assessment.created' && e.targetId === moved.id)).toBeTruthy();

      const same = await w.client('as1').request('POST', `/api/assessments/${a.id}/move`, { editionId: w.editionId });
      expect(same.statusCode).toBe(400);
      expect(same.json().errors[0].path).toBe('body.editionId');
    });
  });
});
