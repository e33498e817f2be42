import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Edition, Requirement } from '../../src/core/model/edition.schema.js';
import { formatPath } from '../../src/core/problems.js';
import { validateEdition } from '../../src/core/validate-edition.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { requirementFile, writeContent } from '../../src/content/export-content.js';
import { loadContent } from '../../src/content/load-content.js';
import { tempDir } from '../helpers/temp-dir.js';
import { bundledEdition } from '../helpers/bundled-edition.js';

/**
 * The editor validates whole editions in memory; `tebiki validate` loads
 * files. Both must judge the same content the same way, so the same broken
 * content is put through both and their findings compared.
 */

describe('whole-edition validation', () => {
  const dir = tempDir('tebiki-validate-edition-');
  afterAll(() => dir.remove());

  it('accepts the bundled edition with the warnings the loader reports', () => {
    const loaded = loadContent(defaultContentDir());
    const result = validateEdition(bundledEdition());
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => p.code).sort()).toEqual(loaded.problems.map((p) => p.code).sort());
  });

  it('finds the same problems as loading the same content from files', () => {
    const edition = bundledEdition();
    const [a, b, c] = edition.requirements as [Requirement, Requirement, Requirement];
    a.title = { ja: a.title.ja, en: '' };
    b.terms = [...b.terms, 'no-such-term'];
    b.mappings = [...b.mappings, { standard: 'iec-62443-4-1', requirement: 'SD-999', relationship: 'subset-of', rationale: { ja: 'x', en: 'x' } }];
    const category = c.threatCategory;
    c.threatCategory = 'no-such-category';
    (c as { extra?: string }).extra = 'unknown key';
    const term = edition.glossary[0];
    if (term) term.related = [...term.related, 'missing-related'];

    // The loader needs files: write the valid shape, then break the same places in them.
    const files = dir.path;
    const result = validateEdition(edition);
    const fixed = structuredClone(edition);
    (fixed.requirements[0] as Requirement).title.en = 'placeholder';
    delete (fixed.requirements[2] as { extra?: string }).extra;
    (fixed.requirements[2] as Requirement).threatCategory = category;
    writeContent(fixed, files);
    const loaded = brokenOnDisk(files, edition);

    const mine = result.problems.map((p) => `${p.severity} ${p.code} ${p.at.collection} ${formatPath(p.within)}`).sort();
    const theirs = loaded.map((p) => `${p.severity} ${p.code} ${p.collection} ${p.path}`).sort();
    expect(result.ok).toBe(false);
    expect(mine).toEqual(theirs);
    expect(mine).toEqual(
      expect.arrayContaining([
        'error schema-too-small requirements title.en',
        `error unknown-term requirements terms[${String(b.terms.length - 1)}]`,
        `error dangling-mapping requirements mappings[${String(b.mappings.length - 1)}].requirement`,
        'error schema-unrecognized-keys requirements ',
        `error unknown-term glossary related[${String((term?.related.length ?? 1) - 1)}]`,
      ]),
    );
  });

  it('refuses what is not an edition at all, naming the place', () => {
    expect(validateEdition(null)).toMatchObject({ ok: false });
    const r = validateEdition({ meta: {}, taxonomy: {}, requirements: 'x', glossary: [], standards: [], outOfScope: [], evil: true });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['', 'meta.id', 'requirements']));
  });
});

/**
 * Re-applies the in-memory breakage to the written files (a missing English
 * title, an unknown threat category and an unknown key in the third item) and
 * loads them, returning the problems with their entity collection and the
 * path inside the entity.
 */
function brokenOnDisk(dir: string, broken: Edition) {
  const [a, , c] = broken.requirements as [Requirement, Requirement, Requirement];
  const fileA = join(dir, requirementFile(a));
  writeFileSync(fileA, readFileSync(fileA, 'utf8').replace(/^ {2}en: placeholder$/m, '  en: ""'));
  const fileC = join(dir, requirementFile(c));
  writeFileSync(fileC, readFileSync(fileC, 'utf8').replace(/^threatCategory: .*$/m, 'threatCategory: no-such-category\nextra: unknown key'));
  const loaded = loadContent(dir);
  return loaded.problems.map((p) => {
    const glossary = p.file.includes('/glossary/');
    return {
      severity: p.severity,
      code: p.code,
      collection: glossary ? 'glossary' : p.file.includes('/requirements/') ? 'requirements' : p.file.includes('/standards/') ? 'standards' : 'other',
      path: glossary ? p.path.replace(/^terms\[\d+\]\.?/, '') : p.path,
    };
  });
}
