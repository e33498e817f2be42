import { parseArgs } from 'node:util';
import { type EditionStats, editionStats } from '../../core/edition-stats.js';
import { type CommandIO, parseFormat, printView } from '../output.js';
import { commandEdition, EDITION_OPTIONS, refuseBothEditionSources } from '../edition-option.js';

export const statsHelp =
  'stats [--edition ID | --content DIR] --format text|json   figures of an edition: items, terms, matrix, coverage per standard, relationships, review states';

export async function statsCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({ args, options: { ...EDITION_OPTIONS, format: { type: 'string' } }, strict: true });
  const format = parseFormat(values.format);
  refuseBothEditionSources(values);
  const resolved = await commandEdition({ editionId: values.edition, contentDir: values.content });
  const stats = editionStats(resolved.edition);
  printView(io, format, stats, statsText);
  return 0;
}

/** Plain-text rendering: one line per figure, a table per standard. */
export function statsText(s: EditionStats): string {
  const lines = [`edition ${s.edition}: ${s.requirements} requirements, ${s.glossaryTerms} glossary terms`, '', 'layer × phase:'];
  for (const [layer, phases] of Object.entries(s.matrix)) {
    lines.push(
      `  ${layer.padEnd(9)} ${Object.entries(phases)
        .map(([p, n]) => `${p}=${n}`)
        .join(' ')}`,
    );
  }
  lines.push('', 'standard                total covered partial out-of-scope pending gaps supportive');
  for (const st of s.standards) {
    lines.push(
      `  ${st.id.padEnd(21)} ${[st.total, st.covered, st.partial, st.outOfScope, st.pending, st.gaps, st.supportive].map((n, i) => String(n).padStart([5, 7, 7, 12, 7, 4, 10][i] ?? 5)).join(' ')}`,
    );
  }
  lines.push(
    '',
    `relationships: ${Object.entries(s.relationships)
      .map(([k, n]) => `${k}=${n}`)
      .join(' ')}`,
  );
  lines.push(
    `review: ${Object.entries(s.review)
      .map(([k, n]) => `${k}=${n}`)
      .join(' ')}`,
  );
  return lines.join('\n');
}
