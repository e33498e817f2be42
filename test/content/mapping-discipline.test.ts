import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeContent } from '../../src/content/export-content.js';
import type { Edition, Requirement } from '../../src/core/model/edition.schema.js';
import { edition, item, node, standard } from '../helpers/mini-edition.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Each check of the relationship discipline and of content completeness fires
 * on a crafted content folder (written as real files, read back by
 * `tebiki validate`) and not on the bundled content.
 */

interface Report {
  ok: boolean;
  errors: number;
  warnings: number;
  problems: { file: string; line: number; code: string; severity: string; message: string }[];
}

const dir = tempDir();
let n = 0;

async function validate(e: Edition): Promise<{ code: number; report: Report }> {
  const content = join(dir.path, `c${++n}`);
  writeContent(e, content);
  const r = await runCli(['validate', '--content', content, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const codes = (r: Report) => r.problems.map((p) => p.code);
const S = () => standard('std', [node('A-1', 'requirement', { children: [node('A-1 RE(1)', 'enhancement')] }), node('A-2', 'requirement')]);
/** Maps everything once, honestly: the clean base each case spoils in one way. */
const clean = (): Requirement[] => [
  item('x', 'D-1.1', {
    maps: [
      ['std', 'A-1', 'superset-of'],
      ['std', 'A-1 RE(1)', 'intersects-with'],
      ['std', 'A-2', 'equivalent-to'],
    ],
  }),
];

afterAll(() => dir.remove());

describe('validate: the relationship discipline (warnings)', () => {
  let bundled: Report;
  beforeAll(async () => {
    const r = await runCli(['validate', '--format', 'json']);
    bundled = JSON.parse(r.stdout) as Report;
  });

  it('the crafted base is clean', async () => {
    const { code, report } = await validate(edition({ standards: [S()], requirements: clean() }));
    expect(report.problems).toEqual([]);
    expect(code).toBe(0);
  });

  it('warns when one item is equivalent-to several requirements of one standard', async () => {
    const reqs = clean();
    reqs[0] = item('x', 'D-1.1', {
      maps: [
        ['std', 'A-1', 'equivalent-to'],
        ['std', 'A-1 RE(1)', 'intersects-with'],
        ['std', 'A-2', 'equivalent-to'],
      ],
    });
    const { code, report } = await validate(edition({ standards: [S()], requirements: reqs }));
    const hit = report.problems.find((p) => p.code === 'equivalent-to-several');
    expect(hit?.severity).toBe('warning');
    expect(hit?.file).toMatch(/x\.yaml$/);
    expect(hit?.message).toContain('A-1, A-2');
    expect(code).toBe(0); // a warning does not fail validate
    expect(codes(bundled)).not.toContain('equivalent-to-several');
  });

  it('warns when one requirement has several equivalent-to items', async () => {
    const reqs = [...clean(), item('y', 'D-1.2', { maps: [['std', 'A-2', 'equivalent-to']] })];
    const { report } = await validate(edition({ standards: [S()], requirements: reqs }));
    expect(report.problems.find((p) => p.code === 'several-equivalent-items')?.message).toContain('x, y');
    expect(codes(bundled)).not.toContain('several-equivalent-items');
  });

  it('warns when a rationale says the item covers only part of a target it claims whole (en and ja)', async () => {
    const en = clean();
    const enMapping = en[0]?.mappings[0];
    if (enMapping) enMapping.rationale = { ja: '同じ結果を求める。', en: 'The item covers only part of the requirement.' };
    const ja = clean();
    const jaMapping = ja[0]?.mappings[2];
    if (jaMapping) jaMapping.rationale = { ja: '要件の一部のみを扱う。', en: 'Same outcome.' };
    for (const reqs of [en, ja]) {
      const { report } = await validate(edition({ standards: [S()], requirements: reqs }));
      expect(codes(report)).toEqual(['rationale-contradicts-relationship']);
    }
    // The same words under an honest weaker relationship are fine.
    const weak = clean();
    const weakMapping = weak[0]?.mappings[1];
    if (weakMapping) weakMapping.rationale = { ja: '一部のみを扱う。', en: 'The item covers only part of it.' };
    expect(codes((await validate(edition({ standards: [S()], requirements: weak }))).report)).toEqual([]);
    expect(codes(bundled)).not.toContain('rationale-contradicts-relationship');
  });

  it('refuses a strong link to a target flagged unconfirmed; intersects-with and supports are allowed', async () => {
    const unconfirmed = standard('std', [
      node('A-1', 'requirement', { children: [node('A-1 RE(1)', 'enhancement')] }),
      node('A-2', 'requirement', { unconfirmed: true }),
    ]);
    const { code, report } = await validate(edition({ standards: [unconfirmed], requirements: clean() }));
    const hit = report.problems.find((p) => p.code === 'unconfirmed-target-link');
    expect(hit?.severity).toBe('error');
    expect(hit?.message).toContain('A-2 is flagged unconfirmed');
    expect(code).toBe(1);
    const honest = clean();
    const m = honest[0]?.mappings[2];
    if (m) m.relationship = 'intersects-with';
    expect(codes((await validate(edition({ standards: [unconfirmed], requirements: honest }))).report)).toEqual([]);
    expect(codes(bundled)).not.toContain('unconfirmed-target-link');
  });

  it('warns when more than five items are superset-of one requirement', async () => {
    const reqs = [...clean(), ...[2, 3, 4, 5, 6].map((i) => item(`s${i}`, `D-2.${i}`, { maps: [['std', 'A-1', 'superset-of']] }))];
    expect(codes((await validate(edition({ standards: [S()], requirements: reqs }))).report)).toEqual(['many-superset-items']);
    expect(codes((await validate(edition({ standards: [S()], requirements: reqs.slice(0, -1) }))).report)).toEqual([]);
    expect(codes(bundled)).not.toContain('many-superset-items');
  });

  it('warns when a glossary term is used in an item but not linked', async () => {
    const glossary = [
      {
        id: 'firmware',
        term: { ja: 'ファームウェア', en: 'Firmware' },
        definition: { ja: '機器のソフトウェア', en: 'Device software' },
        related: [],
        industryUsage: [],
      },
    ];
    const reqs = clean();
    const x = reqs[0];
    if (x) x.criteria = [{ ja: 'ファームウェアを署名する。', en: 'Sign the firmware.' }];
    const { report } = await validate(edition({ standards: [S()], requirements: reqs, glossary }));
    expect(report.problems.find((p) => p.code === 'term-not-linked')?.message).toContain('firmware');
    if (x) x.terms = ['firmware'];
    expect(codes((await validate(edition({ standards: [S()], requirements: reqs, glossary }))).report)).toEqual([]);
    expect(codes(bundled)).not.toContain('term-not-linked');
  });
});

describe('validate: content completeness (errors)', () => {
  it('an item with no mapping needs a noStandardApplies note', async () => {
    const reqs = [...clean(), item('own', 'D-3.1')];
    const { code, report } = await validate(edition({ standards: [S()], requirements: reqs }));
    expect(code).toBe(1);
    expect(report.problems.find((p) => p.code === 'item-unmapped')?.file).toMatch(/own\.yaml$/);
    const own = reqs[1];
    if (own) own.noStandardApplies = { ja: '当会独自の項目。', en: 'Our own item.' };
    expect((await validate(edition({ standards: [S()], requirements: reqs }))).code).toBe(0);
  });

  it('an unanswered requirement or enhancement is an error naming its line in the catalog', async () => {
    const reqs = [item('x', 'D-1.1', { maps: [['std', 'A-1', 'superset-of']] })];
    const { code, report } = await validate(edition({ standards: [S()], requirements: reqs }));
    expect(code).toBe(1);
    const unanswered = report.problems.filter((p) => p.code === 'standard-requirement-unanswered');
    expect(unanswered.map((p) => p.message.split(' is ')[0])).toEqual(['std A-1 RE(1)', 'std A-2']);
    expect(unanswered[0]?.file).toMatch(/standards\/std\.yaml$/);
    expect(unanswered[0]?.line).toBeGreaterThan(1);
  });

  it('a requirement reached only by supportive links is still unanswered', async () => {
    const reqs = clean();
    const m = reqs[0]?.mappings[2];
    if (m) m.relationship = 'supports';
    const { report } = await validate(edition({ standards: [S()], requirements: reqs }));
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringContaining('std A-2 is neither mapped')]);
  });

  it('a standard nothing maps to yet is one warning, not an error per requirement', async () => {
    const other = standard('other', [node('B-1', 'requirement'), node('B-2', 'requirement')]);
    const { code, report } = await validate(edition({ standards: [S(), other], requirements: clean() }));
    expect(code).toBe(0);
    expect(report.problems.map((p) => [p.code, p.severity])).toEqual([['standard-unmapped', 'warning']]);
  });

  it('review records must point at a mapping and say who, when and (when disputed) why', async () => {
    const reviews = [
      {
        standard: 'std',
        reviews: [
          { item: 'x', requirement: 'A-1', state: 'reviewed' as const, by: 'editors', date: '2026-12-04' },
          { item: 'x', requirement: 'A-9', state: 'reviewed' as const, by: 'editors', date: '2026-12-04' },
        ],
      },
    ];
    const { report } = await validate(edition({ standards: [S()], requirements: clean(), reviews }));
    expect(codes(report)).toEqual(['dangling-review']);
    const disputed = [{ standard: 'std', reviews: [{ item: 'x', requirement: 'A-1', state: 'disputed' as const, by: 'editors', date: '2026-12-04' }] }];
    const bad = await validate(edition({ standards: [S()], requirements: clean(), reviews: disputed }));
    expect(bad.report.problems[0]?.message).toContain('a disputed mapping needs a note');
  });
});
