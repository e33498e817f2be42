import { expect, it } from 'vitest';
import { countRows } from '../../src/store/count-rows.js';
import { describeEachDatabase } from '../helpers/each-database.js';

describeEachDatabase('countRows', (get) => {
  it('counts the rows a query stands for as a number (PostgreSQL sends COUNT(*) as a string)', async () => {
    const { db } = get().store;
    expect(await countRows(db.selectFrom('settings').where('key', 'like', 'count-rows.%'))).toBe(0);
    await db
      .insertInto('settings')
      .values([
        { key: 'count-rows.a', value: 'x' },
        { key: 'count-rows.b', value: 'y' },
        { key: 'count-rows.c', value: 'x' },
      ])
      .execute();
    expect(await countRows(db.selectFrom('settings').where('key', 'like', 'count-rows.%'))).toBe(3);
    expect(await countRows(db.selectFrom('settings').where('key', 'like', 'count-rows.%').where('value', '=', 'x'))).toBe(2);
  });
});
