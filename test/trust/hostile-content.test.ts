import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadContent } from '../../src/content/load-content.js';
import { MAX_CONTENT_FILE_BYTES } from '../../src/content/yaml-document.js';
import type { Problem } from '../../src/core/problems.js';
import { edition, item, node, standard } from '../helpers/mini-edition.js';
import { tempDir } from '../helpers/temp-dir.js';
import { aliasBomb, checkPrototypesAfterEach, mutatedJson, mutatedText, RUNS, yamlNoise } from './hostile-arbitraries.js';

checkPrototypesAfterEach();

/**
 * Content YAML from an editor (or an attacker with write access to a draft's
 * files): a small valid edition whose files are then garbled as text or given
 * hostile values. loadContent never throws; it refuses with problems naming
 * file, line and column.
 */
const dir = tempDir('tebiki-hostile-content-');
afterAll(() => dir.remove());

const base = edition();
const FILES: Record<string, unknown> = {
  'edition.yaml': base.meta,
  'taxonomy.yaml': base.taxonomy,
  'requirements/r-1.yaml': item('r-1', '1.1', { maps: [['s-1', 'S-1', 'equivalent-to']], threatCategory: 'cat' }),
  'standards/s-1.yaml': standard('s-1', [node('S-1', 'requirement')]),
};
const TEXTS = Object.fromEntries(Object.entries(FILES).map(([f, v]) => [f, stringify(v)]));

let n = 0;
/** Writes a content folder with `changes` over the sample and loads it. */
function load(changes: Record<string, string>): ReturnType<typeof loadContent> {
  const root = join(dir.path, `c-${++n}`);
  for (const [file, text] of Object.entries({ ...TEXTS, ...changes })) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return loadContent(root);
}

function expectPlaced(result: ReturnType<typeof loadContent>) {
  const errors = result.problems.filter((p: Problem) => p.severity === 'error');
  if (result.ok) return;
  expect(errors.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.file, JSON.stringify(p)).toMatch(/\.ya?ml$/);
    expect(p.line, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
    expect(p.column, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** YAML noise, with tags that ask for code or binary and the other document markers. */
const contentNoise = yamlNoise('!!js/function "x"', '!!binary', '!custom ', '%YAML 1.1\n', '...\n', "'", '>', '\uFEFF');

describe('content YAML with hostile files', () => {
  beforeAll(() => {
    const ok = load({});
    expect(ok.ok, JSON.stringify(ok.problems)).toBe(true);
  });

  it('any file cut, spliced and garbled as text', () => {
    const change = fc.constantFrom(...Object.keys(TEXTS)).chain((file) => mutatedText(TEXTS[file] ?? '', contentNoise).map((text) => ({ [file]: text })));
    fc.assert(
      fc.property(change, (changes) => expectPlaced(load(changes))),
      { numRuns: RUNS * 2 },
    );
  });

  // Written as JSON, which is YAML too (the yaml library's own writer overflows its stack on deep nesting).
  it('any file with values replaced by hostile ones (wrong types, huge strings, deep nesting, unknown keys)', () => {
    const change = fc
      .constantFrom(...Object.keys(FILES))
      .chain((file) => mutatedJson(FILES[file]).map((value) => ({ [file]: JSON.stringify(value) ?? 'null' })));
    fc.assert(
      fc.property(change, (changes) => expectPlaced(load(changes))),
      { numRuns: RUNS * 2 },
    );
  });

  it('an alias bomb ("billion laughs" in YAML) is refused, not expanded', () => {
    const r = load({ 'requirements/r-1.yaml': `${aliasBomb('"lol"')}\n` });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/r-1\.yaml$/), code: 'yaml-syntax', message: expect.stringMatching(/alias/i) }),
    );
  });

  it(`a file over ${MAX_CONTENT_FILE_BYTES} bytes is refused before it is parsed`, () => {
    const r = load({ 'standards/s-1.yaml': `# ${'x'.repeat(MAX_CONTENT_FILE_BYTES)}\n` });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/s-1\.yaml$/), code: 'file-too-large', line: 1, column: 1 }));
  });

  it('a duplicate key and a YAML tag that would build an object are refused naming the line', () => {
    const dup = load({ 'edition.yaml': `${TEXTS['edition.yaml']}id: again\n` });
    expect(dup.ok).toBe(false);
    expect(dup.problems[0]).toMatchObject({ file: expect.stringMatching(/edition\.yaml$/), line: expect.any(Number) });
    const tagged = load({ 'edition.yaml': (TEXTS['edition.yaml'] ?? '').replace(/^id: .*$/m, 'id: !!js/function "function () { process.exit(1) }"') });
    expect(tagged.ok).toBe(false);
    expect(readFileSync(join(dir.path, `c-${n}`, 'edition.yaml'), 'utf8')).toMatch(/js\/function/);
  });
});
