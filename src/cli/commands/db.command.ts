import { parseArgs } from 'node:util';
import { migrateOperatorStore } from '../../services/operator-store.js';
import { type CommandIO, parseFormat, printReport, UsageError } from '../output.js';

export const dbHelp = 'db migrate [--format text|json]                 apply pending database migrations';

export async function dbCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true });
  const format = parseFormat(values.format);
  if (positionals[0] !== 'migrate' || positionals.length > 1) throw new UsageError('expected "db migrate"');
  const { database, applied } = await migrateOperatorStore();
  printReport(
    io,
    format,
    () => ({ database, applied }),
    () => (applied.length ? `applied: ${applied.join(', ')}` : `${database}: up to date`),
  );
  return 0;
}
