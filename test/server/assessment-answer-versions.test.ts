import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/each-database.js';
import { edit } from '../workbook/workbook-helpers.js';
import { type AnswerJson, type AssessmentJson, answerVersions, useAssessmentWorld } from './assessments.fixture.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ConflictJson {
  code: string;
  detail: string;
  conflicts: { requirementId: string; no: string; current: AnswerJson }[];
}

interface HistoryJson {
  history: { version: number; verdict: string; comment: string; source: string; by: { displayName: string } | null; at: string }[];
}

/**
 * Answers carry a version: a stale write is refused with a conflict that names
 * the item and carries the other person's answer, for every client (form,
 * bulk action, workbook); every write leaves a history row saying where it came from.
 */
describeEachDatabase('answer versions, conflicts, bulk answers and history', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  beforeAll(async () => {
    a = await w.create({ title: '版管理' });
  });

  const put = (requirementId: string, body: object) => w.client('as1').request('PUT', `/api/assessments/${a.id}/answers/${requirementId}`, body);
  const history = async (requirementId: string) =>
    (await w.client('as1').request('GET', `/api/assessments/${a.id}/answers/${requirementId}/history`)).json() as HistoryJson;
  const stored = async (requirementId: string) =>
    ((await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson).answers.find((x) => x.requirementId === requirementId);

  it('a write needs the version; each one bumps it', async () => {
    const item = a.items[0];
    if (!item) throw new Error('items');
    const missing = await put(item.requirementId, { verdict: 'pass', evidence: '', comment: '' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().errors)).toContain('body.version');
    const first = await put(item.requirementId, { verdict: 'pass', evidence: '署名検証ログ', comment: '', version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(1);
    const second = await put(item.requirementId, { verdict: 'partial', evidence: '署名検証ログ', comment: '', version: 1 });
    expect(second.json().version).toBe(2);
  });

  it('a stale write is refused: 409 naming the item, carrying the stored answer; nothing is overwritten', async () => {
    const item = a.items[1];
    if (!item) throw new Error('items');
    // Two people read version 0; the first one's answer lands.
    expect((await put(item.requirementId, { verdict: 'fail', evidence: 'telnet が開いていた', comment: '', version: 0 })).statusCode).toBe(200);
    const late = await put(item.requirementId, { verdict: 'pass', evidence: '問題なし', comment: '', version: 0 });
    expect(late.statusCode).toBe(409);
    const problem = late.json() as ConflictJson;
    expect(problem.code).toBe('conflict');
    expect(problem.detail).toContain(item.no);
    expect(problem.conflicts).toHaveLength(1);
    expect(problem.conflicts[0]).toMatchObject({
      requirementId: item.requirementId,
      no: item.no,
      current: { verdict: 'fail', evidence: 'telnet が開いていた', version: 1 },
    });
    expect(await stored(item.requirementId)).toMatchObject({ verdict: 'fail', evidence: 'telnet が開いていた', version: 1 });
  });

  it('bulk: one verdict and reason for several items, all or nothing; a stale item refuses the lot', async () => {
    const [, , x, y, z] = a.items;
    if (!x || !y || !z) throw new Error('items');
    expect((await put(x.requirementId, { verdict: 'pass', evidence: '根拠 X', comment: '', version: 0 })).statusCode).toBe(200);
    const bulk = (items: { requirementId: string; version: number }[], body: object = {}) =>
      w.client('as1').request('POST', `/api/assessments/${a.id}/answers`, { items, verdict: 'not-applicable', comment: '無線機能を持たない', ...body });

    const stale = await bulk([
      { requirementId: x.requirementId, version: 0 },
      { requirementId: y.requirementId, version: 0 },
    ]);
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ConflictJson).conflicts.map((c) => c.no)).toEqual([x.no]);
    expect((await stored(y.requirementId))?.verdict).toBe('unassessed');

    const noReason = await bulk([{ requirementId: y.requirementId, version: 0 }], { comment: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().errors)).toContain('body.comment');
    const unknown = await bulk([{ requirementId: 'no-such-item', version: 0 }]);
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().errors)).toContain('body.items.0.requirementId');
    expect((await bulk([])).statusCode).toBe(400);

    const versions = await answerVersions(w, a.id);
    const ok = await bulk([x, y, z].map((i) => ({ requirementId: i.requirementId, version: versions.get(i.requirementId) ?? 0 })));
    expect(ok.statusCode, ok.body).toBe(200);
    const answers = ok.json().answers as AnswerJson[];
    expect(answers.map((x) => x.verdict)).toEqual(['not-applicable', 'not-applicable', 'not-applicable']);
    // Each item keeps its own evidence; the reason is the one given.
    expect(answers.find((r) => r.requirementId === x.requirementId)).toMatchObject({ evidence: '根拠 X', comment: '無線機能を持たない' });
    expect(
      (await w.client('a1').request('POST', `/api/assessments/${a.id}/answers`, { items: [{ requirementId: x.requirementId, version: 2 }], verdict: 'pass' }))
        .statusCode,
    ).toBe(403);
  });

  it('history: every write with who, when and where from (form, bulk, undo, workbook); members read it, other organisations get 404', async () => {
    const x = a.items[2];
    if (!x) throw new Error('items');
    const current = (await stored(x.requirementId))?.version ?? 0;
    expect((await put(x.requirementId, { verdict: 'pass', evidence: '根拠 X', comment: '', version: current, source: 'undo' })).statusCode).toBe(200);
    const h = await history(x.requirementId);
    expect(h.history.map((e) => [e.version, e.verdict, e.source])).toEqual([
      [3, 'pass', 'undo'],
      [2, 'not-applicable', 'bulk'],
      [1, 'pass', 'answer'],
    ]);
    expect(h.history[0]?.by?.displayName).toBeTruthy();
    expect((await w.client('a1').request('GET', `/api/assessments/${a.id}/answers/${x.requirementId}/history`)).statusCode).toBe(200);
    expect((await w.client('b1').request('GET', `/api/assessments/${a.id}/answers/${x.requirementId}/history`)).statusCode).toBe(404);
    expect((await w.client('as1').request('GET', `/api/assessments/${a.id}/answers/no-such-item/history`)).statusCode).toBe(404);
  });

  it('a workbook import goes through the same path: versions move on, history says import', async () => {
    const book = (await w.client('as1').request('GET', `/api/assessments/${a.id}/workbook?lang=ja`)).rawPayload;
    const bytes = await edit(book, (sheet) => {
      sheet.getCell('G2').value = '不適合';
      sheet.getCell('H2').value = 'ワークブックからの根拠';
    });
    const r = await w.client('as1').request('POST', `/api/assessments/${a.id}/workbook`, bytes, { headers: { 'content-type': XLSX } });
    expect(r.statusCode, r.body).toBe(200);
    const first = a.items[0]?.requirementId ?? '';
    expect(await stored(first)).toMatchObject({ verdict: 'fail', version: 3 });
    expect((await history(first)).history[0]).toMatchObject({ version: 3, source: 'import', verdict: 'fail' });
  });

  it('a workbook row that would overwrite an answer written after the export is refused, naming the item', async () => {
    const book = (await w.client('as1').request('GET', `/api/assessments/${a.id}/workbook?lang=ja`)).rawPayload;
    const first = a.items[0];
    if (!first) throw new Error('items');
    const version = (await stored(first.requirementId))?.version ?? 0;
    expect((await put(first.requirementId, { verdict: 'needs-review', evidence: 'ブラウザで再確認中', comment: '', version })).statusCode).toBe(200);
    const bytes = await edit(book, (sheet) => {
      sheet.getCell('G2').value = '適合';
    });
    const r = await w.client('as1').request('POST', `/api/assessments/${a.id}/workbook`, bytes, { headers: { 'content-type': XLSX } });
    expect(r.statusCode, r.body).toBe(409);
    const problem = r.json() as ConflictJson;
    expect(problem.detail).toContain(first.no);
    expect(problem.conflicts[0]).toMatchObject({ no: first.no, current: { verdict: 'needs-review', evidence: 'ブラウザで再確認中' } });
    expect(await stored(first.requirementId)).toMatchObject({ verdict: 'needs-review', version: version + 1 });
  });
});
