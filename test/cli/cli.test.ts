import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { contentJsonSchemas } from '../../src/content/json-schema.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('bin/tebiki', () => {
  it('db migrate applies migrations once and reports as JSON', () => {
    const dir = tempDir();
    try {
      const env = { TEBIKI_DATA_DIR: dir.path, DATABASE_URL: '' };
      const first = runBin(['db', 'migrate', '--format', 'json'], env);
      expect(first.code).toBe(0);
      const applied = JSON.parse(first.stdout).applied as string[];
      expect(JSON.parse(first.stdout).database).toBe('sqlite');
      expect(applied[0]).toBe('0001-initial');
      expect(applied).toEqual([...applied].sort());
      const second = runBin(['db', 'migrate', '--format', 'json'], env);
      expect(JSON.parse(second.stdout)).toEqual({ database: 'sqlite', applied: [] });
    } finally {
      dir.remove();
    }
  });

  it('validate --format json prints exactly one JSON document', async () => {
    const r = await runCli(['validate', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, errors: 0 });
    expect(doc.counts.standards).toBeGreaterThan(0);
  });

  it('an unknown command prints usage and exits 2', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });

  it('a wrong environment value is reported by name, not as a stack trace', () => {
    const r = runBin(['audit', 'verify'], { DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL="mysql://nope": must be a postgres:// or postgresql:// URL');
  });

  it('the committed JSON Schemas for editors match the zod schemas (npm run schema)', () => {
    for (const [name, schema] of Object.entries(contentJsonSchemas())) {
      const committed = JSON.parse(readFileSync(join(defaultContentDir(), 'schema', `${name}.schema.json`), 'utf8'));
      expect(committed, `content/schema/${name}.schema.json is stale: run npm run schema`).toEqual(schema);
    }
  });
});
