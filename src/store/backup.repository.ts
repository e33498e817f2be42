import { sql } from 'kysely';
import type { Db, Store } from './database.js';

export type BlobTable = 'attachment_blobs' | 'sbom_blobs';

/** Reads stored contents a page at a time (by key), so a large store never sits in memory at once. */
export async function* readBlobContents(db: Db, table: BlobTable, pageSize = 50): AsyncGenerator<{ sha256: string; size: number; content: Uint8Array }> {
  let after = '';
  for (;;) {
    const rows = await db.selectFrom(table).select(['sha256', 'size', 'content']).where('sha256', '>', after).orderBy('sha256').limit(pageSize).execute();
    for (const r of rows) yield { sha256: r.sha256, size: Number(r.size), content: r.content };
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = last.sha256;
  }
}

/** How many tables the database (or the PostgreSQL schema in use) holds: 0 means a restore may write there. */
export async function countTables(store: Store): Promise<number> {
  if (store.dialect === 'postgres') {
    const r = await sql<{ n: string }>`select count(*) as n from information_schema.tables where table_schema = current_schema()`.execute(store.db);
    return Number(r.rows[0]?.n ?? 0);
  }
  const r = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table'`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}

/** SQLite's own consistency check of a database file: 'ok' or the problems it lists. */
export async function sqliteIntegrity(db: Db): Promise<string> {
  const r = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  return r.rows.map((row) => row.integrity_check).join('; ');
}
