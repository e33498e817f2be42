/**
 * A small ELF reader of our own (no native dependencies): 32/64-bit, little and
 * big endian, any machine. It reads just what the hardening check needs: the
 * header, program headers, section headers, the dynamic section and the names
 * in .dynsym and .symtab. Never executes anything; malformed offsets raise
 * ElfError instead of reading past the buffer.
 */

export class ElfError extends Error {}

export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const PT_GNU_STACK = 0x6474e551;
const PT_GNU_RELRO = 0x6474e552;
const SHT_SYMTAB = 2;
const SHT_DYNSYM = 11;
const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_RPATH = 15;
const DT_DEBUG = 21;
const DT_BIND_NOW = 24;
const DT_FLAGS = 30;
const DT_RUNPATH = 29;
const DF_BIND_NOW = 0x8;

const MACHINES: Record<number, string> = {
  3: 'x86',
  8: 'mips',
  20: 'powerpc',
  21: 'powerpc64',
  40: 'arm',
  62: 'x86-64',
  183: 'aarch64',
  243: 'riscv',
};

export interface ProgramHeader {
  type: number;
  flags: number;
  offset: number;
  filesz: number;
}

export interface SectionHeader {
  name: string;
  type: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

export interface DynamicEntry {
  tag: number;
  value: bigint;
}

export interface ElfFile {
  bits: 32 | 64;
  endian: 'little' | 'big';
  type: number;
  machine: string;
  programHeaders: ProgramHeader[];
  sections: SectionHeader[];
  dynamic: DynamicEntry[];
  /** Strings the dynamic section points at (DT_NEEDED, DT_RPATH, DT_RUNPATH), by tag. */
  dynamicStrings: { needed: string[]; rpath: string | null; runpath: string | null };
  dynsymNames: string[];
  symtabNames: string[];
  interpreter: string | null;
}

export function isElf(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46;
}

/** Parses an ELF image held in memory. */
export function parseElf(buf: Buffer): ElfFile {
  if (buf.length < 52 || !isElf(buf)) throw new ElfError('not an ELF file');
  const bits = buf[4] === 2 ? 64 : buf[4] === 1 ? 32 : null;
  const endian = buf[5] === 1 ? 'little' : buf[5] === 2 ? 'big' : null;
  if (!bits || !endian) throw new ElfError(`unknown ELF class ${buf[4]} or data encoding ${buf[5]}`);
  const r = new Reader(buf, bits, endian);
  const type = r.u16(16);
  const machineId = r.u16(18);
  const phoff = r.addr(bits === 64 ? 32 : 28);
  const shoff = r.addr(bits === 64 ? 40 : 32);
  const at = bits === 64 ? 54 : 42;
  const [phentsize, phnum, shentsize, shnum, shstrndx] = [r.u16(at), r.u16(at + 2), r.u16(at + 4), r.u16(at + 6), r.u16(at + 8)];
  const programHeaders = readProgramHeaders(r, phoff, phentsize, phnum);
  const sections = readSections(r, shoff, shentsize, shnum, shstrndx);
  const dynamic = readDynamic(r, programHeaders, sections);
  return {
    bits,
    endian,
    type,
    machine: MACHINES[machineId] ?? `machine-${machineId}`,
    programHeaders,
    sections,
    dynamic,
    dynamicStrings: dynamicStrings(r, dynamic, programHeaders, sections),
    dynsymNames: symbolNames(r, sections, SHT_DYNSYM),
    symtabNames: symbolNames(r, sections, SHT_SYMTAB),
    interpreter: interpreter(r, programHeaders),
  };
}

class Reader {
  constructor(
    readonly buf: Buffer,
    readonly bits: 32 | 64,
    readonly endian: 'little' | 'big',
  ) {}
  check(offset: number, size: number): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + size > this.buf.length) {
      throw new ElfError(`offset ${offset}+${size} lies outside the file (${this.buf.length} bytes)`);
    }
  }
  u16(o: number): number {
    this.check(o, 2);
    return this.endian === 'little' ? this.buf.readUInt16LE(o) : this.buf.readUInt16BE(o);
  }
  u32(o: number): number {
    this.check(o, 4);
    return this.endian === 'little' ? this.buf.readUInt32LE(o) : this.buf.readUInt32BE(o);
  }
  u64(o: number): bigint {
    this.check(o, 8);
    return this.endian === 'little' ? this.buf.readBigUInt64LE(o) : this.buf.readBigUInt64BE(o);
  }
  /** An address or offset field: 4 bytes in ELF32, 8 in ELF64, as a number when it fits. */
  addr(o: number): number {
    if (this.bits === 32) return this.u32(o);
    const v = this.u64(o);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`value at ${o} is out of range`);
    return Number(v);
  }
  word(o: number): bigint {
    return this.bits === 32 ? BigInt(this.u32(o)) : this.u64(o);
  }
  cstring(o: number, limit = 4096): string {
    if (o < 0 || o >= this.buf.length) return '';
    let end = o;
    while (end < this.buf.length && end - o < limit && this.buf[end] !== 0) end++;
    return this.buf.toString('latin1', o, end);
  }
}

