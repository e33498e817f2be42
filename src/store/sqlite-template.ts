import { constants, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { projectRoot } from '../content/content-dir.js';

/**
 * A new embedded database starts as a copy of the empty database `npm run build`
 * migrated, so a first start has no migration left to run. The copy is made only
 * for a file that does not exist yet, never over another process's new file, and
 * only when every migration the template ran is one this code knows; otherwise the
 * file is created empty and migrated as usual. Migrations still run after the copy,
 * so a template older than the code gets the rest.
 */
export function emptyDatabaseFile(): string {
  return join(projectRoot(), 'dist', 'empty-database.sqlite');
}

/** Copies `template` to `file` when it may (see above); whether it did. */
export function startFromTemplate(file: string, template: string, knownMigrations: readonly string[]): boolean {
  if (file === ':memory:' || existsSync(file) || !existsSync(template)) return false;
  let ran: string[];
  try {
    const db = new SQLite(template, { readonly: true, fileMustExist: true });
    try {
      ran = db.prepare('select name from kysely_migration').pluck().all() as string[];
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
  const known = new Set(knownMigrations);
  if (ran.some((name) => !known.has(name))) return false;
  try {
    copyFileSync(template, file, constants.COPYFILE_EXCL);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  return true;
}
