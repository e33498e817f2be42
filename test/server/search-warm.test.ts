import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { type Platform, startPlatform } from '../../src/server/start-platform.js';
import { searchIndexReady } from '../../src/services/search.service.js';
import { findEditionSummary, listEditions } from '../../src/store/editions.repository.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';

/**
 * Issue 22: the search index is built before the first query — in the
 * background after the server listens — never on a query's path.
 */
describe('search index warm-up at start', () => {
  const dir = tempDir();
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(testConfig({ dataDir: dir.path, anonymousReadDefault: true }), {
      webDir: join(projectRoot(), 'dist', 'web'),
      print: () => undefined,
    });
  });
  afterAll(async () => {
    await platform?.close();
    dir.remove();
  });

  it('has every published edition indexed before anyone searched, and the first query uses it', async () => {
    await platform.searchWarmed;
    const published = (await listEditions(platform.store.db)).filter((e) => e.status === 'published');
    expect(published.length).toBeGreaterThan(0);
    for (const e of published) expect(searchIndexReady(e.id, e.content_hash ?? '')).toBe(true);
    const id = published[0]?.id as string;
    const r = await platform.app.inject({ method: 'GET', url: `/api/editions/${id}/search?q=${encodeURIComponent('認証')}` });
    expect(r.statusCode).toBe(200);
    expect(r.json().total).toBeGreaterThan(0);
    expect(searchIndexReady(id, (await findEditionSummary(platform.store.db, id))?.content_hash ?? '')).toBe(true);
  });
});
