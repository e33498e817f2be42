import { join } from 'node:path';

/** Name of the embedded database file in the data directory (and of its member in a backup). */
export const SQLITE_FILE_NAME = 'tebiki.sqlite';

/** Where the database lives: PostgreSQL when databaseUrl is set, the SQLite file in dataDir otherwise. */
export interface StoreLocation {
  databaseUrl: string | undefined;
  dataDir: string;
}

/** The SQLite file of a data directory; the one place its path is built. */
export function sqliteFileOf(location: Pick<StoreLocation, 'dataDir'>): string {
  return join(location.dataDir, SQLITE_FILE_NAME);
}

/** The options openStore needs for a location. */
export function storeOptionsOf(location: StoreLocation): { databaseUrl: string | undefined; sqliteFile: string } {
  return { databaseUrl: location.databaseUrl, sqliteFile: sqliteFileOf(location) };
}