function readProgramHeaders(r: Reader, phoff: number, size: number, count: number): ProgramHeader[] {
  if (count === 0) return [];
  if (count > 4096) throw new ElfError(`${count} program headers`);
  const out: ProgramHeader[] = [];
  for (let i = 0; i < count; i++) {
    const o = phoff + i * size;
    if (r.bits === 64) out.push({ type: r.u32(o), flags: r.u32(o + 4), offset: r.addr(o + 8), filesz: r.addr(o + 32) });
    else out.push({ type: r.u32(o), offset: r.u32(o + 4), filesz: r.u32(o + 16), flags: r.u32(o + 24) });
  }
  return out;
}

function readSections(r: Reader, shoff: number, size: number, count: number, strndx: number): SectionHeader[] {
  if (shoff === 0 || count === 0) return [];
  if (count > 65535) throw new ElfError(`${count} sections`);
  const raw: (Omit<SectionHeader, 'name'> & { nameOffset: number })[] = [];
  for (let i = 0; i < count; i++) {
    const o = shoff + i * size;
    if (r.bits === 64) {
      raw.push({ nameOffset: r.u32(o), type: r.u32(o + 4), offset: r.addr(o + 24), size: r.addr(o + 32), link: r.u32(o + 40), entsize: r.addr(o + 56) });
    } else {
      raw.push({ nameOffset: r.u32(o), type: r.u32(o + 4), offset: r.u32(o + 16), size: r.u32(o + 20), link: r.u32(o + 24), entsize: r.u32(o + 36) });
    }
  }
  const names = raw[strndx];
  return raw.map(({ nameOffset, ...s }) => ({ ...s, name: names ? r.cstring(names.offset + nameOffset, 256) : '' }));
}

function readDynamic(r: Reader, phs: ProgramHeader[], sections: SectionHeader[]): DynamicEntry[] {
  const ph = phs.find((p) => p.type === PT_DYNAMIC);
  const sec = sections.find((s) => s.name === '.dynamic');
  const region = ph ? { offset: ph.offset, size: ph.filesz } : sec ? { offset: sec.offset, size: sec.size } : null;
  if (!region) return [];
  const entry = r.bits === 64 ? 16 : 8;
  const out: DynamicEntry[] = [];
  for (let o = region.offset; o + entry <= region.offset + region.size; o += entry) {
    const tag = Number(r.word(o));
    if (tag === DT_NULL) break;
    out.push({ tag, value: r.word(o + entry / 2) });
  }
  return out;
}

/** DT_STRTAB holds a virtual address; .dynstr (or the section DT_* strings live in) gives its file offset. */
function dynamicStrings(r: Reader, dynamic: DynamicEntry[], _phs: ProgramHeader[], sections: SectionHeader[]): ElfFile['dynamicStrings'] {
  const dynstr = sections.find((s) => s.name === '.dynstr');
  const hasStrtab = dynamic.some((d) => d.tag === DT_STRTAB);
  const str = (d: DynamicEntry | undefined) => (d && dynstr ? r.cstring(dynstr.offset + Number(d.value)) : d ? '?' : null);
  return {
    needed: hasStrtab && dynstr ? dynamic.filter((d) => d.tag === DT_NEEDED).map((d) => r.cstring(dynstr.offset + Number(d.value))) : [],
    rpath: str(dynamic.find((d) => d.tag === DT_RPATH)),
    runpath: str(dynamic.find((d) => d.tag === DT_RUNPATH)),
  };
}

function symbolNames(r: Reader, sections: SectionHeader[], type: number): string[] {
  const table = sections.find((s) => s.type === type);
  if (!table) return [];
  const strings = sections[table.link];
  if (!strings) return [];
  const entry = table.entsize || (r.bits === 64 ? 24 : 16);
  const count = Math.min(Math.floor(table.size / entry), 1_000_000);
  const names: string[] = [];
  for (let i = 1; i < count; i++) {
    const name = r.cstring(strings.offset + r.u32(table.offset + i * entry), 512);
    if (name) names.push(name);
  }
  return names;
}

function interpreter(r: Reader, phs: ProgramHeader[]): string | null {
  const ph = phs.find((p) => p.type === PT_INTERP);
  return ph ? r.cstring(ph.offset, Math.min(ph.filesz, 4096)) : null;
}

export const ELF_CONSTANTS = { PT_GNU_STACK, PT_GNU_RELRO, DT_DEBUG, DT_BIND_NOW, DT_FLAGS, DF_BIND_NOW };
