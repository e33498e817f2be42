import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultContentDir } from '../../content/content-dir.js';
import { analyseFirmware, type FirmwareAnalysis } from '../../firmware/analyse-firmware.js';
import { parseDefaults } from '../../firmware/checks/check-context.js';
import { firmwareLinks, requirementsOf } from '../../firmware/firmware-links.js';
import { UnpackError } from '../../firmware/unpack/unpack.types.js';
import { type CommandIO, parseFormat, printReport, UsageError } from '../output.js';
import { writeAtomically } from '../write-file.js';

export const firmwareHelp =
  'firmware IMAGE_OR_DIR [--defaults FILE] [--sbom-out FILE] [--format text|json]   firmware analysis: accounts, keys, secrets, boot services, ELF hardening, permissions, SBOM (exit 1 when a check fails, 2 when the image cannot be read)';

/**
 * Unpacks and analyses a firmware image (or an extracted root folder), offline.
 * Progress goes to stderr; the report to stdout.
 */
export async function firmwareCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { defaults: { type: 'string' }, 'sbom-out': { type: 'string' }, format: { type: 'string' }, content: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const format = parseFormat(values.format);
  if (positionals.length !== 1) throw new UsageError('give exactly one IMAGE_OR_DIR');
  const input = resolve(positionals[0] as string);
  const defaults = values.defaults === undefined ? { credentials: [] } : parseDefaults(readDefaults(values.defaults));
  const links = firmwareLinks(resolve(values.content ?? defaultContentDir()));
  let analysis: FirmwareAnalysis;
  try {
    analysis = await analyseFirmware(input, { defaults, progress: (m) => io.err(`firmware: ${m}`) });
  } catch (err) {
    if (err instanceof UnpackError || (err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EACCES') {
      io.err(`tebiki firmware: cannot read ${positionals[0]}: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
  if (values['sbom-out'] !== undefined) writeAtomically(resolve(values['sbom-out']), analysis.sbom);
  printReport(
    io,
    format,
    () => jsonReport(analysis, links),
    () => textReport(analysis),
  );
  return analysis.findings.some((f) => f.verdict === 'fail') ? 1 : 0;
}

function readDefaults(file: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (err) {
    throw new UsageError(`--defaults ${file}: ${(err as Error).message}`);
  }
}

export function jsonReport(a: FirmwareAnalysis, links: ReturnType<typeof firmwareLinks>) {
  return {
    run: a.run,
    image: { sha256: a.image.sha256, format: a.image.format },
    files: a.files,
    findings: a.findings.map((f) => ({
      check: f.check,
      path: f.target,
      verdict: f.verdict,
      requirements: requirementsOf(links, f.check),
      summary: f.summary,
      evidence: f.evidence,
    })),
    binaries: a.binaries.map((b) => ({ path: b.path, arch: b.arch, nx: b.nx, pie: b.pie, relro: b.relro, canary: b.canary, fortify: b.fortify })),
    ...(a.unsupported.length > 0 ? { unsupported: a.unsupported } : {}),
  };
}

function textReport(a: FirmwareAnalysis): string {
  const lines = [`${a.image.format}  sha256 ${a.image.sha256}  ${a.files} files  ${a.binaries.length} ELF binaries  ${a.components.length} components`];
  for (const f of a.findings) {
    if (f.verdict === 'pass' && f.check === 'fw.elf-hardening') continue;
    lines.push(`${f.verdict.padEnd(14)} ${f.check.padEnd(20)} ${f.target}  ${f.summary.en}`);
  }
  const passedBinaries = a.findings.filter((f) => f.check === 'fw.elf-hardening' && f.verdict === 'pass').length;
  if (passedBinaries > 0) lines.push(`pass           fw.elf-hardening     ${passedBinaries} binaries hardened`);
  for (const u of a.unsupported) lines.push(`not unpacked   ${u.format} at ${u.offset}: ${u.note}`);
  return lines.join('\n');
}
