import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { RecentMap } from '../core/recent-map.js';

/** How many prepared statements one SQLite connection keeps; the queries tebiki sends number a few hundred. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite connection as Kysely sees it, keeping each prepared statement for
 * the next query with the same SQL text. Kysely's driver prepares a statement
 * for every query (compiling the SQL each time); a statement is reusable with
 * other parameters, and SQLite re-prepares it by itself when a migration changes
 * the schema. Kysely runs one query at a time on the connection, so no two
 * users of one statement overlap. Least recently used statements are dropped
 * beyond `size`.
 */
export function cachingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new RecentMap<string, SqliteStatement>(size);
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const kept = statements.get(sql);
      if (kept) return kept;
      const statement = sqlite.prepare(sql) as unknown as SqliteStatement;
      statements.set(sql, statement);
      return statement;
    },
  };
}

/** Root SQLite stores (never a transaction) whose reads may run on the connection itself. */
const directReads = new WeakMap<object, { sqlite: SQLite.Database; statements: SqliteDatabase }>();

/** Lets {@link readDirectly} run reads of `db` on its SQLite connection, through the statements kept for Kysely. */
export function allowDirectReads(db: object, sqlite: SQLite.Database, statements: SqliteDatabase): void {
  directReads.set(db, { sqlite, statements });
}

/**
 * The rows of a read run on the SQLite connection itself, without Kysely's
 * connection hand-over (a lock, a few promises: about as long as SQLite takes
 * for a keyed read). Only while no transaction is open on the connection, so
 * the read sees what is committed, as through Kysely, which would wait for that
 * transaction to end; better-sqlite3 runs synchronously, so nothing starts in
 * between. Undefined when the read must go through Kysely: `db` is PostgreSQL
 * or a transaction, a transaction is open, or the statement is not a read.
 */
export function readDirectly<R>(db: object, sql: string, parameters: readonly unknown[]): R[] | undefined {
  const direct = directReads.get(db);
  if (!direct || direct.sqlite.inTransaction) return undefined;
  const statement = direct.statements.prepare(sql);
  return statement.reader ? (statement.all(parameters) as R[]) : undefined;
}
