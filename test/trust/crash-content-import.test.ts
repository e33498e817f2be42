import { cpSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { freshPostgres, freshSqlite, postgresAvailable, TEST_PG_URL, type TestDatabase } from '../helpers/databases.js';
import { tempDir } from '../helpers/temp-dir.js';
import { type CrashServer, dropCrashDatabase, checkDatabaseIntegrity, expectAuditVerifies, startCli, startServer, until } from './crash-fixtures.js';

/**
 * Crash consistency of a content import (issue 23, point 4): `bin/tebiki
 * import content DIR` is killed with SIGKILL, together with the server, while
 * its one transaction is inside the database and cannot have committed, then
 * the server starts again on the same database. The edition is not there, nor
 * its audit entry (no half-finished import is visible), the integrity check and
 * `bin/tebiki audit verify` pass, and the same import run again stores the
 * edition whole with exactly one audit entry.
 *
 * The moment is made, not guessed: the test holds what the import's write
 * needs, and kills once the import is seen waiting for it.
 * - PostgreSQL: the test holds the audit chain's head row (`for update`); the
 *   import has inserted the edition row and waits for the head to write its
 *   audit entry (seen as a backend that holds a write lock on `editions` and
 *   is blocked by the test's backend).
 * - SQLite: the test holds the database's write lock; the import has loaded
 *   and checked the content, opened the database, and its main thread sleeps
 *   in SQLite's busy handler waiting for that lock (seen in /proc).
 */
const pgOk = await postgresAvailable();
const EDITION = '2099.1';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !pgOk)(`crash during a content import [${kind}]`, { timeout: 600_000 }, () => {
    const dir = tempDir();
    const contentDir = join(dir.path, 'content');
    let db: TestDatabase;
    let server: CrashServer | undefined;

    beforeAll(async () => {
      // The bundled content under a new edition id: a whole edition to import.
      cpSync(join(projectRoot(), 'content'), contentDir, { recursive: true });
      const editionFile = join(contentDir, 'edition.yaml');
      const text = readFileSync(editionFile, 'utf8');
      const renamed = text.replace(/^id: .*$/m, `id: "${EDITION}"`);
      expect(renamed).not.toBe(text);
      writeFileSync(editionFile, renamed);
      db = kind === 'sqlite' ? freshSqlite(dir.path) : await freshPostgres();
      server = await startServer(db, dir.path);
    }, 300_000);

    afterAll(async () => {
      await server?.kill9();
      await dropCrashDatabase(db);
      dir.remove();
    });

    it('kill -9 while the import is inside its transaction: after the restart no trace of the edition; the same import then stores it whole', async () => {
      const hold = kind === 'sqlite' ? holdSqliteWriteLock(db) : await holdAuditHead(db);
      const importing = startCli(db, dir.path, ['import', 'content', contentDir]);
      let waiting: WaitingImport | undefined;
      try {
        waiting = await until('the import waiting inside the database', async () => {
          if (importing.child.exitCode !== null) throw new Error(`the import ended before it could be killed: ${importing.output()}`);
          return hold.waitingImport(importing.child.pid as number);
        });
        await Promise.all([server?.kill9(), importing.kill9()]);
      } finally {
        await hold.release();
      }
      if (waiting.pgBackend !== undefined) {
        // PostgreSQL ends the dead client's backend and rolls its transaction back.
        const backend = waiting.pgBackend;
        await until('the dead import’s backend to end', async () => ((await backendAlive(backend)) ? undefined : true));
      }

      server = await startServer(db, dir.path);
      await checkDatabaseIntegrity(db);
      expectAuditVerifies(db, dir.path);
      expect(await editionTrace(db)).toEqual({ editions: 0, auditEntries: 0 });

      const again = startCli(db, dir.path, ['import', 'content', contentDir]);
      expect(await again.exited, again.output()).toBe(0);
      expect(again.output()).toContain(`imported: edition ${EDITION}`);
      expect(await editionTrace(db)).toEqual({ editions: 1, auditEntries: 1 });
      expectAuditVerifies(db, dir.path);
    });
  });
}

interface WaitingImport {
  /** PostgreSQL: the import's backend, which still holds its uncommitted edition row. */
  pgBackend?: number;
}

interface Hold {
  /** The import, when it is seen waiting for what the test holds; else undefined. */
  waitingImport(cliPid: number): Promise<WaitingImport | undefined>;
  release(): Promise<void>;
}

/** x86-64 and arm64 numbers of the sleeping system calls SQLite's busy handler makes (usleep). */
const SLEEP_SYSCALLS: Record<string, readonly number[]> = { x64: [35, 230], arm64: [101, 115] };

/** SQLite: the test takes the write lock; the import's write then waits in the busy handler. */
function holdSqliteWriteLock(db: TestDatabase): Hold {
  const file = join(db.dataDir as string, 'tebiki.sqlite');
  const conn = new SQLite(file);
  conn.exec('BEGIN IMMEDIATE');
  return {
    waitingImport: async (pid) => {
      try {
        const hasDatabaseOpen = readdirSync(`/proc/${pid}/fd`).some((fd) => readLink(`/proc/${pid}/fd/${fd}`) === file);
        if (!hasDatabaseOpen) return undefined;
        // The main thread's current system call: a sleep there is SQLite's busy handler (the event loop waits in epoll).
        const syscall = Number(readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0]);
        return (SLEEP_SYSCALLS[process.arch] ?? []).includes(syscall) ? {} : undefined;
      } catch {
        return undefined;
      }
    },
    release: async () => {
      conn.exec('ROLLBACK');
      conn.close();
    },
  };
}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** PostgreSQL: the test locks the audit head row; the import has written its edition row and waits for the head. */
async function holdAuditHead(db: TestDatabase): Promise<Hold> {
  const holder = new pg.Client({ connectionString: TEST_PG_URL });
  await holder.connect();
  const holderPid = Number((await holder.query('select pg_backend_pid() as pid')).rows[0].pid);
  await holder.query('begin');
  await holder.query(`select seq from ${db.pgSchema}.audit_head where id = 1 for update`);
  return {
    waitingImport: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        const r = await c.query(
          `select l.pid from pg_locks l join pg_class c on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = $1 and c.relname = 'editions' and l.mode = 'RowExclusiveLock' and l.granted
              and $2 = any(pg_blocking_pids(l.pid))`,
          [db.pgSchema, holderPid],
        );
        const row = r.rows[0] as { pid: number } | undefined;
        return row ? { pgBackend: Number(row.pid) } : undefined;
      } finally {
        await c.end();
      }
    },
    release: async () => {
      await holder.query('rollback');
      await holder.end();
    },
  };
}

async function backendAlive(pid: number): Promise<boolean> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    return (await c.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 1;
  } finally {
    await c.end();
  }
}

/** The imported edition's row and its `edition.imported` audit entries, as another connection sees them (committed only). */
async function editionTrace(db: TestDatabase): Promise<{ editions: number; auditEntries: number }> {
  const store = db.open();
  try {
    const editions = await store.db.selectFrom('editions').select('id').where('id', '=', EDITION).execute();
    const audit = await store.db.selectFrom('audit_log').select('seq').where('action', '=', 'edition.imported').where('target_id', '=', EDITION).execute();
    return { editions: editions.length, auditEntries: audit.length };
  } finally {
    await store.close();
  }
}
