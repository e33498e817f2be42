import { parseArgs } from 'node:util';
import { issueSetupLink } from '../../services/setup.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, parseFormat, printReport } from '../output.js';

export const setupLinkHelp = 'setup-link [--format text|json]                 issue a new one-time setup link (only while no admin exists)';

export async function setupLinkCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: 'string' } } });
  const format = parseFormat(values.format);
  const link = await withStore((store, config) => issueSetupLink({ store, config, now: () => new Date() }));
  printReport(
    io,
    format,
    () => ({ setupUrl: link }),
    () => (link ? `Open this one-time link within 24 hours to create the first administrator:\n  ${link}` : 'an administrator exists; no setup link needed'),
  );
  return link ? 0 : 1;
}
