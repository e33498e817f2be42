import type { Worksheet } from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { firstControlCharacter } from '../../src/core/text-rules.js';
import { updateAnswer } from '../../src/store/assessments.repository.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { edit } from '../workbook/workbook-helpers.js';
import { type AnswerJson, type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ProblemJson {
  code: string;
  errors?: { path: string; message: string; code?: string; params?: Record<string, unknown> }[];
}

/** What a person may type into an answer, through the form (API) or a workbook row. */
interface Typed {
  verdict: { api: string; cell: string };
  evidence: string;
  comment: string;
}

const pass = { api: 'pass', cell: '適合' };
const na = { api: 'not-applicable', cell: '対象外' };

/** Each input, and what the one write path makes of it: the stored text, or the refused field and message. */
const CASES: {
  name: string;
  typed: Typed;
  stored?: { evidence: string; comment: string };
  refused?: { field: 'evidence' | 'comment'; message: string; params?: Record<string, unknown> };
}[] = [
  {
    name: 'a C0 control character (BEL) in the evidence',
    typed: { verdict: pass, evidence: '署名\u0007検証', comment: '' },
    refused: { field: 'evidence', message: 'contains a control character (U+0007); remove it' },
  },
  {
    name: 'a C1 control character (NEL) in the comment',
    typed: { verdict: pass, evidence: '', comment: '改行\u0085なし' },
    refused: { field: 'comment', message: 'contains a control character (U+0085); remove it' },
  },
  {
    name: 'DEL in the evidence',
    typed: { verdict: pass, evidence: 'ログ\u007f', comment: '' },
    refused: { field: 'evidence', message: 'contains a control character (U+007F); remove it' },
  },
  {
    name: '対象外 without a reason',
    typed: { verdict: na, evidence: '', comment: '   ' },
    refused: { field: 'comment', message: 'a reason is required for 対象外 (not applicable): write it in 備考 (comment)' },
  },
  {
    name: 'evidence past the limit',
    typed: { verdict: pass, evidence: 'あ'.repeat(10_001), comment: '' },
    refused: { field: 'evidence', message: 'is 10,001 characters long; the limit is 10,000', params: { limit: 10_000 } },
  },
  {
    name: 'tabs, CRLF line breaks and spaces around the text',
    typed: { verdict: pass, evidence: '  手順\t1\r\n手順 2  ', comment: '備考\r\n' },
    stored: { evidence: '  手順\t1\n手順 2  ', comment: '備考\n' },
  },
];

const COLUMN_OF = { evidence: 'H', comment: 'I' } as const;

/**
 * The text as Excel stores it: a control character is written as "_x0007_"
 * (which every xlsx reader decodes), since XML cannot carry most of them
 * (exceljs, used here to fill the cells, would silently drop them).
 */
const asExcelWrites = (text: string) =>
  [...text].map((ch) => (firstControlCharacter(ch, true) ? `_x${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_` : ch)).join('');

/**
 * One write path, one set of rules: the same text typed in the form (API)
 * or in a workbook row is stored the same, or refused with the same message
 * naming its place (the body field, the workbook cell). The review flag of a
 * carried-over item follows one rule too: a write that changes the answer
 * clears it; one that changes nothing (a re-save, a row left as exported)
 * and a defect flag keep it.
 */
describeEachDatabase('one write path for answers: the API and the workbook import follow the same rules', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  beforeAll(async () => {
    a = await w.create({ title: '書き込み規則' });
  });

  const stored = async (requirementId: string): Promise<AnswerJson> => {
    const view = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
    const answer = view.answers.find((x) => x.requirementId === requirementId);
    if (!answer) throw new Error(`no answer ${requirementId}`);
    return answer;
  };
  const put = (requirementId: string, body: object) => w.client('as1').request('PUT', `/api/assessments/${a.id}/answers/${requirementId}`, body);
  /** The row of an item in チェックシート, found by its hidden requirement id. */
  const rowOf = (sheet: Worksheet, requirementId: string): number => {
    for (let r = 2; r <= sheet.rowCount; r += 1) if (sheet.getCell(`K${r}`).value === requirementId) return r;
    throw new Error(`no row for ${requirementId}`);
  };
  /** Exports the workbook, changes one item's row, imports it. */
  const importRow = async (requirementId: string, change: (sheet: Worksheet, row: number) => void) => {
    const book = (await w.client('as1').request('GET', `/api/assessments/${a.id}/workbook?lang=ja`)).rawPayload;
    let row = 0;
    const bytes = await edit(book, (sheet) => {
      row = rowOf(sheet, requirementId);
      change(sheet, row);
    });
    const response = await w.client('as1').request('POST', `/api/assessments/${a.id}/workbook`, bytes, { headers: { 'content-type': XLSX } });
    return { response, row };
  };

  for (const [n, c] of CASES.entries()) {
    it(`${c.name}: the same outcome through the API and the workbook`, async () => {
      const viaApi = a.items[2 * n];
      const viaBook = a.items[2 * n + 1];
      if (!viaApi || !viaBook) throw new Error('items');
      const apiResponse = await put(viaApi.requirementId, { verdict: c.typed.verdict.api, evidence: c.typed.evidence, comment: c.typed.comment, version: 0 });
      const { response: bookResponse, row } = await importRow(viaBook.requirementId, (sheet, r) => {
        sheet.getCell(`G${r}`).value = c.typed.verdict.cell;
        sheet.getCell(`H${r}`).value = asExcelWrites(c.typed.evidence);
        sheet.getCell(`I${r}`).value = asExcelWrites(c.typed.comment);
      });
      if (c.refused) {
        const { field, message } = c.refused;
        expect(apiResponse.statusCode, apiResponse.body).toBe(400);
        expect(bookResponse.statusCode, bookResponse.body).toBe(400);
        const apiErrors = (apiResponse.json() as ProblemJson).errors ?? [];
        const bookErrors = (bookResponse.json() as ProblemJson).errors ?? [];
        // Each field error also carries a stable code, which the web app translates.
        expect(apiErrors).toEqual([{ path: `body.${field}`, message, code: expect.any(String), ...(c.refused.params ? { params: c.refused.params } : {}) }]);
        expect(bookErrors).toHaveLength(1);
        // The same code and params both ways, so the UI says it the same.
        expect({ code: bookErrors[0]?.code, params: bookErrors[0]?.params }).toEqual({ code: apiErrors[0]?.code, params: apiErrors[0]?.params });
        expect(bookErrors[0]?.path).toBe(`チェックシート!${COLUMN_OF[field]}${row}`);
        expect(bookErrors[0]?.message).toBe(`row ${row}, column ${COLUMN_OF[field]} (${field === 'evidence' ? '根拠・エビデンス' : '備考'}): ${message}`);
        // Nothing was written either way.
        for (const item of [viaApi, viaBook]) expect(await stored(item.requirementId)).toMatchObject({ verdict: 'unassessed', version: 0 });
      } else {
        expect(apiResponse.statusCode, apiResponse.body).toBe(200);
        expect(bookResponse.statusCode, bookResponse.body).toBe(200);
        const expected = { verdict: c.typed.verdict.api, ...c.stored, version: 1 };
        expect(await stored(viaApi.requirementId)).toMatchObject(expected);
        expect(await stored(viaBook.requirementId)).toMatchObject(expected);
      }
    });
  }

  it('the review flag: kept by a write that changes nothing and by a defect flag, cleared by a write that changes the answer, alike through both paths', async () => {
    const viaApi = a.items[20];
    const viaBook = a.items[21];
    if (!viaApi || !viaBook) throw new Error('items');
    // A carried-over item whose text changed (what moving to a newer edition leaves); seeded directly, as no route sets it.
    for (const item of [viaApi, viaBook]) {
      await updateAnswer(w.ctx.store.db, a.id, item.requirementId, { verdict: 'needs-review', evidence: '旧版の根拠', review: 'changed' });
    }
    expect(await stored(viaApi.requirementId)).toMatchObject({ verdict: 'needs-review', review: 'changed', version: 0 });

    // The same answer again: no write at all (no new version, no history), the flag stays.
    const same = await put(viaApi.requirementId, { verdict: 'needs-review', evidence: '旧版の根拠', comment: '', version: 0 });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ review: 'changed', version: 0 });
    const untouched = await importRow(viaBook.requirementId, () => undefined);
    expect(untouched.response.statusCode, untouched.response.body).toBe(200);
    expect(untouched.response.json()).toMatchObject({ updated: 0 });
    for (const item of [viaApi, viaBook]) {
      expect(await stored(item.requirementId)).toMatchObject({ review: 'changed', version: 0 });
      const history = (await w.client('as1').request('GET', `/api/assessments/${a.id}/answers/${item.requirementId}/history`)).json() as { history: unknown[] };
      expect(history.history).toEqual([]);
    }

    // A defect flag is about the guidebook's item, not the answer: the flag stays.
    const flagged = await w
      .client('as1')
      .request('PUT', `/api/assessments/${a.id}/answers/${viaApi.requirementId}/defect`, { kind: 'unclear', note: '基準が曖昧' });
    expect(flagged.statusCode, flagged.body).toBe(200);
    const bookFlag = await importRow(viaBook.requirementId, (sheet, r) => {
      sheet.getCell(`J${r}`).value = '不明確: 基準が曖昧';
    });
    expect(bookFlag.response.statusCode, bookFlag.response.body).toBe(200);
    for (const item of [viaApi, viaBook]) {
      expect(await stored(item.requirementId)).toMatchObject({ review: 'changed', version: 0, defect: { kind: 'unclear', note: '基準が曖昧' } });
    }

    // The assessor's own decision clears it, whichever way it comes.
    expect((await put(viaApi.requirementId, { verdict: 'pass', evidence: '旧版の根拠', comment: '', version: 0 })).statusCode).toBe(200);
    const decided = await importRow(viaBook.requirementId, (sheet, r) => {
      sheet.getCell(`G${r}`).value = '適合';
    });
    expect(decided.response.statusCode, decided.response.body).toBe(200);
    for (const item of [viaApi, viaBook]) {
      expect(await stored(item.requirementId)).toMatchObject({ verdict: 'pass', evidence: '旧版の根拠', review: null, version: 1 });
    }
  });
});
