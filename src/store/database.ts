import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { createRequire } from 'node:module';
import type PgModule from 'pg';
import { type DialectName, dialectOf } from './dialect.js';
import * as initial from './migrations/0001-initial.js';
import * as drafts from './migrations/0002-drafts.js';
import * as proposals from './migrations/0003-proposals.js';
import * as importedStandards from './migrations/0004-imported-standards.js';
import * as assessments from './migrations/0005-assessments.js';
import * as accounts from './migrations/0006-accounts.js';
import * as probeRuns from './migrations/0008-probe-runs.js';
import * as firmwareAnalyses from './migrations/0009-firmware-analyses.js';
import * as loginFailures from './migrations/0010-login-failures.js';
import * as vulnerabilities from './migrations/0011-vulnerabilities.js';
import * as rateLimits from './migrations/0012-rate-limits.js';
import * as answerVersions from './migrations/0007-answer-versions.js';
import * as attachedTexts from './migrations/0013-attached-texts.js';
import * as craReporting from './migrations/0014-cra-reporting.js';
import * as selfAssessments from './migrations/0015-self-assessments.js';
import * as jobWorkerProcess from './migrations/0016-job-worker-process.js';
import * as assessmentResults from './migrations/0017-assessment-results.js';
import * as keptResultsFormat from './migrations/0018-kept-results-format.js';
import type { Database } from './schema.js';
import { allowDirectReads, cachingStatements } from './sqlite-statements.js';
import { startFromTemplate } from './sqlite-template.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  dialect: DialectName;
  /** PostgreSQL schema in use when not the default (tests). */
  pgSchema?: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL when set; SQLite otherwise. */
  databaseUrl?: string | undefined;
  /** SQLite database file (ignored for PostgreSQL). */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests give each suite its own). */
  pgSchema?: string;
  /** A migrated empty SQLite database a new file starts as a copy of (sqlite-template.ts). */
  sqliteTemplate?: string;
}

/**
 * The schema a PostgreSQL URL selects with `?options=-c search_path=NAME`, so that
 * migrations keep their own bookkeeping table in that schema too.
 */
function schemaInUrl(url: string): string | undefined {
  const options = new URL(url).searchParams.get('options') ?? '';
  return /(?:^|\s)-c\s*search_path=([A-Za-z_][A-Za-z0-9_]*)(?:\s|$)/.exec(options)?.[1];
}

/** Opens the database. SQLite runs in WAL mode with foreign keys on. */
export function openStore(options: StoreOptions): Store {
  let db: Db;
  const pgSchema = options.pgSchema ?? (options.databaseUrl ? schemaInUrl(options.databaseUrl) : undefined);
  if (options.databaseUrl) {
    // pg is loaded only for PostgreSQL: the embedded default never pays for it.
    const pg = createRequire(import.meta.url)('pg') as typeof PgModule;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(pgSchema ? { options: `-c search_path=${pgSchema}` } : {}),
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    const file = options.sqliteFile ?? ':memory:';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    if (options.sqliteTemplate) startFromTemplate(file, options.sqliteTemplate, Object.keys(MIGRATIONS));
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const statements = cachingStatements(sqlite);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
    allowDirectReads(db, sqlite, statements);
  }
  return { db, dialect: dialectOf(db as Kysely<unknown>), ...(pgSchema ? { pgSchema } : {}), close: () => db.destroy() };
}

const MIGRATIONS: Record<string, { up: typeof initial.up }> = {
  '0001-initial': initial,
  '0002-drafts': drafts,
  '0003-proposals': proposals,
  '0004-imported-standards': importedStandards,
  '0005-assessments': assessments,
  '0006-accounts': accounts,
  '0007-answer-versions': answerVersions,
  '0008-probe-runs': probeRuns,
  '0009-firmware-analyses': firmwareAnalyses,
  '0010-login-failures': loginFailures,
  '0011-vulnerabilities': vulnerabilities,
  '0012-rate-limits': rateLimits,
  '0013-attached-texts': attachedTexts,
  '0014-cra-reporting': craReporting,
  '0015-self-assessments': selfAssessments,
  '0016-job-worker-process': jobWorkerProcess,
  '0017-assessment-results': assessmentResults,
  '0018-kept-results-format': keptResultsFormat,
};

/** Applies every pending migration; returns the names applied. */
export async function migrate(store: Store): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (db) => m.up(db, store.dialect) };
  }
  // Name the schema: Kysely otherwise finds another schema's migration tables
  // (parallel test suites each use their own) and skips creating its own.
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
    // Branches of work took numbers ahead of each other (0010 landed before 0006–0009):
    // a database that ran a later number still gets the earlier ones, which touch other tables.
    allowUnorderedMigrations: true,
    ...(store.pgSchema ? { migrationTableSchema: store.pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
