import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openStore, type Store } from '../../src/store/database.js';

/** PostgreSQL for tests: these machines run one on loopback with trust auth. */
export const TEST_PG_URL = process.env.TEBIKI_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

let pgAvailable: Promise<boolean> | undefined;

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the PostgreSQL suites run. Without a server they skip with a notice
 * on a laptop; under CI (CI=true) a missing server fails the run instead.
 */
export async function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= probePostgres();
  const ok = await pgAvailable;
  if (!ok) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI but ${TEST_PG_URL} is not reachable`);
    console.warn(`[test] NOTICE: PostgreSQL at ${TEST_PG_URL} is not reachable; PostgreSQL suites are skipped`);
  }
  return ok;
}

export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  /** For the CLI and the server: DATABASE_URL (PostgreSQL) or undefined (SQLite). */
  databaseUrl: string | undefined;
  pgSchema?: string;
  /** For the CLI with SQLite: TEBIKI_DATA_DIR, which holds tebiki.sqlite. */
  dataDir?: string;
  open(): Store;
  drop(): Promise<void>;
}

/** Runs one statement on the test server outside any suite's schema: creating or dropping a schema or a database. */
export async function postgresAdmin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** A fresh, empty PostgreSQL schema of its own, so suites never see each other's rows. */
export async function freshPostgres(): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await postgresAdmin(`create schema ${schema}`);
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind: 'postgres',
    databaseUrl: url.toString(),
    pgSchema: schema,
    open: () => openStore({ databaseUrl: TEST_PG_URL, pgSchema: schema }),
    drop: () => postgresAdmin(`drop schema if exists ${schema} cascade`),
  };
}

/** pg-boss keeps its tables in a schema of its own beside the suite's (src/jobs/create-job-queue.ts); dropped with the suite. */
export async function dropBossSchema(db: TestDatabase): Promise<void> {
  if (db.kind === 'postgres') await postgresAdmin(`drop schema if exists ${db.pgSchema}_boss cascade`);
}

export function freshSqlite(dataDir: string): TestDatabase {
  const file = `${dataDir}/tebiki.sqlite`;
  return { kind: 'sqlite', databaseUrl: undefined, dataDir, open: () => openStore({ sqliteFile: file }), drop: async () => undefined };
}

/** Environment for running bin/tebiki against a test database. */
export function cliEnv(db: TestDatabase): Record<string, string | undefined> {
  return { DATABASE_URL: db.databaseUrl, TEBIKI_DATA_DIR: db.dataDir ?? '/nonexistent' };
}

export async function openMigrated(db: TestDatabase): Promise<Store> {
  const store = db.open();
  await migrate(store);
  return store;
}
