import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/authorization.js';
import type { Requirement } from '../../src/core/model/edition.schema.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import type { ServiceContext } from '../../src/services/context.js';
import { addRequirementToDraft, openDraft } from '../../src/services/drafts.service.js';
import { cliEnv } from '../helpers/databases.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { testConfig } from '../helpers/test-config.js';
import { tempDir } from '../helpers/temp-dir.js';
import { bundledEdition } from '../helpers/bundled-edition.js';

describeEachDatabase('content export and import (bin/tebiki)', (get) => {
  const dir = tempDir('tebiki-roundtrip-');
  /** In-process (the machines are slow to start tsx), with this suite's database in the environment. */
  const cli = async (args: string[]) => {
    const env = cliEnv(get().db);
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    const apply = (values: Record<string, string | undefined>) => {
      for (const [k, v] of Object.entries(values)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    };
    apply(env);
    try {
      return await runCli(args);
    } finally {
      apply(saved);
    }
  };
  const json = async (args: string[]) => {
    const r = await cli([...args, '--format', 'json']);
    return { code: r.code, doc: JSON.parse(r.stdout) as Record<string, unknown>, stderr: r.stderr };
  };
  const storedHash = async (id: string) =>
    (await get().store.db.selectFrom('editions').select('content_hash').where('id', '=', id).executeTakeFirst())?.content_hash;
  let id = '';

  beforeAll(() => {
    id = bundledEdition().meta.id;
  });
  afterAll(() => dir.remove());

  it('imports the bundled content, exports it, and the export validates and loads to the same edition', async () => {
    const first = await json(['import', 'content', defaultContentDir()]);
    expect(first.doc).toMatchObject({ ok: true, status: 'imported', id });
    expect(first.code).toBe(0);

    const out = join(dir.path, 'export');
    const exported = await json(['export', 'content', '--edition', id, '--out', out]);
    expect(exported.doc).toMatchObject({ ok: true, edition: id, status: 'published' });
    expect(existsSync(join(out, 'edition.yaml'))).toBe(true);
    expect(existsSync(join(out, 'requirements', 'design', 'design-arch-security-architecture.yaml'))).toBe(true);

    // The real executable, as a user would check an export.
    const validated = runBin(['validate', '--content', out], cliEnv(get().db));
    expect(validated.stdout).toContain(`ok: edition ${id}`);
    expect(validated.code).toBe(0);
    const reloaded = loadContent(out);
    expect(reloaded.ok && reloaded.edition).toEqual(bundledEdition());

    const again = await json(['import', 'content', out]);
    expect(again.doc).toMatchObject({ ok: true, status: 'unchanged', id });
  }, 180_000);

  it('refuses different content under the stored id (immutable) and changes nothing', async () => {
    const out = join(dir.path, 'export');
    const file = join(out, 'requirements', 'design', 'design-arch-security-architecture.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('en: Security architecture design', 'en: Quietly rewritten'));
    const before = await storedHash(id);
    const r = await json(['import', 'content', out]);
    expect(r.code).toBe(1);
    expect(r.doc).toMatchObject({ ok: false, error: { code: 'immutable' } });
    expect(await storedHash(id)).toBe(before);
  });

  it('reports every problem of invalid content with file:line:column and stores nothing', async () => {
    const out = join(dir.path, 'bad');
    expect((await json(['export', 'content', '--edition', id, '--out', out])).code).toBe(0);
    const edition = join(out, 'edition.yaml');
    writeFileSync(edition, readFileSync(edition, 'utf8').replace(`id: "${id}"`, 'id: "2099.1"'));
    const req = join(out, 'requirements', 'design', 'design-arch-security-architecture.yaml');
    writeFileSync(req, readFileSync(req, 'utf8').replace('  en: Security architecture design\n', '').replace('threatCategory: ', 'threatCategory: no-such-'));
    writeFileSync(join(out, 'glossary', 'broken.yaml'), 'terms:\n  - id: x\n    term: { ja: a, en: b\n');
    const r = await cli(['import', 'content', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /requirements\/design\/design-arch-security-architecture\.yaml:\d+:\d+: error \[schema-invalid-type\] title\.en: English text \(en\) is missing/,
    );
    expect(r.stdout).toMatch(/glossary\/broken\.yaml:\d+:\d+: error \[yaml-syntax\]/);
    expect(r.stdout).toContain('nothing imported');
    expect(await storedHash('2099.1')).toBeUndefined();
  });

  it('exports a draft so that it loads back to exactly the stored draft, new requirement included', async () => {
    const editor: Actor = { kind: 'user', userId: 'u-editor', role: 'editor', organisationId: null };
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
    await openDraft(ctx, editor, { id: '2099.2', title: { ja: '試験版', en: 'Test draft' } });
    const template = bundledEdition().requirements.find((r) => r.number.startsWith('O-')) as Requirement;
    await addRequirementToDraft(ctx, editor, '2099.2', { ...template, id: 'zz-operation-new', number: 'O-99.1', mappings: [] });
    const out = join(dir.path, 'draft');
    expect((await json(['export', 'content', '--edition', '2099.2', '--out', out])).doc).toMatchObject({ ok: true, status: 'draft' });
    expect(existsSync(join(out, 'requirements', 'operation', 'zz-operation-new.yaml'))).toBe(true);
    const row = await get().store.db.selectFrom('editions').select('content').where('id', '=', '2099.2').executeTakeFirstOrThrow();
    const reloaded = loadContent(out);
    expect(reloaded.ok && reloaded.edition).toEqual(JSON.parse(row.content));
  }, 120_000);

  it('refuses to export into a folder that is not empty, or an edition that does not exist', async () => {
    const notEmpty = await cli(['export', 'content', '--edition', id, '--out', join(dir.path, 'export')]);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toContain('is not empty');
    const missing = await json(['export', 'content', '--edition', '1999.1', '--out', join(dir.path, 'none')]);
    expect(missing.code).toBe(1);
    expect(missing.doc).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await cli(['export', 'content', '--out', join(dir.path, 'none')])).code).toBe(2);
    expect((await cli(['import', 'content'])).code).toBe(2);
  });
});
