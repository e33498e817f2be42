import { type ChildProcess, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { cliEnv, dropBossSchema, TEST_PG_URL, type TestDatabase } from '../helpers/databases.js';
import { HttpSession } from '../helpers/http-session.js';
import { freePort } from '../helpers/nginx-proxy.js';
import { runBin } from '../helpers/run-cli.js';
import { watchOutput } from '../helpers/server-process.js';

/**
 * A process started in a process group of its own, so that `kill -9` reaches
 * everything it started (tsx runs the code in a child process of its own).
 */
export interface Killable {
  child: ChildProcess;
  output(): string;
  waitFor(re: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  /** SIGKILL to the whole process group; resolves once the leader has exited. */
  kill9(): Promise<void>;
}

/** Whether any process of the group (a zombie not yet reaped included) still exists. */
function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function spawnGroup(command: string, args: string[], env: Record<string, string | undefined>): Killable {
  const child = spawn(command, args, { cwd: projectRoot(), env: { ...process.env, ...env }, detached: true });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const { waitFor, output } = watchOutput(child, exited);
  const kill9 = async () => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // the group is gone already
    }
    await exited;
    // The leader's exit is not the group's: a server under tsx is the leader's child, and until it is
    // reaped its /proc entry stands, so a process starting now would still find it running.
    while (groupExists(child.pid as number)) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { child, output, waitFor, exited, kill9 };
}

/** Drops a test database and, on PostgreSQL, the job queue's schema beside it: once no server uses them. */
export async function dropCrashDatabase(db: TestDatabase | undefined): Promise<void> {
  if (db) await dropBossSchema(db);
  await db?.drop();
}

/** Environment pointing a server or the CLI at the test database. */
export function databaseEnv(db: TestDatabase, dataDir: string): Record<string, string> {
  const env = cliEnv(db);
  return { DATABASE_URL: env.DATABASE_URL ?? '', TEBIKI_DATA_DIR: db.dataDir ?? dataDir };
}

export interface CrashServer extends Killable {
  url: string;
}

/** The real server (src/server/main.ts through tsx, as `npm run dev`) on a free loopback port. */
export async function startServer(db: TestDatabase, dataDir: string): Promise<CrashServer> {
  const port = await freePort();
  const root = projectRoot();
  const p = spawnGroup(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/main.ts')], {
    ...databaseEnv(db, dataDir),
    PORT: String(port),
    HOST: '127.0.0.1',
    TEBIKI_LOG_LEVEL: 'silent',
    // Every client of the test shares one address; the limit is not what is tested here.
    TEBIKI_LOGIN_RATE_PER_MINUTE: '1000',
  });
  await p.waitFor(/serving edition/);
  return { ...p, url: `http://127.0.0.1:${port}` };
}

/** `bin/tebiki ARGS` in a process group of its own. */
export function startCli(db: TestDatabase, dataDir: string, args: string[]): Killable {
  return spawnGroup(join(projectRoot(), 'bin', 'tebiki'), args, databaseEnv(db, dataDir));
}

