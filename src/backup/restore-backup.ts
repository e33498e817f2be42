/**
 * `tebiki restore`: unpacks a backup into a staging folder beside the data,
 * checks every part against the manifest's SHA-256, then checks the database
 * copy itself (SQLite's integrity check, the audit chain reaching the backed-up
 * head, every evidence and SBOM content against its key) before anything is
 * put in place. A database that already holds tables is left alone unless
 * `force`. The restore itself is recorded as the next audit entry, so a head
 * anchored before the backup is still extended by the restored log.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditAnchor } from '../core/audit-anchor.js';
import type { AuditVerdict } from '../core/audit-chain.js';
import { firmwareDir } from '../firmware/image-store.js';
import { verifyAuditLog } from '../services/audit.service.js';
import { appendAudit, readAuditHead } from '../store/audit.repository.js';
import { countTables, sqliteIntegrity } from '../store/backup.repository.js';
import { openStore, type Store } from '../store/database.js';
import { type BackupManifest, BackupManifestSchema, FIRMWARE_PREFIX, MANIFEST_NAME, PGDUMP_MEMBER, SQLITE_MEMBER } from './backup-manifest.js';
import { sqliteFileOf, type StoreLocation } from '../config/store-location.js';
import { libpqUrl, runPgTool } from './pg-tools.js';
import { compareBlobLists, digestStoredBlobs } from './stored-blobs.js';
import { ArchiveError, type ArchivedMember, extractTar } from './tar-archive.js';

export class RestoreRefused extends Error {}

export interface RestoreSummary {
  database: 'sqlite' | 'postgres';
  createdAt: string;
  auditHead: AuditAnchor;
  audit: AuditVerdict;
  firmwareImages: number;
  attachments: number;
  sboms: number;
}

export async function restoreBackup(location: StoreLocation, archive: string, options: { force: boolean; now: Date }): Promise<RestoreSummary> {
  if (!existsSync(archive)) throw new RestoreRefused(`${archive}: no such file`);
  mkdirSync(location.dataDir, { recursive: true });
  const staging = mkdtempSync(join(location.dataDir, '.restore-'));
  try {
    const manifest = await unpack(archive, staging);
    const kind = location.databaseUrl ? 'postgres' : 'sqlite';
    if (manifest.database.kind !== kind) {
      throw new RestoreRefused(
        kind === 'sqlite'
          ? `${archive} holds a PostgreSQL database: set DATABASE_URL to restore it (docs/DEPLOY.md)`
          : `${archive} holds a SQLite database: unset DATABASE_URL to restore it into TEBIKI_DATA_DIR`,
      );
    }
    const staged = join(staging, manifest.database.member);
    const restored = location.databaseUrl
      ? await restorePostgres(location.databaseUrl, staged, manifest, options)
      : await restoreSqlite(sqliteFileOf(location), staged, manifest, options);
    const images = manifest.members.filter((m) => m.name.startsWith(FIRMWARE_PREFIX));
    if (images.length > 0) {
      const target = join(firmwareDir(location.dataDir), 'images');
      mkdirSync(target, { recursive: true, mode: 0o700 });
      for (const m of images) renameSync(join(staging, m.name), join(target, m.name.slice(FIRMWARE_PREFIX.length)));
    }
    return {
      database: kind,
      createdAt: manifest.createdAt,
      auditHead: manifest.auditHead,
      audit: restored,
      firmwareImages: images.length,
      attachments: manifest.blobs.attachments.length,
      sboms: manifest.blobs.sboms.length,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Extracts every member into `staging` and checks each against the manifest (the last member). */
