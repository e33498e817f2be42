import { auditCommand, auditHelp } from './commands/audit.command.js';
import { dbCommand, dbHelp } from './commands/db.command.js';
import { setupLinkCommand, setupLinkHelp } from './commands/setup-link.command.js';
import { validateCommand, validateHelp } from './commands/validate.command.js';
import { type CommandIO, processIO, UsageError } from './output.js';

type Command = (args: string[], io: CommandIO) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  validate: { run: validateCommand, help: validateHelp },
  db: { run: dbCommand, help: dbHelp },
  audit: { run: auditCommand, help: auditHelp },
  'setup-link': { run: setupLinkCommand, help: setupLinkHelp },
};

function usage(): string {
  return ['usage: tebiki <command> [options]', '', 'commands:', ...Object.values(COMMANDS).map((c) => `  ${c.help}`)].join('\n');
}

/** Entry point of bin/tebiki. Returns the exit code; never throws. */
export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`tebiki: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`tebiki ${name}: ${(err as Error).message}\n  ${command.help}`);
      return 2;
    }
    if ((err as { code?: string }).code === 'config-invalid') {
      io.err(`tebiki ${name}: ${(err as Error).message}`);
      return 2;
    }
    io.err(`tebiki ${name}: ${(err as Error).message}`);
    return 1;
  }
}
