import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import { ApiClient } from '../helpers/api-client.js';
import { appWithAdmin } from '../helpers/app-with-admin.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { NIST_DATA, nistDataAvailable } from '../helpers/shared-reference.js';
import { testConfig } from '../helpers/test-config.js';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };
const available = nistDataAvailable();

describeEachDatabase("NIST's own text through the API", (get) => {
  let app: FastifyInstance;
  let admin: ApiClient;
  let anon: ApiClient;
  let edition = '';
  const attach = (client: ApiClient, standardId: string, file: string) =>
    client.request('POST', `/api/admin/standards/${standardId}/attached-text`, {
      editionId: edition,
      fileName: file.split('/').pop(),
      text: readFileSync(file, 'utf8'),
    });

  beforeAll(async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
    edition = (await importBundledEdition(ctx)).id;
    ({ app, admin, anon } = await appWithAdmin(ctx));
  });
  afterAll(async () => app?.close());

  it.skipIf(!available)('only an admin attaches, and never to a standard that does not allow it', async () => {
    expect((await attach(anon, 'nist-sp-800-171r3', NIST_DATA.rev3)).statusCode).toBe(401);
    const iec = await attach(admin, 'iec-62443-4-2', NIST_DATA.rev2);
    expect(iec.statusCode).toBe(403);
    expect(iec.json().detail).toContain('does not allow');
    const r3 = await attach(admin, 'nist-sp-800-171r3', NIST_DATA.rev3);
    expect(r3.statusCode, r3.body).toBe(200);
    expect(r3.json()).toMatchObject({ status: 'attached', statements: 97, withdrawn: 33 });
    const mismatch = await attach(admin, 'nist-sp-800-171r2', NIST_DATA.rev3);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors).toContainEqual({
      path: '03.01.01',
      message: 'requirement 03.01.01 of the catalog is not in nist-sp-800-171r2',
      code: 'not-in-standard',
      params: { id: '03.01.01', standard: 'nist-sp-800-171r2' },
    });
    expect(mismatch.json().errors).toContainEqual({
      path: '3.1.1',
      message: 'requirement 3.1.1 of nist-sp-800-171r2 is not in the catalog',
      code: 'not-in-catalog',
      params: { id: '3.1.1', standard: 'nist-sp-800-171r2' },
    });
    expect((await attach(admin, 'nist-sp-800-171r2', NIST_DATA.rev2)).json()).toMatchObject({ status: 'attached', statements: 110 });
  });

  it('problems of an attached catalog carry their code and params: not JSON, no catalog, ids in either direction', async () => {
    const send = (fileName: string, text: string) =>
      admin.request('POST', '/api/admin/standards/nist-sp-800-171r3/attached-text', { editionId: edition, fileName, text });
    const broken = await send('broken.json', '{\n  "catalog": {\n    "metadata": oops\n}');
    expect(broken.statusCode).toBe(400);
    const [notJson] = broken.json().errors as { path: string; params: { line: number; column: number } }[];
    expect(notJson).toEqual({
      path: expect.stringMatching(/^broken\.json:\d+:\d+$/),
      message: expect.stringContaining('not valid JSON'),
      code: 'not-json',
      params: expect.anything(),
    });
    expect(notJson?.path).toBe(`broken.json:${notJson?.params.line}:${notJson?.params.column}`);
    expect((await send('empty.json', '{"profile": {}}')).json().errors).toEqual([
      { path: '/catalog', message: expect.stringContaining('no catalog'), code: 'no-catalog' },
    ]);
    const control = { id: 'x', title: 'X', props: [{ name: 'label', value: '99.99.99' }] };
    const catalog = { catalog: { uuid: 'u', metadata: { title: 'Not rev3' }, controls: [control] } };
    const mismatch = await send('other.json', JSON.stringify(catalog));
    expect(mismatch.statusCode).toBe(400);
    const errors = mismatch.json().errors as { path: string; code: string; params?: Record<string, string> }[];
    expect(errors[0]).toEqual({
      path: '99.99.99',
      message: 'requirement 99.99.99 of the catalog is not in nist-sp-800-171r3',
      code: 'not-in-standard',
      params: { id: '99.99.99', standard: 'nist-sp-800-171r3' },
    });
    expect(errors).toContainEqual(
      expect.objectContaining({ path: '03.01.01', code: 'not-in-catalog', params: { id: '03.01.01', standard: 'nist-sp-800-171r3' } }),
    );
  });

  it.skipIf(!available)('a standard answers its NIST text with the citation, withdrawals and the rev2 ↔ rev3 correspondence as NIST states it', async () => {
    const r = await admin.request('GET', `/api/editions/${edition}/standards/nist-sp-800-171r3/attached-text`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.allowed).toBe(true);
    expect(body.catalog.citation).toContain('NIST SP 800-171 Rev. 3');
    const t = body.catalog.texts.find((x: { requirementId: string }) => x.requirementId === '03.01.08');
    expect(t.statement.items[1].text).toContain('[Selection (one or more): lock the account or node for an [Assignment: organization-defined time period];');
    expect(body.correspondence.pairs).toContainEqual({
      rev2: '3.1.14',
      rev3: '03.01.14',
      status: 'withdrawn',
      withdrawal: { relation: 'incorporated-into', targets: ['03.01.12'] },
    });
    expect(body.correspondence.pairs).toContainEqual({ rev2: '3.1.1', rev3: '03.01.01', status: 'carried' });
    expect(body.correspondence.pairs).toHaveLength(110);
    expect(body.correspondence.newInRev3).toContain('03.16.01');
    const iec = (await admin.request('GET', `/api/editions/${edition}/standards/iec-62443-4-2/attached-text`)).json();
    expect(iec).toMatchObject({ allowed: false, catalog: null, correspondence: null });
  });

  it.skipIf(!available)("an item's mappings carry the statement of each NIST requirement they reach, with our title beside it", async () => {
    const loaded = loadContent(defaultContentDir());
    if (!loaded.ok) throw new Error('content');
    const item = loaded.edition.requirements.find((r) => r.mappings.some((m) => m.standard === 'nist-sp-800-171r3'));
    if (!item) throw new Error('no item maps to rev3');
    const r = await admin.request('GET', `/api/editions/${edition}/requirements/${item.id}/attached-text`);
    expect(r.statusCode).toBe(200);
    const hints = r.json().hints as { standard: string; requirement: string; statement: string; citation: string; title: { ja: string } }[];
    const nist = item.mappings.filter((m) => m.standard.startsWith('nist-sp-800-171'));
    expect(hints.map((h) => `${h.standard} ${h.requirement}`).sort()).toEqual(nist.map((m) => `${m.standard} ${m.requirement}`).sort());
    expect(hints.every((h) => h.statement.length > 20 && h.citation.startsWith('NIST SP 800-171') && h.title.ja.length > 0)).toBe(true);
  });
});