async function unpack(archive: string, staging: string): Promise<BackupManifest> {
  mkdirSync(join(staging, FIRMWARE_PREFIX), { recursive: true });
  let members: ArchivedMember[];
  try {
    members = await extractTar(archive, (name) => {
      if (name === MANIFEST_NAME || name === SQLITE_MEMBER || name === PGDUMP_MEMBER) return join(staging, name);
      if (name.startsWith(FIRMWARE_PREFIX) && /^[0-9a-f]{64}$/.test(name.slice(FIRMWARE_PREFIX.length))) return join(staging, name);
      throw new ArchiveError(`${archive}: unexpected member ${name}; not a tebiki backup`);
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new RestoreRefused(`${archive}: a member appears twice; not a tebiki backup`);
    throw err instanceof ArchiveError ? new RestoreRefused(`${archive}: ${err.message}`) : err;
  }
  if (members[members.length - 1]?.name !== MANIFEST_NAME)
    throw new RestoreRefused(`${archive}: no ${MANIFEST_NAME} at the end; the archive is incomplete or not a tebiki backup`);
  let manifest: BackupManifest;
  try {
    const parsed = BackupManifestSchema.safeParse(JSON.parse(readFileSync(join(staging, MANIFEST_NAME), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RestoreRefused(`${archive}: ${MANIFEST_NAME}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    manifest = parsed.data;
  } catch (err) {
    if (err instanceof RestoreRefused) throw err;
    throw new RestoreRefused(`${archive}: ${MANIFEST_NAME} is not JSON (${(err as Error).message})`);
  }
  const found = new Map(members.slice(0, -1).map((m) => [m.name, m]));
  const problems: string[] = [];
  for (const want of manifest.members) {
    const got = found.get(want.name);
    if (!got) problems.push(`${want.name}: listed but missing`);
    else if (got.sha256 !== want.sha256 || got.size !== want.size)
      problems.push(`${want.name}: SHA-256 ${got.sha256} (${got.size} bytes), the manifest says ${want.sha256} (${want.size} bytes)`);
    else if (want.name.startsWith(FIRMWARE_PREFIX) && want.name.slice(FIRMWARE_PREFIX.length) !== got.sha256)
      problems.push(`${want.name}: content does not match its name`);
    found.delete(want.name);
  }
  for (const name of found.keys()) problems.push(`${name}: in the archive but not in the manifest`);
  if (!manifest.members.some((m) => m.name === manifest.database.member)) problems.push(`${manifest.database.member}: the database copy is missing`);
  if (problems.length > 0) throw new RestoreRefused(`${archive}: damaged, nothing restored:\n  ${problems.join('\n  ')}`);
  return manifest;
}

async function restoreSqlite(target: string, staged: string, manifest: BackupManifest, options: { force: boolean; now: Date }): Promise<AuditVerdict> {
  if (existsSync(target)) {
    const current = openStore({ sqliteFile: target });
    const tables = await countTables(current).finally(() => current.close());
    if (tables > 0 && !options.force)
      throw new RestoreRefused(`${target} already holds a database (${tables} tables): restore refuses to overwrite it without --force`);
  }
  const copy = openStore({ sqliteFile: staged });
  let verdict: AuditVerdict;
  try {
    const integrity = await sqliteIntegrity(copy.db);
    if (integrity !== 'ok') throw new RestoreRefused(`the database in the backup fails SQLite's integrity check: ${integrity}`);
    verdict = await checkRestored(copy, manifest, options.now);
  } finally {
    await copy.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staged, target);
  return verdict;
}

async function restorePostgres(databaseUrl: string, staged: string, manifest: BackupManifest, options: { force: boolean; now: Date }): Promise<AuditVerdict> {
  const store = openStore({ databaseUrl });
  try {
    if (manifest.database.kind !== 'postgres') throw new Error('unreachable');
    const schema = store.pgSchema ?? null;
    if (manifest.database.schema !== schema) {
      throw new RestoreRefused(
        `the backup holds schema ${manifest.database.schema ?? '(the whole database)'} but DATABASE_URL selects ${schema ?? '(the whole database)'}: pg_restore keeps schema names, so use the same search_path`,
      );
    }
    const tables = await countTables(store);
    if (tables > 0 && !options.force)
      throw new RestoreRefused(`the database at DATABASE_URL already holds ${tables} tables: restore refuses to overwrite it without --force`);
    // --clean --if-exists: an existing (empty, or with --force replaced) schema is dropped and made anew.
    await runPgTool('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--clean',
      '--if-exists',
      `--dbname=${libpqUrl(databaseUrl)}`,
      staged,
    ]);
    return await checkRestored(store, manifest, options.now);
  } finally {
    await store.close();
  }
}

/** The restored copy must reach the backed-up audit head with an intact chain and hold exactly the listed contents. */
async function checkRestored(store: Store, manifest: BackupManifest, now: Date): Promise<AuditVerdict> {
  const verdict = await verifyAuditLog(store);
  if (!verdict.ok) throw new RestoreRefused(`the audit log in the backup is broken at entry ${verdict.seq}: ${verdict.reason}`);
  const head = await readAuditHead(store.db);
  if (head.seq !== manifest.auditHead.sequence || (head.seq > 0 && head.hash !== manifest.auditHead.hash)) {
    throw new RestoreRefused(
      `the backup's audit log ends at entry ${head.seq} (${head.hash}) but its manifest says ${manifest.auditHead.sequence} (${manifest.auditHead.hash})`,
    );
  }
  const problems: string[] = [];
  for (const [table, listed] of [
    ['attachment_blobs', manifest.blobs.attachments],
    ['sbom_blobs', manifest.blobs.sboms],
  ] as const) {
    const stored = await digestStoredBlobs(store.db, table);
    problems.push(...stored.problems, ...compareBlobLists(table, listed, stored.blobs));
  }
  if (problems.length > 0) throw new RestoreRefused(`the database in the backup holds damaged contents:\n  ${problems.join('\n  ')}`);
  await store.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      store.dialect,
      {
        actorId: null,
        action: 'backup.restored',
        targetType: 'backup',
        targetId: null,
        detail: { createdAt: manifest.createdAt, auditHead: manifest.auditHead },
      },
      now,
    ),
  );
  return verifyAuditLog(store);
}
