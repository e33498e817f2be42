import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { landscapeFile, landscapeProblems, loadLandscape, readCatalogSummaries } from '../../src/content/load-landscape.js';
import { filterLandscape, landscapeView, unknownLandscapeFilter, validateLandscape } from '../../src/core/landscape.js';
import type { Landscape } from '../../src/core/model/landscape.schema.js';
import { tempDir } from '../helpers/temp-dir.js';

const bundledFile = landscapeFile(defaultContentDir());
const catalogs = readCatalogSummaries(defaultContentDir());

function bundled(): Landscape {
  const loaded = loadLandscape(bundledFile, new Set(catalogs.map((c) => c.id)));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
  return loaded.landscape;
}

/** A small landscape built in the test, so each check has one clear cause. */
function mini(): Landscape {
  return {
    sectors: [
      { id: 'power', label: { ja: '電力', en: 'Power' } },
      { id: 'railway', label: { ja: '鉄道', en: 'Railway' } },
    ],
    levels: [
      { id: 'system', label: { ja: 'システム', en: 'System' } },
      { id: 'component', label: { ja: 'コンポーネント', en: 'Component' } },
    ],
    entries: [
      {
        id: 'a',
        name: 'A 1',
        kind: 'standard',
        publisher: 'P',
        sectors: ['power'],
        levels: ['component'],
        description: { ja: 'あ', en: 'a' },
        catalog: 'cat-a',
        confidence: 'names_verified',
      },
      {
        id: 'b',
        name: 'B 2',
        kind: 'regulation',
        publisher: 'Q',
        sectors: ['power', 'railway'],
        levels: ['system'],
        description: { ja: 'い', en: 'b' },
        related: ['a'],
        confidence: 'recall',
      },
    ],
  };
}

describe('the bundled standards landscape (content/landscape.yaml)', () => {
  it('loads without problems, and every catalog it names is a standard in content/standards', () => {
    const landscape = bundled();
    const known = new Set(catalogs.map((c) => c.id));
    const named = landscape.entries.flatMap((e) => (e.catalog ? [e.catalog] : []));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
    // The catalogs the guidebook maps to all appear on the map.
    expect(new Set(named)).toEqual(known);
  });

  it('covers the required sectors, each with entries, and every level is used', () => {
    const landscape = bundled();
    for (const sector of ['control-systems', 'consumer-iot', 'power', 'smart-grid', 'railway', 'process-industry']) {
      expect(filterLandscape(landscape, { sector }).length, sector).toBeGreaterThan(1);
    }
    for (const level of landscape.levels) expect(filterLandscape(landscape, { level: level.id }).length, level.id).toBeGreaterThan(0);
  });

  it('backs every verified entry with a source and keeps recall entries marked', () => {
    const landscape = bundled();
    expect(landscape.entries.filter((e) => e.confidence === 'verified' && !e.source)).toEqual([]);
    expect(landscape.entries.some((e) => e.confidence === 'recall')).toBe(true);
  });

  it('names the well-known designations the consortium asked for', () => {
    const names = new Set(bundled().entries.map((e) => e.name));
    for (const name of ['IEC 62443-3-3', 'ISASecure CSA', 'WIB', 'NERC CIP', 'NIST IR 7628', 'IEC 62278', 'IEC 61850', 'IEEE 1686', 'UN R155']) {
      expect(names.has(name), name).toBe(true);
    }
  });
});

describe('filtering and joining', () => {
  it('filters by sector, by level, and by both (AND)', () => {
    const l = mini();
    expect(filterLandscape(l, {}).map((e) => e.id)).toEqual(['a', 'b']);
    expect(filterLandscape(l, { sector: 'railway' }).map((e) => e.id)).toEqual(['b']);
    expect(filterLandscape(l, { level: 'component' }).map((e) => e.id)).toEqual(['a']);
    expect(filterLandscape(l, { sector: 'railway', level: 'component' })).toEqual([]);
  });

  it('says per entry whether its catalog is loaded, and resolves related names', () => {
    const view = landscapeView(mini(), [{ id: 'cat-a', title: { ja: 'カタログ', en: 'Catalog' }, version: '1' }], {});
    expect(view.total).toBe(2);
    expect(view.entries[0]?.catalog).toEqual({ id: 'cat-a', loaded: true, title: { ja: 'カタログ', en: 'Catalog' }, version: '1' });
    expect(view.entries[1]?.catalog).toBeNull();
    expect(view.entries[1]?.related).toEqual([{ id: 'a', name: 'A 1' }]);
    expect(landscapeView(mini(), [], {}).entries[0]?.catalog).toEqual({ id: 'cat-a', loaded: false });
  });

  it('names the valid ids for an unknown sector or level', () => {
    expect(unknownLandscapeFilter(mini(), { sector: 'power' })).toEqual([]);
    expect(unknownLandscapeFilter(mini(), { sector: 'space', level: 'galaxy' })).toEqual([
      { key: 'sector', value: 'space', valid: ['power', 'railway'] },
      { key: 'level', value: 'galaxy', valid: ['system', 'component'] },
    ]);
  });
});

