import { type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely';

/** The one place that knows which SQL dialect is in use. */
export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<unknown>): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error('unsupported database dialect');
}
