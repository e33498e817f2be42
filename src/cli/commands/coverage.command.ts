import { parseArgs } from 'node:util';
import { coverageOf, itemsBackedByNoStandard } from '../../core/coverage/coverage.js';
import type { CoverageFilters, CoverageReport } from '../../core/coverage/coverage.types.js';
import type { Edition } from '../../core/model/edition.schema.js';
import { describeOrigin } from '../../publish/edition-source.js';
import { coverageCsv, coverageHtml, coverageText, gapsText } from '../../reports/coverage-report.js';
import { type CommandIO, printJson, UsageError } from '../output.js';
import { commandEdition, EDITION_OPTIONS, refuseBothEditionSources } from '../edition-option.js';

export const coverageHelp =
  'coverage [--standard ID] [--sl N] [--component-type T] [--status S] [--conditions A,B] [--reviewed-only] [--edition ID | --content DIR] --format text|json|csv|html   網羅性の確認';
export const gapsHelp = 'gaps [same options as coverage] --format text|json|csv   差分抽出: the requirements no item answers (and those pending verification)';

const OPTIONS = {
  standard: { type: 'string' },
  sl: { type: 'string' },
  'component-type': { type: 'string' },
  status: { type: 'string' },
  conditions: { type: 'string' },
  'reviewed-only': { type: 'boolean' },
  ...EDITION_OPTIONS,
  format: { type: 'string' },
} as const;

type Format = 'text' | 'json' | 'csv' | 'html';

/** Reads the options both commands share; every bad value is a usage error naming it. */
function parseCoverageArgs(args: string[], formats: readonly Format[]) {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true });
  const format = (values.format ?? 'text') as Format;
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${values.format}"`);
  refuseBothEditionSources(values);
  const filters: CoverageFilters = {};
  if (values.sl !== undefined) {
    if (!/^[1-4]$/.test(values.sl)) throw new UsageError(`--sl must be 1, 2, 3 or 4, not "${values.sl}"`);
    filters.securityLevel = Number(values.sl);
  }
  const type = values['component-type'];
  if (type !== undefined) {
    if (!['cr', 'sar', 'edr', 'hdr', 'ndr'].includes(type)) throw new UsageError(`--component-type must be cr, sar, edr, hdr or ndr, not "${type}"`);
    filters.componentType = type;
  }
  if (values.status !== undefined) {
    const statuses = values.status.split(',');
    for (const s of statuses) if (!['mandatory', 'recommended'].includes(s)) throw new UsageError(`--status takes mandatory and/or recommended, not "${s}"`);
    filters.statuses = statuses;
  }
  if (values.conditions !== undefined) filters.conditionsHeld = values.conditions.split(',').filter(Boolean);
  if (values['reviewed-only']) filters.reviewedOnly = true;
  return { values, format, filters };
}

async function reportsFor(values: { standard?: string; edition?: string; content?: string }, filters: CoverageFilters) {
  const resolved = await commandEdition({ editionId: values.edition, contentDir: values.content });
  const edition: Edition = resolved.edition;
  const ids = values.standard ? [values.standard] : edition.standards.map((s) => s.id);
  for (const id of ids) {
    if (!edition.standards.some((s) => s.id === id)) {
      throw new UsageError(`--standard "${id}" is not in edition ${edition.meta.id}; it has: ${edition.standards.map((s) => s.id).join(', ')}`);
    }
  }
  const conditionIds = new Set(ids.flatMap((id) => Object.keys(edition.standards.find((s) => s.id === id)?.conditions ?? {})));
  for (const c of filters.conditionsHeld ?? []) if (!conditionIds.has(c)) throw new UsageError(`--conditions: "${c}" is not a condition of ${ids.join(', ')}`);
  return { resolved, edition, reports: ids.map((id) => coverageOf(edition, id, filters)) };
}

/** bin/tebiki coverage: per standard, covered / partial / out of scope / pending / gap, with the items behind each. */
export async function coverageCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, format, filters } = parseCoverageArgs(args, ['text', 'json', 'csv', 'html']);
  const { resolved, edition, reports } = await reportsFor(values, filters);
  const unbacked = itemsBackedByNoStandard(edition).map((r) => ({ id: r.id, number: r.number, title: r.title }));
  if (format === 'json') printJson(io, { edition: { id: edition.meta.id, hash: resolved.hash }, filters, reports, unbacked });
  else if (format === 'csv') io.out(coverageCsv(reports));
  else if (format === 'html') io.out(coverageHtml(edition, reports, unbacked));
  else io.out(`${describeOrigin(resolved)}\n\n${coverageText(reports, unbacked)}`);
  return 0;
}

/** bin/tebiki gaps: only what no item answers, and what is pending verification. Exit 1 when there are gaps. */
export async function gapsCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, format, filters } = parseCoverageArgs(args, ['text', 'json', 'csv']);
  const { edition, reports } = await reportsFor(values, filters);
  const pick = (r: CoverageReport, status: 'gap' | 'pending') =>
    r.requirements.flatMap((x) => [x, ...(filters.securityLevel !== undefined ? x.enhancements : [])]).filter((x) => x.coverage === status);
  const gaps = reports.map((r) => ({ standard: r.standard.id, gaps: pick(r, 'gap'), pending: pick(r, 'pending') }));
  if (format === 'json') {
    printJson(io, {
      edition: edition.meta.id,
      filters,
      standards: gaps.map((g) => ({
        standard: g.standard,
        gaps: g.gaps.map((x) => ({ id: x.id, title: x.title })),
        pending: g.pending.map((x) => ({ id: x.id, title: x.title, reason: x.reason })),
      })),
    });
  } else if (format === 'csv') {
    io.out(coverageCsv(reports.map((r) => ({ ...r, requirements: r.requirements.filter((x) => x.coverage === 'gap' || x.coverage === 'pending') }))));
  } else {
    io.out(gapsText(gaps));
  }
  return gaps.some((g) => g.gaps.length > 0) ? 1 : 0;
}
