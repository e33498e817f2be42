import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

interface Entry {
  id: string;
  name: string;
  kind: string;
  publisher: { ja: string; en: string };
  sectors: string[];
  levels: string[];
  description: { ja: string; en: string };
  confidence: string;
  related: { id: string; name: string }[];
  catalog: { id: string; loaded: boolean; version?: string } | null;
}
interface Doc {
  filter: { sector?: string; level?: string };
  sectors: { id: string; label: { ja: string; en: string } }[];
  levels: { id: string; label: { ja: string; en: string } }[];
  total: number;
  entries: Entry[];
}

const json = async (...args: string[]) => {
  const r = await runCli(['standards', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
};

describe('tebiki standards', () => {
  it('--format json prints one document: sectors, levels and every entry with its catalog state', async () => {
    const doc = await json();
    expect(doc.filter).toEqual({});
    expect(doc.sectors.map((s) => s.id)).toEqual(
      expect.arrayContaining(['control-systems', 'consumer-iot', 'power', 'smart-grid', 'railway', 'process-industry']),
    );
    expect(doc.levels.map((l) => l.id)).toEqual(['organisation', 'system', 'component', 'process']);
    expect(doc.total).toBe(doc.entries.length);
    const part41 = doc.entries.find((e) => e.id === 'iec-62443-4-1');
    expect(part41).toMatchObject({
      name: 'IEC 62443-4-1',
      kind: 'standard',
      publisher: { ja: 'IEC', en: 'IEC' },
      catalog: { id: 'iec-62443-4-1', loaded: true, version: '2018' },
    });
    expect(doc.entries.find((e) => e.name === 'NERC CIP')).toMatchObject({ kind: 'regulation', catalog: null });
    // A publisher named differently per language comes in both.
    expect(doc.entries.find((e) => e.id === 'jc-star')?.publisher).toEqual({
      ja: '情報処理推進機構（IPA）',
      en: 'Information-technology Promotion Agency, Japan (IPA)',
    });
    for (const e of doc.entries) {
      expect(e.description.ja.length, e.id).toBeGreaterThan(0);
      expect(e.description.en.length, e.id).toBeGreaterThan(0);
    }
  });

  it('filters by sector, by level and by both', async () => {
    const railway = await json('--sector', 'railway');
    expect(railway.filter).toEqual({ sector: 'railway' });
    expect(railway.entries.length).toBeGreaterThan(2);
    expect(railway.entries.every((e) => e.sectors.includes('railway'))).toBe(true);
    expect(railway.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['CLC/TS 50701', 'IEC 62278']));

    const both = await json('--sector', 'consumer-iot', '--level', 'component');
    expect(both.filter).toEqual({ sector: 'consumer-iot', level: 'component' });
    expect(both.entries.every((e) => e.sectors.includes('consumer-iot') && e.levels.includes('component'))).toBe(true);
    expect(both.entries.find((e) => e.id === 'jc-star')?.catalog).toMatchObject({ id: 'jc-star-1', loaded: true });
    expect(both.total).toBeLessThan((await json()).total);
  });

  it('an unknown sector or level is a usage error naming the valid ids (exit 2)', async () => {
    const sector = await runCli(['standards', '--sector', 'space']);
    expect(sector.code).toBe(2);
    expect(sector.stdout).toBe('');
    expect(sector.stderr).toContain('unknown sector "space"');
    expect(sector.stderr).toContain('control-systems, consumer-iot, power, smart-grid, railway, process-industry');
    const level = await runCli(['standards', '--level', '<script>', '--format', 'json']);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('valid level ids: organisation, system, component, process');
    expect(level.stdout).toBe('');
  });

  it('prints a text table from the real executable, saying how many entries are unverified recall', () => {
    const r = runBin(['standards', '--sector', 'power']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sector: power \(電力・電気事業 \/ Power and electric utilities\)$/m);
    expect(r.stdout).toMatch(/^NAME\s+KIND\s+CONFIDENCE\s+CATALOG\s+LEVELS\s+SECTORS$/m);
    expect(r.stdout).toMatch(/^IEEE 1686\s+standard\s+verified\s+-\s+component\s+power,smart-grid$/m);
    expect(r.stdout).toMatch(/\d+ entries; \d+ with a loaded catalog; \d+ from recall/);
  });

  describe('on a content copy with a broken landscape', () => {
    const dir = tempDir();
    const content = join(dir.path, 'content');
    beforeAll(() => {
      cpSync(defaultContentDir(), content, { recursive: true });
      const file = join(content, 'landscape.yaml');
      const text = readFileSync(file, 'utf8').replace('catalog: jc-star-1', 'catalog: jc-star-9');
      writeFileSync(file, text);
    });
    afterAll(() => dir.remove());
    const brokenLine = () =>
      readFileSync(join(content, 'landscape.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('catalog: jc-star-9')) + 1;

    it('standards refuses to list and names file:line:column (exit 1)', async () => {
      const r = await runCli(['standards', '--content', content]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`landscape\\.yaml:${brokenLine()}:14: error \\[landscape-unknown-catalog\\] catalog "jc-star-9"`));
    });

    it('validate reports the same problem and fails', async () => {
      const r = await runCli(['validate', '--content', content, '--format', 'json']);
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout) as { ok: boolean; problems: { file: string; line: number; code: string }[] };
      expect(doc.ok).toBe(false);
      const mine = doc.problems.filter((p) => p.file.endsWith('content/landscape.yaml'));
      expect(mine).toEqual([expect.objectContaining({ line: brokenLine(), code: 'landscape-unknown-catalog' })]);
    });
  });
});
