/**
 * fw.elf-hardening: every ELF executable and shared library in the image,
 * judged with the checksec rules (../elf/elf-hardening.ts). One finding per
 * binary, and the binary table the CLI and the UI show.
 */
import type { Finding, FindingVerdict } from '../../core/evidence/finding.types.js';
import { ElfError, parseElf } from '../elf/elf-parser.js';
import { type ElfHardening, hardeningOf, hardeningProblems } from '../elf/elf-hardening.js';
import { imageFiles, readImageFile } from '../firmware-image.js';
import { type CheckContext, finding } from './check-context.js';

const MAX_ELF = 512 * 1024 * 1024;

export interface BinaryRow extends ElfHardening {
  path: string;
}

export function elfHardeningCheck(ctx: CheckContext): { findings: Finding[]; binaries: BinaryRow[] } {
  const findings: Finding[] = [];
  const binaries: BinaryRow[] = [];
  for (const entry of imageFiles(ctx.image, 'elf')) {
    const bytes = readImageFile(ctx.image, entry.path, MAX_ELF);
    if (!bytes) continue;
    let h: ElfHardening;
    try {
      h = hardeningOf(parseElf(bytes));
    } catch (err) {
      const message = err instanceof ElfError ? err.message : String(err);
      findings.push(finding('fw.elf-hardening', entry.path, 'error', { ja: `ELF を読めません: ${message}`, en: `unreadable ELF: ${message}` }, {}, ctx.at));
      continue;
    }
    if (h.kind === 'relocatable' || h.kind === 'other') continue;
    binaries.push({ path: entry.path, ...h });
    findings.push(judge(entry.path, h, ctx.at));
  }
  if (findings.length === 0) {
    findings.push(finding('fw.elf-hardening', '/', 'not-applicable', { ja: 'ELF バイナリがありません', en: 'No ELF binary in the image' }, {}, ctx.at));
  }
  return { findings, binaries };
}

function judge(path: string, h: ElfHardening, at: string): Finding {
  const problems = hardeningProblems(h);
  const blindCanary = !h.canary && h.staticallyLinked && h.stripped;
  const verdict: FindingVerdict = problems.length > 0 ? 'fail' : blindCanary ? 'inconclusive' : 'pass';
  const evidence = {
    arch: h.arch,
    bits: h.bits,
    endian: h.endian,
    kind: h.kind,
    nx: h.nx,
    pie: h.pie,
    relro: h.relro,
    canary: h.canary,
    fortify: h.fortify,
    rpath: h.rpath,
    runpath: h.runpath,
    stripped: h.stripped,
    problems,
  };
  const summary =
    verdict === 'fail'
      ? { ja: `堅牢化の不足: ${problems.join(', ')}`, en: `hardening missing: ${problems.join(', ')}` }
      : verdict === 'inconclusive'
        ? { ja: '静的リンクでシンボルがなく、カナリアを判定できません', en: 'static and stripped: the canary cannot be seen' }
        : { ja: 'NX・PIE・RELRO・カナリアあり', en: 'NX, PIE, RELRO and canary present' };
  return finding('fw.elf-hardening', path, verdict, summary, evidence, at);
}
