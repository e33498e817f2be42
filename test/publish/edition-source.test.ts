import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/core/authorization.js';
import { importEdition } from '../../src/services/editions.service.js';
import { migrate, openStore } from '../../src/store/database.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';
import { bundledEdition } from '../helpers/bundled-edition.js';

/** Runs a command against the SQLite database in `dataDir` (and never a PostgreSQL one from the environment). */
async function withDataDir<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const saved = { data: process.env.TEBIKI_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.TEBIKI_DATA_DIR = dataDir;
  process.env.DATABASE_URL = '';
  try {
    return await fn();
  } finally {
    if (saved.data === undefined) delete process.env.TEBIKI_DATA_DIR;
    else process.env.TEBIKI_DATA_DIR = saved.data;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
  }
}

describe('which edition publish and guidebook take', () => {
  const dir = tempDir('tebiki-publish-db-');
  const data = join(dir.path, 'data');
  const noDatabase = join(dir.path, 'no-database');

  beforeAll(async () => {
    // A database with the bundled edition, a later published one and a still later draft.
    const store = openStore({ sqliteFile: join(data, 'tebiki.sqlite') });
    try {
      await migrate(store);
      const ctx = { store, config: testConfig({ dataDir: data }), now: () => new Date('2026-12-01T00:00:00Z') };
      await importEdition(ctx, ANONYMOUS, bundledEdition());
      const later = bundledEdition();
      later.meta = { ...later.meta, id: '2026.3', date: '2026-12-31', title: { ja: '手引書 2026年第2版', en: 'Guidebook 2026, second edition' } };
      await importEdition(ctx, ANONYMOUS, later);
      const draft = bundledEdition();
      draft.meta = { ...draft.meta, id: '2027.1', status: 'draft', date: '2027-01-01' };
      await importEdition(ctx, ANONYMOUS, draft);
    } finally {
      await store.close();
    }
  });
  afterAll(() => dir.remove());

  it('without --edition: the latest published edition of the database, and the output says so', async () => {
    const out = join(dir.path, 'latest');
    const r = await withDataDir(data, () => runCli(['publish', '--out', out, '--format', 'json']));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.edition).toMatchObject({ id: '2026.3', status: 'published' });
    expect(report.source).toMatchObject({ kind: 'database', reason: 'latest-published' });
    expect(report.source.database).toContain('tebiki.sqlite');
    expect(readFileSync(join(out, 'en', 'index.html'), 'utf8')).toContain('Guidebook 2026, second edition');

    const text = await withDataDir(data, () => runCli(['publish', '--out', out]));
    expect(text.stdout).toContain('edition 2026.3 (published) from the database');
    expect(text.stdout).toContain('the latest published edition');
  });

  it('--edition ID: that stored edition', async () => {
    const out = join(dir.path, 'older');
    const r = await withDataDir(data, () => runCli(['publish', '--edition', '2026.2', '--out', out, '--format', 'json']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ edition: { id: '2026.2' }, source: { kind: 'database', reason: 'requested' } });
  });

  it('an unknown edition id: exit 1 naming it, nothing written', async () => {
    const out = join(dir.path, 'unknown');
    const r = await withDataDir(data, () => runCli(['publish', '--edition', '1999.9', '--out', out]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('edition 1999.9 is not in the database');
    const g = await withDataDir(data, () => runCli(['guidebook', '--edition', '1999.9', '--format', 'html', '--lang', 'ja', '--out', join(out, 'g.html')]));
    expect(g.code).toBe(1);
    expect(g.stderr).toContain('edition 1999.9 is not in the database');
  });

  it('no database: the bundled content, and the output says so; --edition then fails clearly', async () => {
    const out = join(dir.path, 'bundled');
    const r = await withDataDir(noDatabase, () => runCli(['publish', '--out', out, '--format', 'json']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source).toMatchObject({ kind: 'content', reason: 'no-database' });
    const e = await withDataDir(noDatabase, () => runCli(['publish', '--edition', '2026.2', '--out', out]));
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('there is no database');
    expect(existsSync(noDatabase), 'asking must not create a database').toBe(false);
  });
});
