import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ANONYMOUS } from '../../core/authorization.js';
import { AppError } from '../../core/errors.js';
import type { Problem } from '../../core/problems.js';
import { loadContent } from '../../content/load-content.js';
import { importEdition } from '../../services/editions.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, parseFormat, printJson, runSubcommand, type Subcommand, UsageError } from '../output.js';
import { importOscalCommand, importOscalHelp } from './oscal.command.js';
import { importKevCommand, importKevHelp, importOsvCommand, importOsvHelp } from './vulnerability-import.command.js';

export const importHelp = [
  'import content DIR [--format text|json]   validate content files and store them as an edition (an existing id must have the same content)',
  `  ${importOscalHelp}`,
  `  ${importOsvHelp}`,
  `  ${importKevHelp}`,
].join('\n');

const IMPORTS: Readonly<Record<string, Subcommand>> = {
  content: { usage: 'content DIR', run: (args, io) => importContentCommand(args, io) },
  oscal: { usage: 'oscal FILE', run: importOscalCommand },
  osv: { usage: 'osv PATH', run: importOsvCommand },
  kev: { usage: 'kev FILE', run: importKevCommand },
};

/** bin/tebiki import content|oscal|osv|kev. */
export function importCommand(args: string[], io: CommandIO): Promise<number> {
  return runSubcommand('import', IMPORTS, args, io);
}

const byPlace = (a: Problem, b: Problem) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/**
 * Loads a content folder with every check of `tebiki validate`; invalid
 * content is reported in full (file:line:column) and nothing is stored.
 * A stored edition of the same id is left alone: same content → unchanged,
 * different content → refused (published editions are immutable).
 */
async function importContentCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true, strict: true });
  const format = parseFormat(values.format);
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('expected one content folder: import content DIR');
  const dir = resolve(positionals[0]);
  const loaded = loadContent(dir);
  const problems = [...loaded.problems].sort(byPlace);
  if (!loaded.ok) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    if (format === 'json') printJson(io, { ok: false, content: dir, errors, warnings: problems.length - errors, problems });
    else {
      for (const p of problems) io.out(`${p.file}:${p.line}:${p.column}: ${p.severity} [${p.code}] ${p.message}`);
      io.out(`${errors} error(s): nothing imported`);
    }
    return 1;
  }
  try {
    const outcome = await withStore((store, config) => importEdition({ store, config, now: () => new Date() }, ANONYMOUS, loaded.edition));
    if (format === 'json') printJson(io, { ok: true, content: dir, ...outcome, editionStatus: loaded.edition.meta.status, problems });
    else {
      for (const p of problems) io.out(`${p.file}:${p.line}:${p.column}: ${p.severity} [${p.code}] ${p.message}`);
      io.out(`${outcome.status}: edition ${outcome.id} (${loaded.edition.meta.status})`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (format === 'json') printJson(io, { ok: false, content: dir, error: { code: err.code, message: err.message } });
    else io.err(`tebiki import: ${err.message}`);
    return 1;
  }
}
