import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultContentDir } from '../../content/content-dir.js';
import { loadContent } from '../../content/load-content.js';
import { extractKeywords, type KeywordCandidate } from '../../core/keywords.js';
import { type KeywordsResult, storedEditionKeywords } from '../../services/search.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, parseFormat, printFailure, printView, UsageError } from '../output.js';

export const keywordsHelp =
  'keywords [--content DIR | --edition ID] [--limit N] [--format text|json]   terms used in requirement texts that have no glossary entry (キーワード抽出)';

const DEFAULT_LIMIT = 100;
/** Requirement numbers shown per candidate in text output. */
const SHOWN_NUMBERS = 6;

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--limit must be a positive whole number, not "${value}"`);
  return Number(value);
}

/**
 * Lists candidate glossary terms, most frequent first: of the bundled content
 * (or --content DIR), or of an edition stored in the database (--edition ID).
 */
export async function keywordsCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { content: { type: 'string' }, edition: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' } },
    strict: true,
  });
  const format = parseFormat(values.format);
  const limit = parseLimit(values.limit);
  if (values.content !== undefined && values.edition !== undefined) throw new UsageError('give either --content or --edition, not both');

  let result: KeywordsResult;
  if (values.edition !== undefined) {
    const id = values.edition;
    result = await withStore((store) => storedEditionKeywords(store, id, limit));
  } else {
    const dir = resolve(values.content ?? defaultContentDir());
    const loaded = loadContent(dir);
    if (!loaded.ok) {
      const errors = loaded.problems.filter((p) => p.severity === 'error');
      if (format === 'json') {
        printFailure(
          io,
          format,
          'keywords',
          { code: 'content-invalid', message: `${dir}: ${errors.length} content error(s)` },
          { content: dir, problems: errors },
        );
        return 1;
      }
      for (const p of errors.slice(0, 10)) io.err(`${p.file}:${p.line}:${p.column}: ${p.message}`);
      io.err(`${dir}: ${errors.length} content error(s); bin/tebiki validate lists them all`);
      return 1;
    }
    result = { edition: loaded.edition.meta.id, candidates: extractKeywords(loaded.edition, { limit }) };
  }

  printView(io, format, result, renderText);
  return 0;
}

function renderText(result: KeywordsResult): string {
  const lines = [`edition ${result.edition}: ${result.candidates.length} candidate term(s) with no glossary entry, most frequent first`, ''];
  if (result.candidates.length === 0) return lines[0] as string;
  lines.push(`${'count'.padStart(6)} ${'items'.padStart(6)}  lang  term`);
  for (const c of result.candidates)
    lines.push(`${String(c.count).padStart(6)} ${String(c.requirements).padStart(6)}  ${c.lang.padEnd(4)}  ${c.term}  (${numbers(c)})`);
  return lines.join('\n');
}

function numbers(c: KeywordCandidate): string {
  const distinct = [...new Set(c.occurrences.map((o) => o.number))];
  const shown = distinct.slice(0, SHOWN_NUMBERS).join(', ');
  return distinct.length > SHOWN_NUMBERS ? `${shown}, … +${distinct.length - SHOWN_NUMBERS}` : shown;
}
