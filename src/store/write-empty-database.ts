import { renameSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import { migrate, openStore } from './database.js';
import { emptyDatabaseFile } from './sqlite-template.js';

/** `npm run build`: the migrated empty database, in rollback-journal mode so it is one self-contained file. */
export async function writeEmptyDatabase(file = emptyDatabaseFile()): Promise<void> {
  const building = `${file}.tmp`;
  rmSync(building, { force: true });
  const store = openStore({ sqliteFile: building });
  try {
    await migrate(store);
    await sql`pragma journal_mode = delete`.execute(store.db);
    await sql`vacuum`.execute(store.db);
  } finally {
    await store.close();
  }
  renameSync(building, file);
}
