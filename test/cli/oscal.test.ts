import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { migrate, openStore } from '../../src/store/database.js';
import { oscalValidator } from '../helpers/oscal-schema.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared-reference.js';
import { tempDir } from '../helpers/temp-dir.js';

const rev3 = join(SHARED_DIR, 'data', 'nist', 'NIST_SP800-171_rev3_catalog.xml');
const rev2 = join(SHARED_DIR, 'data', 'nist', 'community_FATHOM5_NIST_SP-800-171_rev2_catalog.json');

describe.skipIf(!sharedAvailable())('bin/tebiki export/import oscal', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('exports the catalog and the mapping collection, both valid OSCAL 1.2.1', async () => {
    for (const kind of ['oscal-catalog', 'oscal-mapping'] as const) {
      const out = join(dir.path, `${kind}.json`);
      const r = await runCli(['export', kind, '--content', defaultContentDir(), '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const check = oscalValidator(kind === 'oscal-catalog' ? 'catalog' : 'mapping')(JSON.parse(readFileSync(out, 'utf8')));
      expect(check.errors).toEqual([]);
    }
  });

  it('imports the rev3 XML into the database and prints the counts as JSON; again: unchanged', () => {
    const env = { TEBIKI_DATA_DIR: join(dir.path, 'db'), DATABASE_URL: '' };
    const r = runBin(['import', 'oscal', rev3, '--id', 'nist-171r3-oscal', '--format', 'json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'nist-171r3-oscal', groups: 17, requirements: 97, withdrawn: 33, status: 'imported' });
    const again = runBin(['import', 'oscal', rev3, '--id', 'nist-171r3-oscal', '--format', 'json'], env);
    expect(JSON.parse(again.stdout).status).toBe('unchanged');
  });

  it('a truncated file is rejected with its place, and nothing is stored', async () => {
    const cut = join(dir.path, 'cut.json');
    const text = readFileSync(rev2, 'utf8');
    writeFileSync(cut, text.slice(0, 5000));
    const dbDir = join(dir.path, 'db2');
    const r = runBin(['import', 'oscal', cut], { TEBIKI_DATA_DIR: dbDir, DATABASE_URL: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cut\.json:\d+:\d+: error not valid JSON/);
    const store = openStore({ sqliteFile: join(dbDir, 'tebiki.sqlite') });
    await migrate(store);
    expect(await store.db.selectFrom('imported_standards').selectAll().execute()).toEqual([]);
    await store.close();
  });

  it('an imported standard can be mapped to and measured like a bundled one', async () => {
    const content = join(dir.path, 'content');
    cpSync(defaultContentDir(), content, { recursive: true });
    const imported = await runCli(['import', 'oscal', rev2, '--id', 'nist-171r2-oscal', '--content', content, '--format', 'json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ groups: 14, requirements: 110, withdrawn: 0 });
    // An editor maps a requirement to it...
    const reqDir = join(content, 'requirements', 'design');
    const file = join(reqDir, readdirSync(reqDir).sort()[0] as string);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.addIn(['mappings'], {
      standard: 'nist-171r2-oscal',
      requirement: '3.1.1',
      relationship: 'subset-of',
      rationale: { ja: '一部を扱う', en: 'covers part of it' },
    });
    writeFileSync(file, doc.toString());
    // The mapping itself is valid; what validate still reports is the imported standard's
    // 109 requirements not answered yet (gaps are errors until mapped or declared out of scope).
    const checked = await runCli(['validate', '--content', content, '--format', 'json']);
    const problems = (JSON.parse(checked.stdout) as { problems: { code: string; message: string }[] }).problems;
    expect(problems.filter((p) => p.message.includes('nist-171r2-oscal') && p.message.includes('3.1.1 '))).toEqual([]);
    expect(problems.filter((p) => p.message.includes('nist-171r2-oscal')).length).toBeGreaterThan(100);
    // ...and coverage measures it.
    const cov = JSON.parse((await runCli(['coverage', '--content', content, '--standard', 'nist-171r2-oscal', '--format', 'json'])).stdout);
    expect(cov.reports[0].summary).toMatchObject({ total: 110, partial: 1, gap: 109 });
  });
});
