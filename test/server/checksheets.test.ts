import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { useBundledApp } from '../helpers/app-with-admin.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { itemRows } from '../workbook/workbook-helpers.js';

describeEachDatabase('checksheets through the API', (get) => {
  const api = useBundledApp(get);

  it('previews a checksheet: JC-STAR target, ordered, with labels', async () => {
    const r = await api.admin.request('POST', '/api/checksheets/preview', { editionId: api.editionId, spec: { standard: 'jc-star-1' } });
    expect(r.statusCode, r.body).toBe(200);
    const sheet = r.json() as { edition: { id: string }; items: { no: string; targetLinks: unknown[] }[]; labels: { layers: unknown[] } };
    expect(sheet.edition.id).toBe(api.editionId);
    expect(sheet.items.length).toBeGreaterThan(0);
    expect(sheet.items.every((i) => i.targetLinks.length > 0)).toBe(true);
    expect(sheet.labels.layers).toHaveLength(4);
  });

  it('names every bad field of a spec, including what only the edition can tell', async () => {
    const bad = await api.admin.request('POST', '/api/checksheets/preview', { editionId: api.editionId, spec: { layers: ['cloud'], sl: 2 } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['body.spec.layers.0', 'body.spec.sl']);
    const unknown = await api.admin.request('POST', '/api/checksheets/preview', {
      editionId: api.editionId,
      spec: { standard: 'nope', profile: ['has-web-ui', 'x-ray'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['body.spec.profile.1', 'body.spec.standard']);
    const missing = await api.admin.request('POST', '/api/checksheets/preview', { editionId: 'nope', spec: {} });
    expect(missing.statusCode).toBe(404);
  });

  it('downloads xlsx, csv and json as attachments', async () => {
    const body = { editionId: api.editionId, spec: { layers: ['device'], phases: ['operation'] } };
    const preview = (await api.admin.request('POST', '/api/checksheets/preview', body)).json() as { items: { no: string }[] };
    const xlsx = await api.admin.request('POST', '/api/checksheets/export?format=xlsx&lang=en', body);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="checksheet-${api.editionId}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const items = workbook.getWorksheet('チェックシート');
    if (!items) throw new Error('no チェックシート');
    expect(itemRows(items).map((r) => items.getCell(`A${r}`).value)).toEqual(preview.items.map((i) => i.no));
    const csv = await api.admin.request('POST', '/api/checksheets/export?format=csv', body);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n').filter((l) => l.length > 0)).toHaveLength(preview.items.length + 1);
    const json = await api.admin.request('POST', '/api/checksheets/export?format=json', body);
    expect((json.json() as { items: unknown[] }).items).toHaveLength(preview.items.length);
    expect((await api.admin.request('POST', '/api/checksheets/export?format=pdf', body)).statusCode).toBe(400);
  });

  it('needs a login', async () => {
    const anon = new ApiClient(api.app);
    await anon.session();
    const r = await anon.request('POST', '/api/checksheets/preview', { editionId: api.editionId, spec: {} });
    expect(r.statusCode).toBe(401);
  });
});
