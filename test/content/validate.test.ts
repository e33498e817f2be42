import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('tebiki validate', () => {
  it('accepts the bundled content (the real executable, exit 0)', () => {
    const r = runBin(['validate']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok: edition /m);
    expect(r.code).toBe(0);
  });

  describe('on a copy with three defects', () => {
    const dir = tempDir();
    const content = join(dir.path, 'content');
    const expected: { file: string; line: number; code: string }[] = [];

    beforeAll(() => {
      cpSync(defaultContentDir(), content, { recursive: true });
      const reqDir = join(content, 'requirements', 'design');
      const files = readdirSync(reqDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort();
      const rel = (f: string) => relative(process.cwd(), f);

      // 1. A file that is not YAML at all: an unclosed flow mapping.
      const broken = join(reqDir, 'zz-broken.yaml');
      writeFileSync(broken, 'id: broken-item\ntitle: { ja: 壊れた, en: broken\nlayers: [device]\n');
      expected.push({ file: rel(broken), line: 0, code: 'yaml-syntax' });

      // 2. A mapping whose target does not exist in its standard.
      const dangling = join(reqDir, files[0] as string);
      const d1 = parseDocument(readFileSync(dangling, 'utf8'));
      d1.setIn(['mappings', 0, 'requirement'], 'ZZ 99.99');
      const t1 = d1.toString();
      writeFileSync(dangling, t1);
      expected.push({ file: rel(dangling), line: lineOf(t1, 'ZZ 99.99'), code: 'dangling-mapping' });

      // 3. A title without its English text.
      const noEnglish = join(reqDir, files[1] as string);
      const d2 = parseDocument(readFileSync(noEnglish, 'utf8'));
      d2.deleteIn(['title', 'en']);
      const t2 = d2.toString();
      writeFileSync(noEnglish, t2);
      const titleLine = lineOf(t2, 'title:');
      expected.push({
        file: rel(noEnglish),
        line: t2.split('\n')[titleLine - 1]?.trim() === 'title:' ? titleLine + 1 : titleLine,
        code: 'schema-invalid-type',
      });
    });
    afterAll(() => dir.remove());

    it('prints each of the three errors with file:line:column and exits 1', async () => {
      const r = await runCli(['validate', '--content', content]);
      expect(r.code).toBe(1);
      // Consequences, reported too, are not among the three: moving a mapping away may leave its old target unanswered,
      // and the review records of the moved mapping and of the item that no longer loads have nothing left to review.
      const lines = r.stdout
        .split('\n')
        .filter((l) => / error \[/.test(l) && !l.includes('[standard-requirement-unanswered]') && !l.includes('[dangling-review]'));
      expect(lines).toHaveLength(3);
      for (const e of expected) {
        const hit = lines.find((l) => l.startsWith(`${e.file}:`));
        expect(hit, `an error for ${e.file}`).toBeDefined();
        expect(hit).toContain(`[${e.code}]`);
        const [, line, column] = /^[^:]+:(\d+):(\d+):/.exec(hit as string) ?? [];
        expect(Number(column)).toBeGreaterThan(0);
        if (e.line) expect(Number(line)).toBe(e.line);
      }
      expect(r.stdout).toContain('English text (en) is missing');
      expect(r.stdout).toContain('"ZZ 99.99" does not exist in standard');
      expect(r.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    });

    it('reports the same problems as one JSON document', async () => {
      const r = await runCli(['validate', '--content', content, '--format', 'json']);
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout) as { ok: boolean; errors: number; problems: { file: string; line: number; code: string; severity: string }[] };
      expect(doc.ok).toBe(false);
      const defects = doc.problems.filter((p) => p.code !== 'standard-requirement-unanswered' && p.code !== 'dangling-review');
      expect(doc.errors).toBe(doc.problems.filter((p) => p.severity === 'error').length);
      expect(
        defects
          .filter((p) => p.severity === 'error')
          .map((p) => p.code)
          .sort(),
      ).toEqual(['dangling-mapping', 'schema-invalid-type', 'yaml-syntax']);
    });
  });

  it('names the place of a wrong type and of an unknown key', async () => {
    const dir = tempDir();
    try {
      const content = join(dir.path, 'content');
      cpSync(defaultContentDir(), content, { recursive: true });
      const reqDir = join(content, 'requirements', 'design');
      const first = readdirSync(reqDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()[0] as string;
      const text = readFileSync(join(reqDir, first), 'utf8');
      const doc = parseDocument(text);
      doc.set('layers', 'device');
      doc.set('colour', 'blue');
      writeFileSync(join(reqDir, first), doc.toString());
      const r = await runCli(['validate', '--content', content]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`${first}:\\d+:\\d+: error \\[schema-invalid-type\\] layers:`));
      expect(r.stdout).toMatch(/unknown key\(s\): colour/);
    } finally {
      dir.remove();
    }
  });

  it('rejects an unknown option with a usage message and exit 2', async () => {
    const r = await runCli(['validate', '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('validate [--content DIR]');
  });
});
