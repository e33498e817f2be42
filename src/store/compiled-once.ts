import type { CompiledQuery } from 'kysely';
import type { Db } from './database.js';
import { readDirectly } from './sqlite-statements.js';

/** Stands for the value while the query is compiled; never sent to a database. */
const PLACEHOLDER = '\u0000tebiki-value\u0000';

interface Compiled<R> {
  query: CompiledQuery<R>;
  at: number;
}

/**
 * A query of one text value, built and compiled once per database and then run
 * with each new value. Kysely builds and compiles a query on every call; for the
 * few queries nearly every request sends (its session, its user, the record it
 * names) that work costs more than the database does. `build` must use the value
 * exactly once, as a bound parameter (checked on the first compile).
 */
export function compiledOnce<R>(build: (db: Db, value: string) => { compile(): CompiledQuery<R> }): (db: Db, value: string) => Promise<R[]> {
  const byDb = new WeakMap<Db, Compiled<R>>();
  const compiledFor = (db: Db): Compiled<R> => {
    const kept = byDb.get(db);
    if (kept) return kept;
    const query = build(db, PLACEHOLDER).compile();
    const at = query.parameters.indexOf(PLACEHOLDER);
    if (at < 0 || query.parameters.lastIndexOf(PLACEHOLDER) !== at) throw new Error(`compiledOnce: the value must be one bound parameter of: ${query.sql}`);
    const compiled = { query, at };
    byDb.set(db, compiled);
    return compiled;
  };
  return async (db, value) => {
    const { query, at } = compiledFor(db);
    const parameters = [...query.parameters];
    parameters[at] = value;
    return readDirectly<R>(db, query.sql, parameters) ?? (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