describe('cross-reference checks', () => {
  it('accepts a consistent landscape', () => {
    expect(validateLandscape(mini(), new Set(['cat-a']))).toEqual([]);
  });

  it('finds duplicates, unknown references, unsourced verified entries and unknown catalogs, each at its path', () => {
    const l = mini();
    const [a, b] = l.entries as [Landscape['entries'][number], Landscape['entries'][number]];
    l.sectors.push({ id: 'power', label: { ja: '重複', en: 'dup' } });
    a.levels = ['component', 'orbit'];
    a.confidence = 'verified';
    b.related = ['b', 'nothing'];
    b.sectors = ['power', 'power'];
    const problems = validateLandscape(l, new Set(['other']));
    const at = (code: string) => problems.filter((p) => p.code === code).map((p) => p.path.join('.'));
    expect(at('landscape-duplicate-id')).toEqual(['sectors.2.id']);
    expect(at('landscape-unknown-level')).toEqual(['entries.0.levels.1']);
    expect(at('landscape-unsourced')).toEqual(['entries.0.confidence']);
    expect(at('landscape-unknown-catalog')).toEqual(['entries.0.catalog']);
    expect(at('landscape-unknown-entry')).toEqual(['entries.1.related.1']);
    expect(at('landscape-self-reference')).toEqual(['entries.1.related.0']);
    expect(at('landscape-duplicate-reference')).toEqual(['entries.1.sectors.1']);
  });
});

describe('a broken copy of the landscape file', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const original = readFileSync(bundledFile, 'utf8');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const write = (name: string, text: string) => {
    const file = join(dir.path, name);
    writeFileSync(file, text);
    return { file, shown: relative(process.cwd(), file) };
  };

  it('reports an unknown sector at its file, line and column', () => {
    const text = original.replace('sectors: [process-industry]\n    levels: [organisation]', 'sectors: [process-industry, mars]\n    levels: [organisation]');
    expect(text).not.toBe(original);
    const { file, shown } = write('unknown-sector.yaml', text);
    const result = loadLandscape(file);
    expect(result.ok).toBe(false);
    const line = lineOf(text, 'sectors: [process-industry, mars]');
    const column = (text.split('\n')[line - 1] ?? '').indexOf('mars') + 1;
    expect(result.problems).toEqual([expect.objectContaining({ file: shown, line, column, code: 'landscape-unknown-sector' })]);
    expect(result.problems[0]?.message).toContain('control-systems');
  });

  it('reports a missing English description and an unknown key where they are', () => {
    const text = original
      .replace(
        '      en: Functional safety standard for safety instrumented systems',
        '      english: Functional safety standard for safety instrumented systems',
      )
      .replace('  - id: nerc-cip\n', '  - id: nerc-cip\n    colour: red\n');
    const { file, shown } = write('schema.yaml', text);
    const result = loadLandscape(file);
    expect(result.ok).toBe(false);
    const codes = result.problems.map((p) => `${p.line}:${p.code}`);
    expect(codes).toContain(`${lineOf(text, 'colour: red') - 1}:schema-unrecognized-keys`);
    expect(result.problems.every((p) => p.file === shown && p.line > 0 && p.column > 0)).toBe(true);
    expect(result.problems.some((p) => p.message.includes('English text (en) is missing'))).toBe(true);
  });

  it('reports a YAML syntax error with its line, and refuses hostile input without throwing', () => {
    const text = original.replace('  - id: ieee-1686\n', '  - id: ieee-1686\n    name: [unclosed\n');
    const { file } = write('syntax.yaml', text);
    const result = loadLandscape(file);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ code: 'yaml-syntax' });
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(lineOf(text, 'name: [unclosed'));

    // A "billion laughs" alias bomb is refused before it expands.
    const aliases = Array.from({ length: 12 }, (_, i) => {
      const ref = i === 0 ? 'a' : `b${i - 1}`;
      return `b${i}: &b${i} [*${ref}, *${ref}, *${ref}, *${ref}, *${ref}]`;
    });
    const bomb = write('bomb.yaml', `a: &a [x, x, x, x, x, x, x, x, x, x]\n${aliases.join('\n')}\n`);
    expect(loadLandscape(bomb.file).problems[0]).toMatchObject({ code: 'yaml-syntax', message: expect.stringContaining('alias') });
    const huge = write('huge.yaml', `sectors: []\n# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    expect(loadLandscape(huge.file).problems[0]).toMatchObject({ code: 'file-too-large', line: 1 });
    expect(loadLandscape(join(dir.path, 'missing.yaml')).problems[0]).toMatchObject({ code: 'file-missing' });
  });

  it('is checked by validate only when present, against the folder\u2019s own standards', () => {
    expect(landscapeProblems(dir.path)).toEqual([]);
    expect(landscapeProblems(defaultContentDir())).toEqual([]);
  });
});
