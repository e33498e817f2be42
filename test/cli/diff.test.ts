import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('bin/tebiki diff', () => {
  const dir = tempDir();
  const after = join(dir.path, 'after');
  afterAll(() => dir.remove());

  it('reports an added mapping, a changed field, a removed requirement and the coverage change', async () => {
    cpSync(defaultContentDir(), after, { recursive: true });
    // An ISVS requirement answered only in part: a covering link makes it covered.
    const cov = JSON.parse((await runCli(['coverage', '--content', defaultContentDir(), '--standard', 'owasp-isvs', '--format', 'json'])).stdout);
    const target = (cov.reports[0].requirements as { id: string; coverage: string }[]).find((x) => x.coverage === 'partial')?.id as string;
    const file = join(after, 'requirements', 'design', 'design-auth-user-authentication.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['title', 'en'], 'User authentication, revised');
    doc.addIn(['mappings'], {
      standard: 'owasp-isvs',
      requirement: target,
      relationship: 'superset-of',
      rationale: { ja: '要件を含み、さらに求める', en: 'contains the requirement and asks for more' },
    });
    writeFileSync(file, doc.toString());
    rmSync(join(after, 'requirements', 'design', 'design-secure-coding-guide.yaml'));
    // A removed item takes its review records with it (as deleting it in the editor does).
    for (const name of readdirSync(join(after, 'reviews'))) {
      const reviews = join(after, 'reviews', name);
      const d = parseDocument(readFileSync(reviews, 'utf8'));
      const list = (d.toJS() as { reviews: { item: string }[] }).reviews;
      d.set(
        'reviews',
        list.filter((r) => r.item !== 'design-secure-coding-guide'),
      );
      writeFileSync(reviews, d.toString());
    }
    const r = await runCli(['diff', defaultContentDir(), after, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.requirements.removed.map((x: { id: string }) => x.id)).toEqual(['design-secure-coding-guide']);
    expect(
      d.requirements.changed.find((x: { id: string }) => x.id === 'design-auth-user-authentication').fields.map((f: { field: string }) => f.field),
    ).toContain('title');
    expect(d.mappings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'added', standard: 'owasp-isvs', target })]));
    const isvs = d.coverage.find((c: { standard: string }) => c.standard === 'owasp-isvs');
    expect(isvs.changed).toEqual(expect.arrayContaining([{ id: target, from: 'partial', to: 'covered' }]));
    const text = await runCli(['diff', defaultContentDir(), after]);
    expect(text.stdout).toContain('- D-3.1');
  });

  it('needs two editions', async () => {
    const r = await runCli(['diff', defaultContentDir()]);
    expect(r.code).toBe(2);
  });
});
