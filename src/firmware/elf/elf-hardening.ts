/**
 * Binary hardening of one ELF file, decided the way Debian's `checksec --file`
 * (2.6) decides it, so that the two agree (test/firmware/checksec-agreement.test.ts):
 * - NX: a PT_GNU_STACK header that is not RWE
 * - PIE: ET_DYN (an ET_DYN with DT_DEBUG is a PIE executable, without one a shared object)
 * - RELRO: PT_GNU_RELRO → partial; plus DT_BIND_NOW or DF_BIND_NOW → full
 * - canary: a symbol __stack_chk_fail / __stack_chk_guard / __intel_security_cookie
 * - FORTIFY: an imported *_chk function
 * - stripped: no .symtab section
 */
import { ELF_CONSTANTS as C, ET_DYN, ET_EXEC, type ElfFile } from './elf-parser.js';

export type Relro = 'none' | 'partial' | 'full';
export type ElfKind = 'executable' | 'pie-executable' | 'shared-object' | 'relocatable' | 'other';

export interface ElfHardening {
  arch: string;
  bits: 32 | 64;
  endian: 'little' | 'big';
  kind: ElfKind;
  nx: boolean;
  /** Position independent: a PIE executable or a shared object (checksec "PIE enabled" or "DSO"). */
  pie: boolean;
  relro: Relro;
  canary: boolean;
  fortify: boolean;
  /** The *_chk functions imported (what checksec counts as "fortified"). */
  fortified: number;
  rpath: string | null;
  runpath: string | null;
  stripped: boolean;
  /** No dynamic section and no interpreter: symbol-based answers (canary, fortify) may be blind. */
  staticallyLinked: boolean;
}

const CANARY = /__stack_chk_fail|__stack_chk_guard|__intel_security_cookie/;

export function hardeningOf(elf: ElfFile): ElfHardening {
  const stack = elf.programHeaders.find((p) => p.type === C.PT_GNU_STACK);
  const hasRelro = elf.programHeaders.some((p) => p.type === C.PT_GNU_RELRO);
  const bindNow = elf.dynamic.some((d) => d.tag === C.DT_BIND_NOW || (d.tag === C.DT_FLAGS && (d.value & BigInt(C.DF_BIND_NOW)) !== 0n));
  const hasDebug = elf.dynamic.some((d) => d.tag === C.DT_DEBUG);
  const imported = elf.dynsymNames.map((n) => n.replace(/^_*/, '').replace(/@.*/, ''));
  const fortified = new Set(imported.filter((n) => n.endsWith('_chk'))).size;
  return {
    arch: elf.machine,
    bits: elf.bits,
    endian: elf.endian,
    kind: kindOf(elf.type, hasDebug),
    nx: stack !== undefined && (stack.flags & 7) !== 7,
    pie: elf.type === ET_DYN,
    relro: hasRelro ? (bindNow ? 'full' : 'partial') : 'none',
    canary: elf.dynsymNames.some((n) => CANARY.test(n)) || elf.symtabNames.some((n) => CANARY.test(n)),
    fortify: fortified > 0,
    fortified,
    rpath: elf.dynamicStrings.rpath,
    runpath: elf.dynamicStrings.runpath,
    stripped: !elf.sections.some((s) => s.name === '.symtab'),
    staticallyLinked: elf.dynamic.length === 0 && elf.interpreter === null,
  };
}

function kindOf(type: number, hasDebug: boolean): ElfKind {
  if (type === ET_EXEC) return 'executable';
  if (type === ET_DYN) return hasDebug ? 'pie-executable' : 'shared-object';
  if (type === 1) return 'relocatable';
  return 'other';
}

/** What keeps a binary from passing fw.elf-hardening; empty when it passes. */
export function hardeningProblems(h: ElfHardening): string[] {
  if (h.kind === 'relocatable' || h.kind === 'other') return [];
  const problems: string[] = [];
  if (!h.nx) problems.push('no-nx');
  if (!h.pie) problems.push('no-pie');
  if (h.relro === 'none') problems.push('no-relro');
  if (!h.canary && !h.staticallyLinked) problems.push('no-canary');
  if (h.rpath) problems.push('rpath');
  if (h.runpath?.split(':').some((p) => !p.startsWith('/') && !p.startsWith('$ORIGIN'))) problems.push('relative-runpath');
  return problems;
}
