import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStore } from '../../src/store/database.js';
import { startFromTemplate } from '../../src/store/sqlite-template.js';
import { writeEmptyDatabase } from '../../src/store/write-empty-database.js';
import { tempDir } from '../helpers/temp-dir.js';

const schemaOf = (file: string) => {
  const db = new SQLite(file, { readonly: true });
  try {
    return db.prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name").all();
  } finally {
    db.close();
  }
};

// A first start on SQLite copies the empty database the build migrated (src/store/sqlite-template.ts).
describe('the migrated empty SQLite database of the build', () => {
  const dir = tempDir();
  const template = join(dir.path, 'empty.sqlite');
  beforeAll(() => writeEmptyDatabase(template));
  afterAll(() => dir.remove());

  it('gives a new database the same schema as migrating one, with nothing left to migrate', async () => {
    const migrated = openStore({ sqliteFile: join(dir.path, 'migrated.sqlite') });
    await migrate(migrated);
    await migrated.close();
    const copied = openStore({ sqliteFile: join(dir.path, 'copied.sqlite'), sqliteTemplate: template });
    try {
      expect(await migrate(copied)).toEqual([]);
    } finally {
      await copied.close();
    }
    expect(schemaOf(join(dir.path, 'copied.sqlite'))).toEqual(schemaOf(join(dir.path, 'migrated.sqlite')));
  });

  it('never replaces an existing file, and ignores a template that ran a migration this code does not know', () => {
    const existing = join(dir.path, 'existing.sqlite');
    writeFileSync(existing, '');
    expect(startFromTemplate(existing, template, ['0001-initial'])).toBe(false);
    const fresh = join(dir.path, 'fresh.sqlite');
    expect(startFromTemplate(fresh, template, ['0001-initial'])).toBe(false);
    expect(existsSync(fresh)).toBe(false);
    expect(startFromTemplate(fresh, join(dir.path, 'missing.sqlite'), ['0001-initial'])).toBe(false);
    expect(startFromTemplate(':memory:', template, [])).toBe(false);
  });
});
