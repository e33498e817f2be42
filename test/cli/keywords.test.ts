import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { migrate, openStore } from '../../src/store/database.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';

interface KeywordsDocument {
  edition: string;
  candidates: { term: string; lang: string; count: number; requirements: number; occurrences: { requirementId: string; number: string; field: string }[] }[];
}

const REPEAT = 500;

describe('bin/tebiki keywords', () => {
  const dir = tempDir();
  const content = join(dir.path, 'content');
  let changed = { id: '', number: '' };

  beforeAll(() => {
    // A copy of the bundled content in which one item uses two invented terms, often enough to rank first;
    // only one of them gets a glossary entry. (runBin captures at most 1 MB: the output is kept short with --limit.)
    cpSync(defaultContentDir(), content, { recursive: true });
    const reqDir = join(content, 'requirements', 'design');
    const file = join(reqDir, readdirSync(reqDir).sort()[0] as string);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['criteria', 0, 'ja'], `${'ズーロン検査装置とクワッカ計、'.repeat(REPEAT)}で筐体を確認する。`);
    doc.setIn(['criteria', 0, 'en'], `The enclosure is checked with ${'the zoolon analyser and the quokka meter, '.repeat(REPEAT)}in turn.`);
    writeFileSync(file, doc.toString());
    changed = { id: String(doc.get('id')), number: String(doc.get('number')) };
    const glossary = join(content, 'glossary', 'general.yaml');
    const g = parseDocument(readFileSync(glossary, 'utf8'));
    g.addIn(['terms'], {
      id: 'quokka-meter',
      term: { ja: 'クワッカ計', en: 'Quokka meter' },
      reading: 'クワッカけい',
      definition: { ja: '架空の計器。', en: 'An invented meter.' },
    });
    writeFileSync(glossary, g.toString());
  });
  afterAll(() => dir.remove());

  it('prints one JSON document: a term used without a glossary entry, with where it occurs; a defined term is left out', () => {
    const r = runBin(['keywords', '--content', content, '--limit', '3', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as KeywordsDocument;
    expect(Object.keys(doc).sort()).toEqual(['candidates', 'edition']);
    expect(doc.edition).toBe('2026.2');
    const ja = doc.candidates.find((c) => c.term === 'ズーロン検査装置');
    expect(ja).toEqual({
      term: 'ズーロン検査装置',
      lang: 'ja',
      count: REPEAT,
      requirements: 1,
      occurrences: [{ requirementId: changed.id, number: changed.number, field: 'criteria[0]' }],
    });
    expect(doc.candidates.find((c) => c.term === 'zoolon analyser')).toMatchObject({ lang: 'en', count: REPEAT, requirements: 1 });
    const terms = doc.candidates.map((c) => c.term.toLowerCase());
    expect(terms).not.toContain('クワッカ計');
    expect(terms).not.toContain('quokka meter');
    for (const c of doc.candidates) expect(Object.keys(c).sort()).toEqual(['count', 'lang', 'occurrences', 'requirements', 'term']);
  });

  it('reads an edition stored in the database with --edition', async () => {
    const dataDir = join(dir.path, 'data');
    const store = openStore({ sqliteFile: join(dataDir, 'tebiki.sqlite') });
    try {
      await migrate(store);
      await importBundledEdition({ store, config: testConfig({ dataDir }), now: () => new Date() });
    } finally {
      await store.close();
    }
    const env = { TEBIKI_DATA_DIR: dataDir, DATABASE_URL: '' };
    const r = runBin(['keywords', '--edition', '2026.2', '--limit', '3', '--format', 'json'], env);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as KeywordsDocument;
    expect(doc.edition).toBe('2026.2');
    expect(doc.candidates).toHaveLength(3);
    const missing = runBin(['keywords', '--edition', '1999.9'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('edition 1999.9 is not in the database');
  });

  it('text output lists counts, terms and item numbers; bad options are usage errors', async () => {
    const text = await runCli(['keywords', '--limit', '3']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^edition 2026\.2: 3 candidate term\(s\)/);
    expect(text.stdout.trim().split('\n')).toHaveLength(6);
    for (const args of [['--limit', '0'], ['--limit', 'ten'], ['--content', content, '--edition', '2026.2'], ['--format', 'xml'], ['--bogus']]) {
      const r = await runCli(['keywords', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('tebiki keywords:');
    }
    const bad = await runCli(['keywords', '--content', join(dir.path, 'nowhere')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('content error(s)');
  });
});