/** Polls `probe` until it returns a value (not undefined); never a fixed sleep, only a short pause between looks. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 240_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const PASSWORD = 'crash consistency passphrase 42';
export const ADMIN_EMAIL = 'admin@example.test';
export const ASSESSOR_EMAIL = 'assessor@example.test';

/** A fresh server's first admin, one organisation, product and assessor, and one assessment of device items. */
export async function seedAssessment(server: CrashServer): Promise<{ assessmentId: string; items: string[] }> {
  const token = (await server.waitFor(/\/setup#token=([A-Za-z0-9_-]+)/))[1];
  const admin = new HttpSession(server.url);
  await admin.refreshCsrf();
  const setup = await admin.request('POST', '/api/setup', { token, email: ADMIN_EMAIL, displayName: '管理者', password: PASSWORD });
  expect(setup.status, JSON.stringify(setup.body)).toBe(201);
  expect(await admin.login(ADMIN_EMAIL, PASSWORD)).toBe(200);
  const org = await admin.request('POST', '/api/organisations', { name: '会員 A 株式会社' });
  expect(org.status, JSON.stringify(org.body)).toBe(201);
  const orgId = (org.body as { id: string }).id;
  const user = await admin.request('POST', '/api/admin/users', {
    email: ASSESSOR_EMAIL,
    displayName: '診断員',
    password: PASSWORD,
    role: 'assessor',
    organisationId: null,
  });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  const product = await admin.request('POST', `/api/organisations/${orgId}/products`, { name: 'ゲートウェイ', model: 'GW-1' });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const assessor = await login(server.url, ASSESSOR_EMAIL);
  const { id, items } = await assessor.createAssessment((product.body as { id: string }).id, '異常終了の試験');
  return { assessmentId: id, items };
}

export async function login(url: string, email: string): Promise<HttpSession> {
  const s = new HttpSession(url);
  expect(await s.login(email, PASSWORD)).toBe(200);
  return s;
}

/**
 * The database's own consistency check after a crash. SQLite: `PRAGMA
 * integrity_check` and `PRAGMA foreign_key_check`. PostgreSQL: amcheck's
 * `verify_heapam` on every table and `bt_index_check` (with heapallindexed) on
 * every B-tree index of the suite's schema, and a query per foreign key for
 * rows whose parent is missing.
 */
export async function checkDatabaseIntegrity(db: TestDatabase): Promise<void> {
  if (db.kind === 'sqlite') {
    const file = join(db.dataDir as string, 'tebiki.sqlite');
    const sqlite = new SQLite(file, { readonly: true });
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      sqlite.close();
    }
    return;
  }
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    // Parallel suites may create it at the same moment: a duplicate is fine.
    await c.query('create extension if not exists amcheck').catch(() => undefined);
    const schema = db.pgSchema as string;
    const heap = await c.query(
      `select c.relname, v.blkno, v.msg from pg_class c join pg_namespace n on n.oid = c.relnamespace,
         lateral verify_heapam(c.oid) v where n.nspname = $1 and c.relkind = 'r'`,
      [schema],
    );
    expect(heap.rows).toEqual([]);
    const indexes = await c.query(
      `select c.oid, c.relname from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
         join pg_am a on a.oid = c.relam where n.nspname = $1 and a.amname = 'btree'`,
      [schema],
    );
    expect(indexes.rows.length).toBeGreaterThan(10);
    for (const row of indexes.rows as { oid: number; relname: string }[]) await c.query('select bt_index_check($1::regclass, true)', [row.oid]);
    const fks = await c.query(
      `select con.conname, child.relname as child, parent.relname as parent,
          array(select a.attname from unnest(con.conkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o)::text[] as cols,
          array(select a.attname from unnest(con.confkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.o)::text[] as refs
        from pg_constraint con join pg_class child on child.oid = con.conrelid join pg_class parent on parent.oid = con.confrelid
        join pg_namespace n on n.oid = con.connamespace where con.contype = 'f' and n.nspname = $1`,
      [schema],
    );
    expect(fks.rows.length).toBeGreaterThan(5);
    const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
    for (const fk of fks.rows as { conname: string; child: string; parent: string; cols: string[]; refs: string[] }[]) {
      const present = fk.cols.map((col) => `c.${q(col)} is not null`).join(' and ');
      const join = fk.cols.map((col, i) => `p.${q(fk.refs[i] as string)} = c.${q(col)}`).join(' and ');
      const orphans = await c.query(
        `select count(*)::int as n from ${q(schema)}.${q(fk.child)} c where ${present} and not exists (select 1 from ${q(schema)}.${q(fk.parent)} p where ${join})`,
      );
      expect(orphans.rows[0].n, `${fk.conname}: rows of ${fk.child} without their ${fk.parent}`).toBe(0);
    }
  } finally {
    await c.end();
  }
}

/** `bin/tebiki audit verify` against the database passes. */
export function expectAuditVerifies(db: TestDatabase, dataDir: string): void {
  const r = runBin(['audit', 'verify'], databaseEnv(db, dataDir));
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
}

/** Empties the SQLite write-ahead log (a checkpoint that truncates it), so that a later growth is new writes. */
export function truncateWal(db: TestDatabase): void {
  const sqlite = new SQLite(join(db.dataDir as string, 'tebiki.sqlite'));
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
}

/** Size of the SQLite write-ahead log (0 when there is none). */
export function walSize(db: TestDatabase): number {
  try {
    return statSync(join(db.dataDir as string, 'tebiki.sqlite-wal')).size;
  } catch {
    return 0;
  }
}
