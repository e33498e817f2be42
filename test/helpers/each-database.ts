import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { freshPostgres, freshSqlite, openMigrated, postgresAvailable, type TestDatabase } from './databases.js';
import { tempDir } from './temp-dir.js';

const pgOk = await postgresAvailable();

/**
 * Runs one suite against SQLite and against PostgreSQL, each on a fresh,
 * migrated database: the same assertions, no mocks.
 */
export function describeEachDatabase(name: string, suite: (get: () => { db: TestDatabase; store: Store }) => void) {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && !pgOk)(`${name} [${kind}]`, () => {
      let db: TestDatabase;
      let store: Store;
      const dir = tempDir();
      beforeAll(async () => {
        db = kind === 'sqlite' ? freshSqlite(dir.path) : await freshPostgres();
        store = await openMigrated(db);
      });
      afterAll(async () => {
        await store?.close();
        await db?.drop();
        dir.remove();
      });
      suite(() => ({ db, store }));
    });
  }
}
