import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Building blocks the migrations share. Frozen in time like the migrations
 * themselves: a migration that ran once must build the very same schema on
 * every later database, so a function here may be added but never changed
 * (write a new one instead). Never import application code here.
 * test/store/migrated-schema.test.ts holds the schema they build, byte for byte.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyTable = CreateTableBuilder<any, any>;

const COLUMN_TYPES = ['text', 'integer', 'bigint', 'blob', 'bytea'] as const;
type ColumnType = (typeof COLUMN_TYPES)[number];

function fail(spec: string, why: string): never {
  throw new Error(`migration definition "${spec}": ${why}`);
}

function listOf(columns: string): string[] {
  return columns.split(',').map((c) => c.trim());
}

type ColumnStep = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** The column modifiers parseColumn knows, each with the Kysely call it stands for. */
const MODIFIERS: [RegExp, (match: RegExpExecArray) => ColumnStep][] = [
  [/^primary key\b/, () => (c) => c.primaryKey()],
  [/^not null\b/, () => (c) => c.notNull()],
  [/^unique\b/, () => (c) => c.unique()],
  [/^default (-?\d+)\b/, (m) => (c) => c.defaultTo(Number(m[1]))],
  [/^references (\w+\.\w+)\b/, (m) => (c) => c.references(m[1] as string)],
  [/^on delete cascade\b/, () => (c) => c.onDelete('cascade')],
];

/**
 * One column written as in SQL, `name type` and then any of `primary key`,
 * `not null`, `unique`, `default N`, `references table.column` and
 * `on delete cascade`, e.g. `user_id text not null references users.id on delete cascade`.
 * Returns the column's name, type and the same Kysely modifiers, in the same
 * order, that a hand-written `addColumn` callback would apply.
 */
function parseColumn(spec: string): { name: string; type: ColumnType; build: ColumnStep } {
  const [, name, type, modifiers] = /^(\w+) (\w+)(.*)$/.exec(spec) ?? [];
  if (!name || !(COLUMN_TYPES as readonly string[]).includes(type ?? '')) fail(spec, 'expected a name and one of the types text, integer, bigint, blob, bytea');
  const steps: ColumnStep[] = [];
  let rest = (modifiers ?? '').trim();
  while (rest !== '') {
    const found = MODIFIERS.map(([pattern, step]) => [pattern.exec(rest), step] as const).find(([match]) => match);
    if (!found?.[0]) return fail(spec, `unexpected "${rest}"`);
    steps.push(found[1](found[0]));
    rest = rest.slice(found[0][0].length).trim();
  }
  return { name, type: type as ColumnType, build: (c) => steps.reduce((built, step) => step(built), c) };
}

/**
 * One table constraint written as in SQL: `constraint NAME primary key (a, b)`,
 * `constraint NAME unique (a, b)`, `constraint NAME check (EXPRESSION)` or
 * `constraint NAME foreign key (a, b) references TABLE (c, d)`.
 */
function addConstraint(table: AnyTable, spec: string): AnyTable {
  let m = /^constraint (\w+) primary key \(([^()]+)\)$/.exec(spec);
  if (m?.[1] && m[2]) return table.addPrimaryKeyConstraint(m[1], listOf(m[2]));
  m = /^constraint (\w+) unique \(([^()]+)\)$/.exec(spec);
  if (m?.[1] && m[2]) return table.addUniqueConstraint(m[1], listOf(m[2]));
  m = /^constraint (\w+) foreign key \(([^()]+)\) references (\w+) \(([^()]+)\)$/.exec(spec);
  if (m?.[1] && m[2] && m[3] && m[4]) return table.addForeignKeyConstraint(m[1], listOf(m[2]), m[3], listOf(m[4]));
  m = /^constraint (\w+) check \((.+)\)$/s.exec(spec);
  if (m?.[1] && m[2]) return table.addCheckConstraint(m[1], sql.raw(m[2]));
  return fail(spec, 'not a primary key, unique, foreign key or check constraint');
}

const INDEX = /^(unique )?index (\w+) \(([^()]+)\)$/;
const ADD_COLUMN = 'add column ';

/**
 * Creates tables and adds columns to existing ones, in the order given. A new
 * table's definition is SQL-like lines: columns (see parseColumn), then table
 * constraints (see addConstraint), then indexes on the table, `index NAME (a, b)`
 * or `unique index NAME (a, b)`, created right after the table; columns,
 * constraints and indexes keep the order they are written in. An existing
 * table's entry holds only `add column COLUMN` lines, one statement each.
 */
export async function changeTables(db: AnyDb, tables: Record<string, readonly string[]>): Promise<void> {
  for (const [name, definition] of Object.entries(tables)) {
    const added = definition.filter((line) => line.startsWith(ADD_COLUMN));
    if (added.length === 0) await createTable(db, name, definition);
    else if (added.length === definition.length) await addColumns(db, name, added);
    else fail(`${name}: ${definition.join(', ')}`, 'a table is either created or given added columns, not both');
  }
}

async function createTable(db: AnyDb, name: string, definition: readonly string[]): Promise<void> {
  let table = db.schema.createTable(name);
  const indexes: RegExpExecArray[] = [];
  let part: 'columns' | 'constraints' | 'indexes' = 'columns';
  for (const spec of definition) {
    const index = INDEX.exec(spec);
    if (index) {
      part = 'indexes';
      indexes.push(index);
    } else if (spec.startsWith('constraint ')) {
      if (part === 'indexes') fail(spec, 'constraints come before indexes');
      part = 'constraints';
      table = addConstraint(table, spec);
    } else {
      if (part !== 'columns') fail(spec, 'columns come before constraints and indexes');
      const column = parseColumn(spec);
      table = table.addColumn(column.name, column.type, column.build);
    }
  }
  await table.execute();
  for (const [, unique, indexName, columns] of indexes) {
    const index = db.schema
      .createIndex(indexName as string)
      .on(name)
      .columns(listOf(columns as string));
    await (unique ? index.unique() : index).execute();
  }
}

/** Adds columns (`add column COLUMN`, see parseColumn) to an existing table, one statement each, in order. */
async function addColumns(db: AnyDb, table: string, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    const column = parseColumn(line.slice(ADD_COLUMN.length));
    await db.schema.alterTable(table).addColumn(column.name, column.type, column.build).execute();
  }
}

/** The column type for bytes: `bytea` on PostgreSQL, `blob` on SQLite. */
export function bytesType(dialect: DialectName): 'bytea' | 'blob' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/**
 * A PL/pgSQL trigger function that raises `message` when `condition` holds and
 * otherwise lets the change through; `declare` and `first` add a declaration
 * and a first statement. PostgreSQL keeps a function's text as written, so the
 * lines and their indentation here are part of the schema.
 */
export async function createRefusingFunction(
  db: AnyDb,
  name: string,
  refusal: { condition: string; message: string; declare?: string; first?: string },
): Promise<void> {
  const lines = [
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$`,
    ...(refusal.declare ? [`    DECLARE ${refusal.declare};`] : []),
    '    BEGIN',
    ...(refusal.first ? [`      ${refusal.first}`] : []),
    `      IF ${refusal.condition} THEN`,
    `        RAISE EXCEPTION '${refusal.message}';`,
    '      END IF;',
    "      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;",
    '      RETURN NEW;',
    '    END $$',
  ];
  await sql.raw(lines.join('\n')).execute(db);
}
