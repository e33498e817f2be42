import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/core/authorization.js';
import { loadContent } from '../../src/content/load-content.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition, importEdition } from '../../src/services/editions.service.js';
import { tempDir } from '../helpers/temp-dir.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';

describeEachDatabase('stored editions', (get) => {
  const ctx = (): ServiceContext => ({ store: get().store, config: testConfig(), now: () => new Date() });
  const bundled = () => {
    const r = loadContent(defaultContentDir());
    if (!r.ok) throw new Error('bundled content must be valid');
    return r.edition;
  };

  it('imports the bundled edition once; importing it again changes nothing', async () => {
    const first = await importEdition(ctx(), ANONYMOUS, bundled());
    expect(first.status).toBe('imported');
    const again = await importEdition(ctx(), ANONYMOUS, bundled());
    expect(again).toEqual({ ...first, status: 'unchanged' });
  });

  it('refuses different content under a published id', async () => {
    const changed = bundled();
    const first = changed.requirements[0];
    if (!first) throw new Error('bundled content has requirements');
    first.title.en = 'Quietly rewritten';
    await expect(importEdition(ctx(), ANONYMOUS, changed)).rejects.toMatchObject({ code: 'immutable' });
  });

  it('at start, changed bundled content under a stored id is not imported: the stored edition is kept', async () => {
    const dir = tempDir();
    try {
      cpSync(defaultContentDir(), dir.path, { recursive: true });
      const file = join(dir.path, 'edition.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: 2026-12-31'));
      const outcome = await importBundledEdition({ ...ctx(), config: testConfig({ contentDir: dir.path }) });
      expect(outcome.status).toBe('kept');
      const row = await get().store.db.selectFrom('editions').select('edition_date').where('id', '=', outcome.id).executeTakeFirstOrThrow();
      expect(row.edition_date).toBe(bundled().meta.date);
    } finally {
      dir.remove();
    }
  });

  it('the database itself refuses to update or delete a published edition', async () => {
    const { db } = get().store;
    const id = bundled().meta.id;
    await expect(db.updateTable('editions').set({ title_en: 'tampered' }).where('id', '=', id).execute()).rejects.toThrow(/immutable/);
    await expect(db.deleteFrom('editions').where('id', '=', id).execute()).rejects.toThrow(/immutable/);
    const row = await db.selectFrom('editions').select('title_en').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.title_en).toBe(bundled().meta.title.en);
  });

  it('a draft edition stays editable', async () => {
    const draft = bundled();
    draft.meta = { ...draft.meta, id: '2099.1-draft', status: 'draft' };
    await importEdition(ctx(), ANONYMOUS, draft);
    const { db } = get().store;
    await db.updateTable('editions').set({ title_en: 'Working title' }).where('id', '=', '2099.1-draft').execute();
    const row = await db.selectFrom('editions').select('title_en').where('id', '=', '2099.1-draft').executeTakeFirstOrThrow();
    expect(row.title_en).toBe('Working title');
  });

  it('a user row must match its role: members need an organisation, others must not have one', async () => {
    const { db } = get().store;
    const base = { display_name: 'x', password_hash: 'x', disabled: 0, created_at: new Date().toISOString() };
    await expect(
      db
        .insertInto('users')
        .values({ ...base, id: 'u1', email: 'u1@example.test', role: 'member', organisation_id: null })
        .execute(),
    ).rejects.toThrow();
  });
});
