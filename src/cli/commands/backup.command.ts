import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../../backup/create-backup.js';
import { RestoreRefused, restoreBackup } from '../../backup/restore-backup.js';
import { loadConfig } from '../../config/config.js';
import { type CommandIO, parseFormat, printFailure, printReport, UsageError } from '../output.js';

export const backupHelp = [
  'backup --out FILE [--format text|json]          バックアップ: a consistent copy taken while the server runs (SQLite: online backup;',
  '      PostgreSQL: pg_dump of one snapshot) with the firmware images, as one tar archive with the SHA-256 of every part.',
].join('\n');

export const restoreHelp = [
  'restore FILE [--force] [--format text|json]     リストア: restore a backup into the configured data location (TEBIKI_DATA_DIR /',
  '      DATABASE_URL); every hash, the audit chain and the database are checked first; a non-empty database needs --force.',
].join('\n');

export async function backupCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true });
  const format = parseFormat(values.format);
  if (positionals.length > 0 || !values.out) throw new UsageError('expected "backup --out FILE"');
  const config = loadConfig();
  const summary = await createBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, resolve(values.out), new Date());
  printReport(
    io,
    format,
    () => summary,
    () =>
      `backup written: ${summary.file} (${summary.bytes} bytes; ${summary.database}; audit head ${summary.auditHead.sequence}; ` +
      `${summary.attachments} evidence files, ${summary.sboms} SBOMs, ${summary.firmwareImages} firmware images)`,
  );
  return 0;
}

export async function restoreCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { force: { type: 'boolean' }, format: { type: 'string' } }, allowPositionals: true });
  const format = parseFormat(values.format);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('expected "restore FILE"');
  const config = loadConfig();
  try {
    const summary = await restoreBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, resolve(file), {
      force: values.force === true,
      now: new Date(),
    });
    printReport(
      io,
      format,
      () => summary,
      () =>
        `restored the backup of ${summary.createdAt} (${summary.database}; audit head ${summary.auditHead.sequence}; ` +
        `${summary.attachments} evidence files, ${summary.sboms} SBOMs, ${summary.firmwareImages} firmware images); ` +
        `audit chain ${summary.audit.ok ? `intact, ${summary.audit.checked} entries` : 'BROKEN'}`,
    );
    return summary.audit.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof RestoreRefused) {
      printFailure(io, format, 'restore', { code: 'restore-refused', message: err.message });
      return 1;
    }
    throw err;
  }
}
