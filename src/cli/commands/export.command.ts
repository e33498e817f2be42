import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateEdition } from '../../core/validate-edition.js';
import { writeContent } from '../../content/export-content.js';
import { operatorEdition } from '../../services/editions.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, failureJson, parseFormat, printFailure, printJson, printReport, runSubcommand, type Subcommand, UsageError } from '../output.js';
import { exportOscalCommand, exportOscalHelp } from './oscal.command.js';
import { exportVexCommand, exportVexHelp } from './vex-export.command.js';

export const exportHelp = [
  'export content --edition ID --out DIR [--format text|json]   an edition from the database as content files (the layout of content/)',
  `  ${exportOscalHelp}`,
  `  ${exportVexHelp}`,
].join('\n');

const EXPORTS: Readonly<Record<string, Subcommand>> = {
  content: { usage: 'content', run: (args, io) => exportContentCommand(args, io) },
  'oscal-catalog': { usage: 'oscal-catalog', run: (args, io) => exportOscalCommand('oscal-catalog', args, io) },
  'oscal-mapping': { usage: 'oscal-mapping', run: (args, io) => exportOscalCommand('oscal-mapping', args, io) },
  vex: { usage: 'vex', run: exportVexCommand },
};

/** bin/tebiki export content|oscal-catalog|oscal-mapping|vex. */
export function exportCommand(args: string[], io: CommandIO): Promise<number> {
  return runSubcommand('export', EXPORTS, args, io);
}

/**
 * Writes a stored edition (published or draft) as YAML files that
 * `tebiki validate --content DIR` accepts and `tebiki import content DIR`
 * loads back to the same edition. DIR must be new or empty.
 */
async function exportContentCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({ args, options: { edition: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } }, strict: true });
  const format = parseFormat(values.format);
  if (!values.edition) throw new UsageError('--edition ID is required');
  if (!values.out) throw new UsageError('--out DIR is required');
  const id = values.edition;
  const out = resolve(values.out);
  const stored = (await withStore((store) => operatorEdition(store, id))).loaded;
  if (!stored) {
    if (format === 'json') printFailure(io, format, 'export', { code: 'not-found', message: `edition ${id} not found` });
    else io.err(`tebiki export: edition ${id} not found in the database`);
    return 1;
  }
  // Stored editions were validated when stored; checked again so a damaged row is never written out as content.
  const checked = validateEdition(stored.edition);
  if (!checked.ok) {
    const problems = checked.problems.filter((p) => p.severity === 'error');
    if (format === 'json') printJson(io, failureJson({ code: 'validation-failed', message: `stored edition ${id} is invalid` }, { problems }));
    else io.err([`tebiki export: stored edition ${id} is invalid:`, ...problems.map((p) => `  ${p.path}: ${p.message}`)].join('\n'));
    return 1;
  }
  const files = writeContent(checked.edition, out);
  printReport(
    io,
    format,
    () => ({ ok: true, edition: id, status: stored.summary.status, out, files: files.length }),
    () => `exported edition ${id} (${stored.summary.status}) to ${out}: ${files.length} files`,
  );
  return 0;
}
