import { parseArgs } from 'node:util';
import { verifyAuditLog } from '../../services/audit.service.js';
import { withStore } from '../open-store.js';
import { type CommandIO, parseFormat, printJson, UsageError } from '../output.js';

export const auditHelp = 'audit verify [--format text|json]               check the audit log hash chain';

export async function auditCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true });
  const format = parseFormat(values.format);
  if (positionals[0] !== 'verify' || positionals.length > 1) throw new UsageError('expected "audit verify"');
  const verdict = await withStore((store) => verifyAuditLog(store));
  if (format === 'json') printJson(io, verdict);
  else if (verdict.ok) io.out(`ok: ${verdict.checked} audit entries, chain intact`);
  else io.out(`BROKEN at entry ${verdict.seq}: ${verdict.reason} (${verdict.checked} entries verified before it)`);
  return verdict.ok ? 0 : 1;
}
