/**
 * `tebiki backup`: one archive holding a consistent copy of the database taken
 * while the server keeps writing, the firmware images of the data folder, and
 * a manifest with the SHA-256 of every part and of every content the database
 * keeps by hash.
 *
 * SQLite: better-sqlite3's online backup API copies every page in a single step,
 * which is one read transaction: under WAL the server's writers go on, and the
 * copy is the database as of one commit. PostgreSQL: a repeatable-read
 * transaction exports its snapshot, pg_dump dumps exactly that snapshot, and the
 * audit head and blob list are read in the same transaction.
 * The database is copied before the images: an image is stored before the row
 * that names it commits, so every image the copy names is already on disk.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { sqliteFileOf, type StoreLocation } from '../config/store-location.js';
import type { AuditAnchor } from '../core/audit-anchor.js';
import { firmwareDir } from '../firmware/image-store.js';
import { readAuditAnchor } from '../services/audit.service.js';
import { openStore, type Store } from '../store/database.js';
import { type BackupManifest, FIRMWARE_PREFIX, MANIFEST_NAME, PGDUMP_MEMBER, SQLITE_MEMBER } from './backup-manifest.js';
import { libpqUrl, runPgTool } from './pg-tools.js';
import { type BlobDigest, digestStoredBlobs } from './stored-blobs.js';
import { TarWriter } from './tar-archive.js';

export interface BackupSummary {
  file: string;
  database: 'sqlite' | 'postgres';
  auditHead: AuditAnchor;
  firmwareImages: number;
  attachments: number;
  sboms: number;
  bytes: number;
}

interface DatabaseCopy {
  database: BackupManifest['database'];
  auditHead: AuditAnchor;
  blobs: { attachments: BlobDigest[]; sboms: BlobDigest[] };
}

export async function createBackup(location: StoreLocation, outFile: string, now: Date): Promise<BackupSummary> {
  const staging = mkdtempSync(join(dirname(outFile), `.${basename(outFile)}.`));
  const partial = join(staging, 'archive.tar');
  try {
    const dbFile = join(staging, location.databaseUrl ? PGDUMP_MEMBER : SQLITE_MEMBER);
    const copy = location.databaseUrl ? await dumpPostgres(location.databaseUrl, dbFile) : await copySqlite(sqliteFileOf(location), dbFile);
    const tar = new TarWriter(partial);
    try {
      await tar.addFile(copy.database.member, dbFile, statSync(dbFile).size);
      const images = await archiveFirmwareImages(tar, location.dataDir);
      const manifest: BackupManifest = {
        format: 'tebiki-backup',
        version: 1,
        createdAt: now.toISOString(),
        database: copy.database,
        auditHead: copy.auditHead,
        members: tar.members,
        blobs: copy.blobs,
      };
      await tar.addBuffer(MANIFEST_NAME, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
      await tar.finish();
      renameSync(partial, outFile);
      return {
        file: outFile,
        database: copy.database.kind,
        auditHead: copy.auditHead,
        firmwareImages: images,
        attachments: copy.blobs.attachments.length,
        sboms: copy.blobs.sboms.length,
        bytes: statSync(outFile).size,
      };
    } catch (err) {
      tar.abort();
      throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function copySqlite(source: string, target: string): Promise<DatabaseCopy> {
  let live: SQLite.Database;
  try {
    live = new SQLite(source, { fileMustExist: true });
  } catch (err) {
    throw new Error(`no database to back up at ${source} (${(err as Error).message}); set TEBIKI_DATA_DIR or DATABASE_URL`);
  }
  try {
    live.pragma('busy_timeout = 5000');
    // the first step sets up, the second copies every remaining page at once: one consistent read
    await live.backup(target, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = openStore({ sqliteFile: target });
  try {
    return { database: { kind: 'sqlite', member: SQLITE_MEMBER }, ...(await describeCopy(copy)) };
  } finally {
    await copy.close();
  }
}

async function dumpPostgres(databaseUrl: string, target: string): Promise<DatabaseCopy> {
  const store = openStore({ databaseUrl });
  try {
    return await store.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const exported = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
        const described = await describeCopy({ ...store, db: trx });
        const schema = store.pgSchema ?? null;
        await runPgTool('pg_dump', [
          '--format=custom',
          `--file=${target}`,
          `--snapshot=${exported.rows[0]?.id}`,
          ...(schema ? [`--schema=${schema}`] : []),
          `--dbname=${libpqUrl(databaseUrl)}`,
        ]);
        return { database: { kind: 'postgres', member: PGDUMP_MEMBER, schema }, ...described };
      });
  } finally {
    await store.close();
  }
}

async function describeCopy(store: Store): Promise<Omit<DatabaseCopy, 'database'>> {
  const attachments = await digestStoredBlobs(store.db, 'attachment_blobs');
  const sboms = await digestStoredBlobs(store.db, 'sbom_blobs');
  const problems = [...attachments.problems, ...sboms.problems];
  if (problems.length > 0) throw new Error(`the database holds damaged contents, not backed up:\n  ${problems.join('\n  ')}`);
  return { auditHead: await readAuditAnchor(store), blobs: { attachments: attachments.blobs, sboms: sboms.blobs } };
}

/** Firmware images are named by their SHA-256; one whose content no longer matches is refused, by name. */
async function archiveFirmwareImages(tar: TarWriter, dataDir: string): Promise<number> {
  const dir = join(firmwareDir(dataDir), 'images');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^[0-9a-f]{64}$/.test(n));
  } catch {
    return 0;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    const member = await tar.addFile(`${FIRMWARE_PREFIX}${name}`, path, statSync(path).size);
    if (member.sha256 !== name) throw new Error(`firmware image ${path} no longer matches its name (content SHA-256 ${member.sha256}): not backed up`);
  }
  return names.length;
}
