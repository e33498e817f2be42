import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from '../../src/store/compiled-once.js';
import { cachingStatements } from '../../src/store/sqlite-statements.js';
import { insertOrganisation } from '../../src/store/organisations.repository.js';
import { describeEachDatabase } from '../helpers/each-database.js';

const organisationById = compiledOnce((db, id) => db.selectFrom('organisations').select(['id', 'name']).where('id', '=', id));

describeEachDatabase('a query compiled once', (get) => {
  it('runs with each new value and finds what that value names', async () => {
    const db = get().store.db;
    for (const [id, name] of [
      ['org-1', '一番 株式会社'],
      ['org-2', 'Second Ltd'],
    ]) {
      await insertOrganisation(db, { id: id as string, name: name as string, created_at: '2026-12-06T00:00:00.000Z' });
    }
    expect(await organisationById(db, 'org-2')).toEqual([{ id: 'org-2', name: 'Second Ltd' }]);
    expect(await organisationById(db, 'org-1')).toEqual([{ id: 'org-1', name: '一番 株式会社' }]);
    expect(await organisationById(db, "org-1' or '1'='1")).toEqual([]);
    // Inside a transaction (another Kysely instance) it compiles for that instance.
    await db.transaction().execute(async (trx) => expect(await organisationById(trx, 'org-1')).toHaveLength(1));
  });

  it('never reads what an open transaction has written and not committed (a write rolled back is never seen)', async () => {
    const db = get().store.db;
    let written: () => void = () => {};
    const insertedNotCommitted = new Promise<void>((resolve) => {
      written = resolve;
    });
    let read: Promise<unknown[]> | undefined;
    const rolledBack = db
      .transaction()
      .execute(async (trx) => {
        await insertOrganisation(trx, { id: 'org-uncommitted', name: 'まだ', created_at: '2026-12-06T00:00:00.000Z' });
        written();
        // The read is asked while this transaction is open, before it rolls back.
        read = organisationById(db, 'org-uncommitted');
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      })
      .catch((err: Error) => err.message);
    await insertedNotCommitted;
    expect(await rolledBack).toBe('roll back');
    expect(await read).toEqual([]);
    expect(await organisationById(db, 'org-uncommitted')).toEqual([]);
  });

  it('refuses a query that does not use the value exactly once, naming its SQL', async () => {
    const db = get().store.db;
    const twice = compiledOnce((d, v) => d.selectFrom('organisations').select('id').where('id', '=', v).where('name', '=', v));
    const never = compiledOnce((d) => d.selectFrom('organisations').select('id'));
    await expect(twice(db, 'x')).rejects.toThrow(/one bound parameter of: select/);
    await expect(never(db, 'x')).rejects.toThrow(/one bound parameter of: select/);
  });
});

describe('SQLite statements kept for reuse', () => {
  it('hands back the statement prepared for the same SQL, dropping the least recently used beyond its size', () => {
    const sqlite = new SQLite(':memory:');
    const db = cachingStatements(sqlite, 2);
    const a = db.prepare('select 1 as n');
    expect(db.prepare('select 1 as n')).toBe(a);
    const b = db.prepare('select 2 as n');
    db.prepare('select 1 as n'); // a is now the most recently used
    db.prepare('select 3 as n'); // drops b
    expect(db.prepare('select 1 as n')).toBe(a);
    expect(db.prepare('select 2 as n')).not.toBe(b);
    db.close();
    expect(sqlite.open).toBe(false);
  });

  it('a kept statement still answers after the schema changes under it', () => {
    const sqlite = new SQLite(':memory:');
    const db = cachingStatements(sqlite);
    sqlite.exec("create table t (a text); insert into t values ('x')");
    const select = () => db.prepare('select * from t').all([]) as Record<string, unknown>[];
    expect(select()).toEqual([{ a: 'x' }]);
    sqlite.exec("create index t_a on t (a); insert into t values ('y')");
    expect(select()).toEqual([{ a: 'x' }, { a: 'y' }]);
    db.close();
  });
});
