import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type RawBuilder, sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { describeEachDatabase } from '../helpers/each-database.js';

/**
 * The migrations are frozen: a database that ran them long ago must look exactly
 * like one migrated today. This compares everything the migrations create on a
 * fresh database (tables, columns in order, constraints, indexes, triggers,
 * functions and the rows they insert) with a committed description of it.
 * After adding a migration on purpose, regenerate with TEBIKI_UPDATE_GOLDEN=1.
 */
const GOLDEN = new URL('./migrated-schema.golden.json', import.meta.url);
const SCHEMA_PLACEHOLDER = '<schema>';

type Description = Record<string, unknown>;

async function rows<T>(store: Store, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(store.db)).rows;
}

/** The rows the migrations themselves insert (tables are otherwise empty on a fresh database). */
async function seededRows(store: Store, tables: string[]): Promise<Record<string, unknown[]>> {
  const seeded: Record<string, unknown[]> = {};
  for (const table of tables.filter((t) => !t.startsWith('kysely_'))) {
    const found = await rows<Record<string, unknown>>(store, sql`select * from ${sql.table(table)}`);
    if (found.length > 0) seeded[table] = found.map((r) => JSON.stringify(r)).sort();
  }
  return seeded;
}

async function describeSqlite(store: Store): Promise<Description> {
  const master = await rows<{ type: string; name: string; tbl_name: string; sql: string | null }>(
    store,
    sql`select type, name, tbl_name, sql from sqlite_master order by type, name, tbl_name`,
  );
  const tables = master.filter((r) => r.type === 'table' && !r.name.startsWith('sqlite_')).map((r) => r.name);
  return { sqlite_master: master, rows: await seededRows(store, tables) };
}

async function describePostgres(store: Store, schema: string): Promise<Description> {
  const tables = (
    await rows<{ name: string }>(
      store,
      sql`select relname as name from pg_class where relkind = 'r' and relnamespace = ${schema}::regnamespace order by relname`,
    )
  ).map((r) => r.name);
  const description: Description = {};
  for (const table of tables) {
    const relation = `${schema}.${table}`;
    description[table] = {
      columns: await rows(
        store,
        sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
              pg_get_expr(d.adbin, d.adrelid) as default
            from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where a.attrelid = ${relation}::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
      ),
      constraints: await rows(
        store,
        sql`select conname as name, contype as type, pg_get_constraintdef(oid) as definition
            from pg_constraint where conrelid = ${relation}::regclass order by conname`,
      ),
      indexes: await rows(
        store,
        sql`select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
            from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = ${relation}::regclass order by c.relname`,
      ),
      triggers: await rows(
        store,
        sql`select tgname as name, pg_get_triggerdef(oid) as definition
            from pg_trigger where tgrelid = ${relation}::regclass and not tgisinternal order by tgname`,
      ),
    };
  }
  description['(functions)'] = await rows(
    store,
    sql`select proname as name, pg_get_functiondef(oid) as definition from pg_proc where pronamespace = ${schema}::regnamespace order by proname`,
  );
  description['(sequences)'] = await rows(
    store,
    sql`select relname as name from pg_class where relkind = 'S' and relnamespace = ${schema}::regnamespace order by relname`,
  );
  description['(rows)'] = await seededRows(store, tables);
  // Each test run has its own schema name: replace it so the description is stable.
  return JSON.parse(JSON.stringify(description).replaceAll(schema, SCHEMA_PLACEHOLDER)) as Description;
}

function readGolden(): Record<string, Description> {
  return existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Description>) : {};
}

describeEachDatabase('the schema the migrations produce', (get) => {
  it('is exactly the committed golden description', async () => {
    const { db, store } = get();
    const actual = db.kind === 'sqlite' ? await describeSqlite(store) : await describePostgres(store, db.pgSchema ?? '');
    if (process.env.TEBIKI_UPDATE_GOLDEN === '1') {
      const golden = readGolden();
      golden[db.kind] = actual;
      writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 2)}\n`);
    }
    expect(actual).toEqual(readGolden()[db.kind]);
  });
});
