import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { ANONYMOUS } from '../../src/core/authorization.js';
import { type RequirementText, statementText } from '../../src/core/attached-text/attached-text.js';
import { AppError } from '../../src/core/errors.js';
import type { Edition, Standard } from '../../src/core/model/edition.schema.js';
import { attachCatalogToStandard, attachedCatalogFor } from '../../src/services/attached-texts.service.js';
import type { ServiceContext } from '../../src/services/context.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { normalise, rev2Statements, rev3Statements } from '../helpers/nist-rendering.js';
import { NIST_DATA, nistDataAvailable } from '../helpers/shared-reference.js';
import { testConfig } from '../helpers/test-config.js';

const available = nistDataAvailable();
let edition: Edition;
const standard = (id: string): Standard => {
  const s = edition.standards.find((x) => x.id === id);
  if (!s) throw new Error(`no standard ${id}`);
  return s;
};

/** Every stored statement reads as NIST renders it for that requirement (whitespace aside). */
function expectStatementsAsNistRenders(texts: RequirementText[], expected: Map<string, string>): void {
  for (const t of texts) expect(normalise(statementText(t.statement)), t.requirementId).toBe(normalise(expected.get(t.requirementId) ?? '<missing>'));
}

beforeAll(() => {
  const loaded = loadContent(defaultContentDir());
  if (!loaded.ok) throw new Error('bundled content is invalid');
  edition = loaded.edition;
});

