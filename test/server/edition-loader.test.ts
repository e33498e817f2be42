import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/core/authorization.js';
import { editionColumns } from '../../src/services/draft-work.js';
import { isPublished, loadEdition } from '../../src/services/edition-loader.js';
import { importEdition } from '../../src/services/editions.service.js';
import { migrate, openStore, type Store } from '../../src/store/database.js';
import { updateDraftContent } from '../../src/store/drafts.repository.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';
import { bundledEdition } from '../helpers/bundled-edition.js';

/** Two stores on one SQLite file stand for two server processes. */
describe('the edition loader', () => {
  const dir = tempDir('tebiki-loader-');
  const file = join(dir.path, 'tebiki.sqlite');
  let one: Store;
  let other: Store;
  const draft = { ...bundledEdition() };
  draft.meta = { ...draft.meta, id: '2027.1', status: 'draft', date: '2027-01-01' };

  beforeAll(async () => {
    one = openStore({ sqliteFile: file });
    await migrate(one);
    other = openStore({ sqliteFile: file });
    const ctx = { store: one, config: testConfig({ dataDir: dir.path }), now: () => new Date('2026-12-01T00:00:00Z') };
    await importEdition(ctx, ANONYMOUS, draft);
  });
  afterAll(async () => {
    await one.close();
    await other.close();
    dir.remove();
  });

  it('parses an edition once per content hash, and sees at once a change another process stored', async () => {
    const first = await loadEdition(one.db, '2027.1');
    expect(first?.edition.meta.id).toBe('2027.1');
    expect((await loadEdition(one.db, '2027.1'))?.edition).toBe(first?.edition);
    const changed = { ...draft, meta: { ...draft.meta, title: { ja: '改訂', en: 'Changed' } } };
    expect(await updateDraftContent(other.db, '2027.1', editionColumns(changed))).toBe(true);
    const after = await loadEdition(one.db, '2027.1');
    expect(after?.edition.meta.title.en).toBe('Changed');
    expect(after?.summary.content_hash).not.toBe(first?.summary.content_hash);
  });

  it('reads no content for an edition the caller refuses by its summary, and nothing for an unknown id', async () => {
    expect(await loadEdition(one.db, '2027.1', isPublished)).toBeUndefined();
    expect(await loadEdition(one.db, 'no-such-edition')).toBeUndefined();
  });
});
