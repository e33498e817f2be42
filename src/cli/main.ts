import { auditCommand, auditHelp } from './commands/audit.command.js';
import { backupCommand, backupHelp, restoreCommand, restoreHelp } from './commands/backup.command.js';
import { checksheetCommand, checksheetHelp } from './commands/checksheet.command.js';
import { coverageCommand, coverageHelp, gapsCommand, gapsHelp } from './commands/coverage.command.js';
import { dbCommand, dbHelp } from './commands/db.command.js';
import { diffCommand, diffHelp } from './commands/diff.command.js';
import { exportCommand, exportHelp } from './commands/export.command.js';
import { firmwareCommand, firmwareHelp } from './commands/firmware.command.js';
import { guidebookCommand, guidebookHelp } from './commands/guidebook.command.js';
import { importCommand, importHelp } from './commands/import.command.js';
import { keywordsCommand, keywordsHelp } from './commands/keywords.command.js';
import { packCommand, packHelp } from './commands/pack.command.js';
import { probeCommand, probeHelp } from './commands/probe.command.js';
import { publishCommand, publishHelp } from './commands/publish.command.js';
import { sbomCommand, sbomHelp } from './commands/sbom.command.js';
import { setupLinkCommand, setupLinkHelp } from './commands/setup-link.command.js';
import { standardsCommand, standardsHelp } from './commands/standards.command.js';
import { statsCommand, statsHelp } from './commands/stats.command.js';
import { validateCommand, validateHelp } from './commands/validate.command.js';
import { type CommandIO, failureJson, jsonAsked, printJson, processIO, UsageError } from './output.js';

type Command = (args: string[], io: CommandIO) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  validate: { run: validateCommand, help: validateHelp },
  coverage: { run: coverageCommand, help: coverageHelp },
  gaps: { run: gapsCommand, help: gapsHelp },
  diff: { run: diffCommand, help: diffHelp },
  db: { run: dbCommand, help: dbHelp },
  audit: { run: auditCommand, help: auditHelp },
  backup: { run: backupCommand, help: backupHelp },
  restore: { run: restoreCommand, help: restoreHelp },
  'setup-link': { run: setupLinkCommand, help: setupLinkHelp },
  standards: { run: standardsCommand, help: standardsHelp },
  publish: { run: publishCommand, help: publishHelp },
  guidebook: { run: guidebookCommand, help: guidebookHelp },
  export: { run: exportCommand, help: exportHelp },
  import: { run: importCommand, help: importHelp },
  keywords: { run: keywordsCommand, help: keywordsHelp },
  checksheet: { run: checksheetCommand, help: checksheetHelp },
  sbom: { run: sbomCommand, help: sbomHelp },
  probe: { run: probeCommand, help: probeHelp },
  firmware: { run: firmwareCommand, help: firmwareHelp },
  stats: { run: statsCommand, help: statsHelp },
  pack: { run: packCommand, help: packHelp },
};

function usage(): string {
  return [
    'usage: tebiki <command> [options]',
    '',
    'commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.help}`),
    '',
    'output: every command answers in JSON with --format json (one document on stdout; a refusal is {"ok": false, "error": {...}});',
    '  where --format names the document written (checksheet, guidebook, export vex), --json prints the status (out, bytes, counts) as JSON.',
    '  A usage error (exit 2) is text on stderr only.',
  ].join('\n');
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
    // A failure the command did not report itself: with JSON asked, stdout still carries one document.
    if (jsonAsked(rest)) {
      const code = (err as { code?: unknown }).code;
      printJson(io, failureJson({ code: typeof code === 'string' ? code : 'failed', message: (err as Error).message }));
    }
    io.err(`tebiki ${name}: ${(err as Error).message}`);
    return 1;
  }
}