describeEachDatabase("NIST's own text beside 確認方法 in an exported checksheet", (get) => {
  it.skipIf(!available)(
    'the xlsx carries a note beside 確認方法 and a 出典の原文 sheet with the statements and the citation; nothing without attached text',
    async () => {
      const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
      const edition = (await importBundledEdition(ctx)).id;
      const app = await buildApp({ ctx });
      try {
        const anon = new ApiClient(app);
        await anon.session();
        const token = new URL((await issueSetupLink(ctx)) as string).hash.replace('#token=', '');
        await anon.request('POST', '/api/setup', { token, email: ADMIN.email, displayName: '管理者', password: ADMIN.password });
        const admin = new ApiClient(app);
        await admin.login(ADMIN.email, ADMIN.password);
        const exportSheet = async () => {
          const r = await admin.request('POST', '/api/checksheets/export?format=xlsx&lang=ja', {
            editionId: edition,
            spec: { layers: [], phases: [], profile: null, standard: 'nist-sp-800-171r3' },
          });
          expect(r.statusCode, r.body).toBe(200);
          const { default: ExcelJS } = await import('exceljs');
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
          return book;
        };
        expect((await exportSheet()).getWorksheet('出典の原文')).toBeUndefined();
        const attached = await admin.request('POST', '/api/admin/standards/nist-sp-800-171r3/attached-text', {
          editionId: edition,
          fileName: 'rev3.json',
          text: readFileSync(NIST_DATA.rev3, 'utf8'),
        });
        expect(attached.statusCode, attached.body).toBe(200);
        const book = await exportSheet();
        const hintsSheet = book.getWorksheet('出典の原文');
        if (!hintsSheet) throw new Error('no 出典の原文 sheet');
        const rows: string[][] = [];
        hintsSheet.eachRow((row, r) => {
          if (r > 2) rows.push([1, 2, 3, 4, 5, 6].map((c) => String(row.getCell(c).value ?? '')));
        });
        const lockout = rows.find((r) => r[1] === 'nist-sp-800-171r3' && r[2] === '03.01.08');
        expect(lockout?.[4]).toContain('[Assignment: organization-defined');
        expect(lockout?.[5]).toContain('NIST SP 800-171 Rev. 3');
        expect(lockout?.[3]?.length).toBeGreaterThan(0);
        // The item's row in チェックシート: a line under 確認方法 pointing at the sheet, and the text in the cell's note.
        const items = book.getWorksheet('チェックシート');
        let note = '';
        let method = '';
        items?.eachRow((row) => {
          // A split item's merged cells read back on each of its rows: its first row holds the note.
          if (!method && String(row.getCell('A').value) === lockout?.[0]) {
            method = String(row.getCell('F').value);
            note = String(
              (row.getCell('F').note as unknown as { texts?: { text: string }[] })?.texts?.map((t) => t.text).join('') ?? row.getCell('F').note ?? '',
            );
          }
        });
        expect(method).toContain('出典の原文（英語）: シート「出典の原文」');
        expect(note).toContain('03.01.08');
        expect(note).toContain('NIST SP 800-171 Rev. 3');
      } finally {
        await app.close();
      }
    },
  );
});
