/**
 * Finds filesystems and compressed streams embedded in a raw flash image by
 * their magic numbers, validated enough to skip most false hits (a SquashFS
 * superblock of version 4, a gzip header with sane flags, a tar checksum).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { type Magic, magicOf } from './content-kind.js';

export interface Embedded {
  offset: number;
  magic: Exclude<Magic, 'elf'>;
}

const CHUNK = 8 * 1024 * 1024;
const OVERLAP = 4096;
const MAX_HITS = 32;
const NEEDLES: { bytes: Buffer; back: number }[] = [
  { bytes: Buffer.from('hsqs'), back: 0 },
  { bytes: Buffer.from('sqsh'), back: 0 },
  { bytes: Buffer.from([0x1f, 0x8b, 0x08]), back: 0 },
  { bytes: Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), back: 0 },
  { bytes: Buffer.from('070701'), back: 0 },
  { bytes: Buffer.from('ustar'), back: 257 },
  { bytes: Buffer.from('UBI#'), back: 0 },
  { bytes: Buffer.from([0x85, 0x19]), back: 0 },
  { bytes: Buffer.from([0x19, 0x85]), back: 0 },
];

/** Every plausible embedded part, by offset; parts inside an earlier SquashFS/tar/cpio are not repeated. */
export function scanEmbedded(file: string): Embedded[] {
  const fd = openSync(file, 'r');
  const hits = new Map<number, Embedded['magic']>();
  const extents: [number, number][] = [];
  try {
    const buf = Buffer.alloc(CHUNK + OVERLAP);
    for (let base = 0; hits.size < MAX_HITS; base += CHUNK) {
      const n = readSync(fd, buf, 0, buf.length, base);
      if (n === 0) break;
      const view = buf.subarray(0, n);
      for (const { bytes, back } of NEEDLES) {
        for (let at = view.indexOf(bytes); at >= 0 && hits.size < MAX_HITS; at = view.indexOf(bytes, at + 1)) {
          const offset = base + at - back;
          if (offset < 0 || hits.has(offset)) continue;
          const magic = validated(fd, offset);
          if (magic) hits.set(offset, magic);
          if (magic === 'squashfs') extents.push([offset, offset + squashfsSize(fd, offset)]);
        }
      }
      if (n < buf.length) break;
    }
  } finally {
    closeSync(fd);
  }
  return [...hits.entries()]
    .filter(([offset]) => !extents.some(([start, end]) => offset > start && offset < end))
    .sort(([a], [b]) => a - b)
    .map(([offset, magic]) => ({ offset, magic }));
}

/** `bytes_used` from a SquashFS superblock. */
function squashfsSize(fd: number, offset: number): number {
  const sb = Buffer.alloc(48);
  readSync(fd, sb, 0, 48, offset);
  const used = sb.toString('latin1', 0, 4) === 'hsqs' ? sb.readBigUInt64LE(40) : sb.readBigUInt64BE(40);
  return Number(used);
}

function validated(fd: number, offset: number): Embedded['magic'] | null {
  const head = Buffer.alloc(4096);
  const n = readSync(fd, head, 0, head.length, offset);
  const view = head.subarray(0, n);
  const magic = magicOf(view);
  if (!magic || magic === 'elf') return null;
  if (magic === 'squashfs') {
    const major = view.toString('latin1', 0, 4) === 'hsqs' ? view.readUInt16LE(28) : view.readUInt16BE(28);
    return major === 4 ? magic : null;
  }
  if (magic === 'gzip') return ((view[3] as number) & 0xe0) === 0 && n >= 18 ? magic : null;
  return magic;
}