describeEachDatabase('attached publisher text (NIST SP 800-171)', (get) => {
  const ctx = (): ServiceContext => ({ store: get().store, config: testConfig(), now: () => new Date('2026-03-01T00:00:00Z') });
  const attach = (id: string, file: string, text = readFileSync(file, 'utf8')) =>
    attachCatalogToStandard(ctx(), ANONYMOUS, { standard: standard(id), text, fileName: file });
  /** Attaches a NIST catalog file; gives the outcome, the catalog then stored, and the statements NIST renders in that file. */
  const attachNist = async (id: string, file: string, statementsOf: (file: string) => Map<string, string>) => {
    const outcome = await attach(id, file);
    return { outcome, catalog: await attachedCatalogFor(ctx(), standard(id)), expected: statementsOf(file) };
  };

  it.skipIf(!available)('shows every active rev3 requirement (97) with its statement as NIST renders it', async () => {
    const { outcome, catalog, expected } = await attachNist('nist-sp-800-171r3', NIST_DATA.rev3, rev3Statements);
    expect(outcome).toMatchObject({ status: 'attached', statements: 97, withdrawn: 33 });
    expect(expected.size).toBe(97);
    const active = catalog?.texts.filter((t) => !t.withdrawal) ?? [];
    expect(active).toHaveLength(97);
    expectStatementsAsNistRenders(active, expected);
    expect(active.every((t) => (t.discussion ?? '').length > 50)).toBe(true);
    expect(catalog?.citation).toMatch(/^NIST SP 800-171 Rev\. 3.*version 1\.0\.0/);
    const t0101 = active.find((t) => t.requirementId === '03.01.01');
    expect(statementText(t0101?.statement ?? { text: '' })).toContain(
      '  2. The accounts have been inactive for [Assignment: organization-defined time period],',
    );
  });

  it.skipIf(!available)('keeps where NIST says each withdrawn rev3 requirement went', async () => {
    const catalog = await attachedCatalogFor(ctx(), standard('nist-sp-800-171r3'));
    const byId = new Map(catalog?.texts.map((t) => [t.requirementId, t]));
    expect(byId.get('03.01.14')?.withdrawal).toEqual({ relation: 'incorporated-into', targets: ['03.01.12'] });
    expect(byId.get('03.01.13')?.withdrawal).toEqual({ relation: 'addressed-by', targets: ['03.13.08'] });
    expect(byId.get('03.13.02')?.withdrawal).toEqual({ relation: 'withdrawn', targets: [] });
  });

  it.skipIf(!available)('shows every rev2 requirement (110) with its statement', async () => {
    const { outcome, catalog, expected } = await attachNist('nist-sp-800-171r2', NIST_DATA.rev2, rev2Statements);
    expect(outcome).toMatchObject({ status: 'attached', statements: 110, withdrawn: 0 });
    expect(expected.size).toBe(110);
    expect(catalog?.texts).toHaveLength(110);
    expectStatementsAsNistRenders(catalog?.texts ?? [], expected);
    expect(await attach('nist-sp-800-171r2', NIST_DATA.rev2)).toMatchObject({ status: 'unchanged' });
  });

  it.skipIf(!available)('refuses to attach text to IEC, ETSI, CEN and JC-STAR catalogs, storing nothing', async () => {
    for (const id of ['iec-62443-4-1', 'iec-62443-4-2', 'etsi-en-303-645', 'en-18031', 'jc-star-1']) {
      const err = await attach(id, NIST_DATA.rev2).catch((e: unknown) => e);
      expect(err, id).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('forbidden');
      expect((err as AppError).message).toContain('does not allow');
    }
    const rows = await get().store.db.selectFrom('attached_catalogs').select('standard_id').execute();
    expect(rows.map((r) => r.standard_id).sort()).toEqual(['nist-sp-800-171r2', 'nist-sp-800-171r3']);
  });

  it.skipIf(!available)('reports a catalog whose ids do not match id by id, and keeps the earlier text', async () => {
    const doc = JSON.parse(readFileSync(NIST_DATA.rev2, 'utf8'));
    const family = doc.catalog.groups[0];
    family.controls[0].id = '3.1.99';
    family.controls[0].props = family.controls[0].props.map((p: { name: string; value: string }) =>
      p.name === 'sort-id' || p.name === 'label' ? { ...p, value: '3.1.99' } : p,
    );
    family.controls.splice(1, 1);
    const err = (await attach('nist-sp-800-171r2', 'changed.json', JSON.stringify(doc)).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('validation-failed');
    expect(err.errors).toEqual([
      {
        path: '3.1.99',
        message: 'requirement 3.1.99 of the catalog is not in nist-sp-800-171r2',
        code: 'not-in-standard',
        params: { id: '3.1.99', standard: 'nist-sp-800-171r2' },
      },
      {
        path: '3.1.1',
        message: 'requirement 3.1.1 of nist-sp-800-171r2 is not in the catalog',
        code: 'not-in-catalog',
        params: { id: '3.1.1', standard: 'nist-sp-800-171r2' },
      },
      {
        path: '3.1.2',
        message: 'requirement 3.1.2 of nist-sp-800-171r2 is not in the catalog',
        code: 'not-in-catalog',
        params: { id: '3.1.2', standard: 'nist-sp-800-171r2' },
      },
    ]);
    const rev3Into2 = (await attach('nist-sp-800-171r2', NIST_DATA.rev3).catch((e: unknown) => e)) as AppError;
    expect(rev3Into2.errors?.length).toBe(130 + 110);
    const catalog = await attachedCatalogFor(ctx(), standard('nist-sp-800-171r2'));
    expect(catalog?.texts).toHaveLength(110);
  });

  it.skipIf(!available)('names the place of a truncated or malformed catalog and stores nothing', async () => {
    const truncated = readFileSync(NIST_DATA.rev3, 'utf8').slice(0, 50_000);
    const err = (await attach('nist-sp-800-171r3', 'cut.xml', truncated).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('validation-failed');
    expect(err.errors?.[0]?.path).toMatch(/^cut\.xml:\d+:\d+$/);
    const [, line, column] = /:(\d+):(\d+)$/.exec(err.errors?.[0]?.path ?? '') ?? [];
    expect(err.errors?.[0]).toMatchObject({ code: 'not-xml', params: { line: Number(line), column: Number(column) } });
    const notCatalog = (await attach('nist-sp-800-171r3', 'x.json', '{"profile":{}}').catch((e: unknown) => e)) as AppError;
    expect(notCatalog.errors?.[0]).toMatchObject({ path: '/catalog', code: 'no-catalog' });
    const catalog = await attachedCatalogFor(ctx(), standard('nist-sp-800-171r3'));
    expect(catalog?.texts.filter((t) => !t.withdrawal)).toHaveLength(97);
  });
});
