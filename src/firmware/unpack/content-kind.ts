/** Recognising what bytes are, by their magic numbers only (never by running anything). */
import type { ContentKind } from './unpack.types.js';

export type Magic = 'gzip' | 'xz' | 'tar' | 'cpio' | 'squashfs' | 'jffs2' | 'ubi' | 'elf';

/** The container format starting at the beginning of `head`, if any. */
export function magicOf(head: Buffer): Magic | null {
  if (head.length >= 4 && head[0] === 0x7f && head.toString('latin1', 1, 4) === 'ELF') return 'elf';
  if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return 'gzip';
  if (head.length >= 6 && head.subarray(0, 6).equals(XZ)) return 'xz';
  if (head.length >= 6 && /^07070[12]$/.test(head.toString('latin1', 0, 6))) return 'cpio';
  if (head.length >= 4 && (head.toString('latin1', 0, 4) === 'hsqs' || head.toString('latin1', 0, 4) === 'sqsh')) return 'squashfs';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'UBI#') return 'ubi';
  if (isJffs2(head)) return 'jffs2';
  if (isTarHeader(head)) return 'tar';
  return null;
}

const XZ = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
/** JFFS2 node types that may start an erase block (dirent, inode, cleanmarker, padding). */
const JFFS2_NODES = new Set([0xe001, 0xe002, 0x2003, 0x2004]);

function isJffs2(head: Buffer): boolean {
  if (head.length < 4) return false;
  if (head.readUInt16LE(0) === 0x1985 && JFFS2_NODES.has(head.readUInt16LE(2))) return true;
  return head.readUInt16BE(0) === 0x1985 && JFFS2_NODES.has(head.readUInt16BE(2));
}

/** A ustar header, or an old (v7) header whose checksum adds up. */
export function isTarHeader(block: Buffer): boolean {
  if (block.length < 512) return false;
  if (block.toString('latin1', 257, 262) === 'ustar') return true;
  const stored = Number.parseInt(block.toString('latin1', 148, 156).replace(/\0.*$/, '').trim(), 8);
  if (!Number.isFinite(stored) || block[0] === 0) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] as number);
  return sum === stored;
}

/** What a regular file is, from its first bytes. */
export function contentKind(head: Buffer): ContentKind {
  if (head.length === 0) return 'empty';
  const magic = magicOf(head);
  if (magic === 'elf') return 'elf';
  if (magic) return 'archive';
  return looksLikeText(head) ? 'text' : 'blob';
}

export function looksLikeText(head: Buffer): boolean {
  let printable = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte !== 127)) printable++;
  }
  return printable / head.length > 0.95;
}
