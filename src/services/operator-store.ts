import { type Config, loadConfig } from '../config/config.js';
import { storeOptionsOf } from '../config/store-location.js';
import { migrate, openStore, type Store } from '../store/database.js';

/** Opens the configured database (DATABASE_URL or the SQLite file), migrated, for a shell the operator runs (a CLI command, publishing). */
export async function withStore<T>(fn: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = openStore(storeOptionsOf(config));
  try {
    await migrate(store);
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** Applies the pending migrations to the configured database (`db migrate`): which database, and what was applied. */
export async function migrateOperatorStore(): Promise<{ database: Store['dialect']; applied: string[] }> {
  const store = openStore(storeOptionsOf(loadConfig()));
  try {
    return { database: store.dialect, applied: await migrate(store) };
  } finally {
    await store.close();
  }
}
