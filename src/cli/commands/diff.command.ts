import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { coverageChange } from '../../core/coverage/coverage-diff.js';
import { diffEditions } from '../../core/edition-diff.js';
import type { Edition } from '../../core/model/edition.schema.js';
import { type CommandIO, parseFormat, printJson, UsageError } from '../output.js';
import { commandEdition } from '../edition-option.js';

export const diffHelp =
  'diff EDITION_A EDITION_B [--format text|json]   requirements, mappings, terms and coverage per standard that changed (ids from the database, or content folders)';

/** An edition id from the database, or a content folder when the argument is a directory. */
async function editionFrom(arg: string): Promise<Edition> {
  const isDir = existsSync(arg) && statSync(arg).isDirectory();
  return (await commandEdition(isDir ? { contentDir: arg } : { editionId: arg })).edition;
}

/** bin/tebiki diff A B: what changed from A to B, field by field, with the coverage change per standard. */
export async function diffCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true, strict: true });
  const format = parseFormat(values.format);
  const [a, b] = positionals;
  if (!a || !b || positionals.length !== 2) throw new UsageError('expected two editions: diff EDITION_A EDITION_B');
  const before = await editionFrom(a);
  const after = await editionFrom(b);
  const diff = diffEditions(before, after);
  const coverage = coverageChange(before, after);
  if (format === 'json') {
    printJson(io, { ...diff, coverage });
    return 0;
  }
  const s = diff.summary;
  const lines = [
    `${diff.from.id} → ${diff.to.id}`,
    `requirements: +${s.requirementsAdded} -${s.requirementsRemoved} ~${s.requirementsChanged}; mappings: +${s.mappingsAdded} -${s.mappingsRemoved} ~${s.mappingsChanged}; terms: +${s.termsAdded} -${s.termsRemoved} ~${s.termsChanged}`,
    ...diff.requirements.added.map((r) => `  + ${r.number} ${r.title.ja}`),
    ...diff.requirements.removed.map((r) => `  - ${r.number} ${r.title.ja}`),
    ...diff.requirements.changed.map((r) => `  ~ ${r.number} ${r.title.ja}: ${r.fields.map((f) => f.field).join(', ')}`),
    ...diff.mappings.map(
      (m) =>
        `  ${m.kind === 'added' ? '+' : m.kind === 'removed' ? '-' : '~'} ${m.number} → ${m.standard} ${m.target}${m.after ? ` (${m.after.relationship})` : ''}`,
    ),
    'coverage:',
    ...coverage
      .filter((c) => c.changed.length > 0 || !c.before || !c.after)
      .map((c) => `  ${c.standard}: ${c.changed.map((x) => `${x.id} ${x.from ?? '—'}→${x.to ?? '—'}`).join(', ') || (c.before ? 'removed' : 'added')}`),
  ];
  if (s.unchanged) lines.push('no differences');
  io.out(lines.join('\n'));
  return 0;
}
