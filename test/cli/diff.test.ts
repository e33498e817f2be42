import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    const gaps = JSON.parse((await runCli(['gaps', '--content', defaultContentDir(), '--standard', 'owasp-isvs', '--format', 'json'])).stdout);
    const target = gaps.standards[0].gaps[0].id as string;
    const file = join(after, 'requirements', 'design', 'design-auth-user-authentication.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['title', 'en'], 'User authentication, revised');
    doc.addIn(['mappings'], {
      standard: 'owasp-isvs',
      requirement: target,
      relationship: 'intersects-with',
      rationale: { ja: '一部が重なる', en: 'overlaps in part' },
    });
    writeFileSync(file, doc.toString());
    rmSync(join(after, 'requirements', 'design', 'design-secure-coding-guide.yaml'));
    const r = await runCli(['diff', defaultContentDir(), after, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.requirements.removed.map((x: { id: string }) => x.id)).toEqual(['design-secure-coding-guide']);
    expect(
      d.requirements.changed.find((x: { id: string }) => x.id === 'design-auth-user-authentication').fields.map((f: { field: string }) => f.field),
    ).toContain('title');
    expect(d.mappings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'added', standard: 'owasp-isvs', target })]));
    const isvs = d.coverage.find((c: { standard: string }) => c.standard === 'owasp-isvs');
    expect(isvs.changed).toEqual(expect.arrayContaining([{ id: target, from: 'gap', to: 'partial' }]));
    const text = await runCli(['diff', defaultContentDir(), after]);
    expect(text.stdout).toContain('- D-3.1');
  });

  it('needs two editions', async () => {
    const r = await runCli(['diff', defaultContentDir()]);
    expect(r.code).toBe(2);
  });
});
