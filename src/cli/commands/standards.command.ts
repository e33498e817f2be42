import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultContentDir } from '../../content/content-dir.js';
import { landscapeFile, loadLandscape, readCatalogSummaries } from '../../content/load-landscape.js';
import { describeUnknownFilter, type LandscapeEntryView, type LandscapeView, landscapeView, unknownLandscapeFilter } from '../../core/landscape.js';
import { type CommandIO, parseFormat, printFailure, printView, UsageError } from '../output.js';

export const standardsHelp =
  'standards [--sector ID] [--level ID] [--content DIR] [--format text|json]   which standards, regulations and schemes apply per sector and level';

/** Lists the standards landscape (content/landscape.yaml), filtered by sector and/or level. */
export function standardsCommand(args: string[], io: CommandIO): number {
  const { values } = parseArgs({
    args,
    options: { sector: { type: 'string' }, level: { type: 'string' }, content: { type: 'string' }, format: { type: 'string' } },
    strict: true,
  });
  const format = parseFormat(values.format);
  const dir = resolve(values.content ?? defaultContentDir());
  const catalogs = readCatalogSummaries(dir);
  const loaded = loadLandscape(landscapeFile(dir), new Set(catalogs.map((c) => c.id)));
  if (!loaded.ok) {
    if (format === 'json') {
      printFailure(io, format, 'standards', { code: 'content-invalid', message: 'the standards landscape is invalid' }, { problems: loaded.problems });
      return 1;
    }
    for (const p of loaded.problems) io.err(`${p.file}:${p.line}:${p.column}: ${p.severity} [${p.code}] ${p.message}`);
    io.err('the standards landscape is invalid; fix the problems above (bin/tebiki validate shows them too)');
    return 1;
  }
  const filter = { sector: values.sector, level: values.level };
  const unknown = unknownLandscapeFilter(loaded.landscape, filter);
  if (unknown.length > 0) throw new UsageError(unknown.map(describeUnknownFilter).join('; '));

  const view = landscapeView(loaded.landscape, catalogs, filter);
  printView(io, format, view, renderTable);
  return 0;
}

const NAME_WIDTH = 34;

function renderTable(view: LandscapeView): string {
  const lines: string[] = [];
  const axisLine = (key: string, id: string | undefined, axis: LandscapeView['sectors']) => {
    const found = axis.find((a) => a.id === id);
    if (found) lines.push(`${key}: ${found.id} (${found.label.ja} / ${found.label.en})`);
  };
  axisLine('sector', view.filter.sector, view.sectors);
  axisLine('level', view.filter.level, view.levels);
  const rows = view.entries.map((e) => [truncate(e.name, NAME_WIDTH), e.kind, e.confidence, catalogCell(e), e.levels.join(','), e.sectors.join(',')]);
  const header = ['NAME', 'KIND', 'CONFIDENCE', 'CATALOG', 'LEVELS', 'SECTORS'];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  lines.push(line(header), ...rows.map(line));
  const withCatalog = view.entries.filter((e) => e.catalog?.loaded).length;
  const recall = view.entries.filter((e) => e.confidence === 'recall').length;
  lines.push(
    '',
    `${view.total} entr${view.total === 1 ? 'y' : 'ies'}; ${withCatalog} with a loaded catalog; ${recall} from recall (not yet verified: do not rely on them as fact)`,
  );
  return lines.join('\n');
}

function catalogCell(e: LandscapeEntryView): string {
  if (!e.catalog) return '-';
  return e.catalog.loaded ? e.catalog.id : `${e.catalog.id} (not loaded)`;
}

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6)
  );
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Shortens to `width` columns with an ellipsis, so long Japanese titles keep the table aligned. */
function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}
