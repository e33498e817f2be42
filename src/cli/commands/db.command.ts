import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config.js';
import { storeOptionsOf } from '../../config/store-location.js';
import { migrate, openStore } from '../../store/database.js';
import { type CommandIO, parseFormat, printReport, UsageError } from '../output.js';

export const dbHelp = 'db migrate [--format text|json]                 apply pending database migrations';

export async function dbCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true });
  const format = parseFormat(values.format);
  if (positionals[0] !== 'migrate' || positionals.length > 1) throw new UsageError('expected "db migrate"');
  const config = loadConfig();
  const store = openStore(storeOptionsOf(config));
  try {
    const applied = await migrate(store);
    printReport(
      io,
      format,
      () => ({ database: store.dialect, applied }),
      () => (applied.length ? `applied: ${applied.join(', ')}` : `${store.dialect}: up to date`),
    );
    return 0;
  } finally {
    await store.close();
  }
}
