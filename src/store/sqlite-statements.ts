import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

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
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const kept = statements.get(sql);
      if (kept) {
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql) as unknown as SqliteStatement;
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
