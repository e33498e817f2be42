import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type AuditAnchor, AuditAnchorSchema } from '../../core/audit-anchor.js';
import { type AnchoredAuditVerdict, readAuditAnchor, verifyAuditLog, verifyAuditLogAgainst } from '../../services/audit.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, parseFormat, printJson, printReport, UsageError } from '../output.js';

export const auditHelp = [
  'audit verify [--anchor FILE] [--format text|json]   監査ログ検証: check the audit log hash chain;',
  '      with --anchor, also that the log still extends a head exported earlier (truncation and rewriting fail).',
  '  audit head [--format text|json]                 監査ログ先頭: print the chain head {sequence, hash, time} to anchor elsewhere',
].join('\n');

export async function auditCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, anchor: { type: 'string' } },
    allowPositionals: true,
  });
  const format = parseFormat(values.format);
  const [sub, ...extra] = positionals;
  if ((sub !== 'verify' && sub !== 'head') || extra.length > 0) throw new UsageError('expected "audit verify" or "audit head"');
  if (sub === 'head') {
    if (values.anchor !== undefined) throw new UsageError('--anchor belongs to "audit verify"');
    const anchor = await withStore((store) => readAuditAnchor(store));
    printReport(
      io,
      format,
      () => anchor,
      () => `sequence ${anchor.sequence}\nhash ${anchor.hash || '(empty log)'}\ntime ${anchor.time ?? '-'}`,
    );
    return 0;
  }
  const anchor = values.anchor === undefined ? undefined : readAnchorFile(values.anchor);
  const verdict: AnchoredAuditVerdict = await withStore((store) => (anchor ? verifyAuditLogAgainst(store, anchor) : verifyAuditLog(store)));
  if (format === 'json') printJson(io, verdict);
  else if (verdict.ok) io.out(`ok: ${verdict.checked} audit entries, chain intact${anchor ? `, extends the anchor at entry ${anchor.sequence}` : ''}`);
  else io.out(`BROKEN at entry ${verdict.seq}: ${verdict.reason} (${verdict.checked} entries verified before it)`);
  const anchorVerdict = verdict.anchor;
  if (format === 'text' && !verdict.ok && anchorVerdict && !anchorVerdict.ok && anchorVerdict.reason !== verdict.reason) {
    io.out(`anchor: ${anchorVerdict.reason}`);
  }
  return verdict.ok ? 0 : 1;
}

/** Reads an anchor written by `audit head --format json`; errors name the file and the field. */
function readAnchorFile(file: string): AuditAnchor {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--anchor ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--anchor ${file}: not JSON (${(err as Error).message}); expected the output of "audit head --format json"`);
  }
  const parsed = AuditAnchorSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--anchor ${file}: ${issue?.path.join('.') || '(document)'}: ${issue?.message}; expected the output of "audit head --format json"`);
  }
  return parsed.data;
}
