import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeContent } from '../../src/content/export-content.js';
import { LAYERS, PHASES, RELATIONSHIPS } from '../../src/core/taxonomy.js';
import { edition, item, node, standard } from '../helpers/mini-edition.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

interface Stats {
  edition: string;
  requirements: number;
  glossaryTerms: number;
  matrix: Record<string, Record<string, number>>;
  standards: { id: string; total: number; covered: number; partial: number; outOfScope: number; pending: number; gaps: number; supportive: number }[];
  relationships: Record<string, number>;
  review: { unreviewed: number; reviewed: number; disputed: number };
}

const dir = tempDir();
afterAll(() => dir.remove());

describe('bin/tebiki stats', () => {
  it('prints the figures of the bundled edition as JSON (the real executable)', () => {
    const r = runBin(['stats', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Stats;
    expect(Object.keys(s)).toEqual(['edition', 'requirements', 'glossaryTerms', 'matrix', 'standards', 'relationships', 'review']);
    expect(s.requirements).toBeGreaterThan(100);
    expect(Object.keys(s.matrix)).toEqual([...LAYERS]);
    for (const layer of LAYERS) expect(Object.keys(s.matrix[layer] ?? {})).toEqual([...PHASES]);
    expect(Object.keys(s.relationships)).toEqual([...RELATIONSHIPS]);
    const links = Object.values(s.relationships).reduce((a, b) => a + b, 0);
    expect(s.review.unreviewed + s.review.reviewed + s.review.disputed).toBe(links);
    expect(s.review.reviewed).toBeGreaterThan(0);
    for (const st of s.standards) expect(st.covered + st.partial + st.outOfScope + st.pending + st.gaps, st.id).toBe(st.total);
    // Every standard this branch answers for: no gap, enhancements and every level included.
    const by = new Map(s.standards.map((x) => [x.id, x]));
    for (const id of ['iec-62443-4-1', 'iec-62443-4-2', 'nist-sp-800-171r3', 'etsi-en-303-645', 'jc-star-1', 'eu-cra-annex-i', 'owasp-isvs']) {
      expect(by.get(id)?.gaps, id).toBe(0);
    }
    expect(by.get('jc-star-1')?.pending).toBe(2);
    expect(s.relationships.supports).toBeGreaterThan(0);
  });

  it('counts supportive links apart, and a requirement reached only by them is a gap', async () => {
    const e = edition({
      standards: [standard('std', [node('A-1', 'requirement', { children: [node('A-1 RE(1)', 'enhancement')] }), node('A-2', 'requirement')])],
      requirements: [
        item('x', 'D-1.1', {
          maps: [
            ['std', 'A-1', 'superset-of'],
            ['std', 'A-1 RE(1)', 'intersects-with'],
            ['std', 'A-2', 'supports'],
          ],
        }),
      ],
      reviews: [{ standard: 'std', reviews: [{ item: 'x', requirement: 'A-1', state: 'reviewed', by: 'editors', date: '2026-12-04' }] }],
    });
    const content = join(dir.path, 'mini');
    writeContent(e, content);
    const r = await runCli(['stats', '--content', content, '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Stats;
    expect(s.standards).toEqual([{ id: 'std', total: 3, covered: 1, partial: 1, outOfScope: 0, pending: 0, gaps: 1, supportive: 1 }]);
    expect(s.relationships).toMatchObject({ 'superset-of': 1, 'intersects-with': 1, supports: 1 });
    expect(s.review).toEqual({ unreviewed: 2, reviewed: 1, disputed: 0 });
    expect(s.matrix.device?.['design.software']).toBe(1);
    const text = await runCli(['stats', '--content', content]);
    expect(text.stdout).toMatch(/std\s+3\s+1\s+1\s+0\s+0\s+1\s+1/);
    expect(text.stdout).toContain('review: unreviewed=2 reviewed=1 disputed=0');
  });

  it('bad options are usage errors', async () => {
    expect((await runCli(['stats', '--format', 'csv'])).code).toBe(2);
    const both = await runCli(['stats', '--edition', '2026.2', '--content', 'content']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
  });
});
