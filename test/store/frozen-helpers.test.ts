import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { changeTables } from '../../src/store/migrations/frozen-helpers.js';

const store = openStore({ sqliteFile: ':memory:' });
afterAll(() => store.close());

it('refuses a table definition it cannot read instead of dropping part of it', async () => {
  const unreadable = [
    ['id text primary kye'],
    ['id txt'],
    ['id text', 'constraint t_pk primary key (id'],
    ['id text', 'index t_id (id)', 'constraint t_unique unique (id)'],
    ['add column a text', 'b text'],
  ];
  for (const definition of unreadable) {
    await expect(changeTables(store.db, { t: definition }), definition.join(', ')).rejects.toThrow(/migration definition/);
  }
});
