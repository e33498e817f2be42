import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sbomQuality } from '../../core/sbom/sbom-quality.js';
import type { SbomDocument } from '../../core/sbom/sbom.types.js';
import { buildOsvIndex, matchComponents, type VulnerabilityMatch } from '../../core/vulnerability/osv-match.js';
import { readOsvPath } from '../../sbom/osv-files.js';
import { readSbom } from '../../sbom/read-sbom.js';
import { type CommandIO, failureJson, parseFormat, printFailure, printJson, UsageError } from '../output.js';

export const sbomHelp =
  'sbom FILE [--vulns PATH] [--format text|json]   read an SBOM (CycloneDX JSON/XML, SPDX JSON/tag-value), its quality and, with OSV records, its known vulnerabilities; no database (exit 1: a match, 2: unreadable)';

function readFile(path: string): Uint8Array | string {
  try {
    return readFileSync(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

async function matchesFor(doc: SbomDocument, vulns: string, io: CommandIO): Promise<VulnerabilityMatch[] | null> {
  let osv: Awaited<ReturnType<typeof readOsvPath>>;
  try {
    osv = await readOsvPath(vulns);
  } catch (err) {
    io.err(`tebiki sbom: ${vulns}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return null;
  }
  for (const p of osv.problems.slice(0, 20)) io.err(`${p.place}: ${p.message} (record skipped)`);
  const software = doc.components.filter((c) => !c.hardware);
  const { matches, undecided } = matchComponents(software, buildOsvIndex(osv.records));
  for (const u of undecided) io.err(`${u.purl}: ${u.id} not decided: ${u.reason}`);
  return matches;
}

/**
 * bin/tebiki sbom FILE: reads one SBOM with no database, reports what the NTIA
 * minimum elements and BSI TR-03183-2 ask and is missing, and, with --vulns
 * (a folder of OSV JSON, an OSV file or an OSV all.zip), every known vulnerability.
 */
export async function sbomCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { vulns: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true, strict: true });
  const format = parseFormat(values.format);
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('expected one SBOM file: sbom FILE');
  const path = resolve(positionals[0]);
  const bytes = readFile(path);
  if (typeof bytes === 'string') {
    printFailure(io, format, 'sbom', { code: 'unreadable', message: `${path} ${bytes}` });
    return 2;
  }
  const read = readSbom(bytes);
  if (!read.ok) {
    if (format === 'json')
      printJson(io, failureJson({ code: 'validation-failed', message: `${path} is not a valid SBOM` }, { file: path, problems: read.problems }));
    for (const p of read.problems) io.err(`${path}: ${p.place}: ${p.message}`);
    return 2;
  }
  const doc = read.document;
  const quality = sbomQuality(doc);
  const matches = values.vulns === undefined ? [] : await matchesFor(doc, resolve(values.vulns), io);
  if (matches === null) return 2;
  if (format === 'json') {
    printJson(io, {
      sbom: { format: doc.format, specVersion: doc.specVersion, components: doc.components.length },
      quality: quality.entries,
      matches: matches.map((m) => ({ purl: m.purl, id: m.id, aliases: m.aliases, severity: m.severity, fixed: m.fixed })),
    });
  } else printText(io, doc, quality, matches);
  return matches.length > 0 ? 1 : 0;
}

function printText(io: CommandIO, doc: SbomDocument, quality: ReturnType<typeof sbomQuality>, matches: VulnerabilityMatch[]): void {
  const hardware = doc.components.filter((c) => c.hardware).length;
  io.out(`${doc.format} ${doc.specVersion} (${doc.encoding}): ${doc.components.length} components${hardware ? `, ${hardware} hardware (not matched)` : ''}`);
  const [document, ...components] = quality.entries;
  io.out(`document: ${document?.missing.length ? `missing ${document.missing.join(', ')}` : 'complete'}`);
  io.out(`components: ${quality.incomplete} of ${quality.judged} miss something`);
  for (const c of components) io.out(`  ${c.component}: ${c.missing.join(', ')}`);
  io.out(`known vulnerabilities: ${matches.length}`);
  for (const m of matches) {
    const severity = m.severity.score !== null ? `${m.severity.level} ${m.severity.score}` : m.severity.level;
    const aliases = m.aliases.length ? ` (${m.aliases.join(', ')})` : '';
    io.out(`  ${m.purl}  ${m.id}${aliases}  ${severity}  ${m.range}  ${m.fixed ? `fixed in ${m.fixed}` : 'no fixed version'}`);
  }
}
