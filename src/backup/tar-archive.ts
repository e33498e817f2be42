/**
 * The backup archive is a plain POSIX ustar file of regular files only (so
 * `tar tvf` lists it), written and read here in a streaming way: each member's
 * SHA-256 is computed while it is copied, never by loading it whole.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const BLOCK = 512;
/** ustar's 11 octal digits of size. */
export const MAX_MEMBER_BYTES = 8 ** 11 - 1;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export interface ArchivedMember {
  name: string;
  size: number;
  sha256: string;
}

export class ArchiveError extends Error {}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Buffer {
  if (!SAFE_NAME.test(name) || Buffer.byteLength(name) > 99) throw new ArchiveError(`archive member name not allowed: ${name}`);
  if (size > MAX_MEMBER_BYTES) throw new ArchiveError(`${name}: ${size} bytes is more than a tar member holds`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o600, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(Math.floor(mtime / 1000), 12), 136);
  h.write('0', 156);
  return sealUstarHeader(h);
}

/** Marks a filled 512-byte header as POSIX ustar and writes its checksum (the sum of its bytes, the checksum field counted as spaces). */
export function sealUstarHeader(h: Buffer): Buffer {
  h.write('        ', 148);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** Writes members one after another; `finish` adds the end-of-archive blocks. */
export class TarWriter {
  private readonly out: Writable;
  readonly members: ArchivedMember[] = [];

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  }

  private async write(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Copies a file in, hashing it; `expectSize` guards against a file that grows while it is read. */
  async addFile(name: string, path: string, size: number): Promise<ArchivedMember> {
    await this.write(header(name, size, Date.now()));
    const hash = createHash('sha256');
    let copied = 0;
    for await (const chunk of createReadStream(path, { end: size > 0 ? size - 1 : 0 }) as AsyncIterable<Buffer>) {
      const part = size === 0 ? Buffer.alloc(0) : chunk.subarray(0, size - copied);
      copied += part.length;
      hash.update(part);
      await this.write(part);
    }
    if (copied !== size) throw new ArchiveError(`${path} shrank while it was archived (${copied} of ${size} bytes)`);
    await this.pad(size);
    const member = { name, size, sha256: hash.digest('hex') };
    this.members.push(member);
    return member;
  }

  async addBuffer(name: string, content: Buffer): Promise<void> {
    await this.write(header(name, content.length, Date.now()));
    await this.write(content);
    await this.pad(content.length);
  }

  private async pad(size: number): Promise<void> {
    const rest = size % BLOCK;
    if (rest) await this.write(Buffer.alloc(BLOCK - rest));
  }

  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.out.end();
    await once(this.out, 'finish');
  }

  /** Closes without finishing (the caller removes the file). */
  abort(): void {
    this.out.destroy();
  }
}

function readOctal(h: Buffer, offset: number, width: number): number {
  const text = h
    .toString('latin1', offset, offset + width)
    .replace(/\0.*$/s, '')
    .trim();
  if (!/^[0-7]+$/.test(text)) throw new ArchiveError(`not a tebiki backup archive: bad number in the header at byte ${offset}`);
  return Number.parseInt(text, 8);
}

/**
 * Reads every member of `file` in order and hands each to `place`, which says
 * where to write it (or throws to refuse it). Returns the members with their
 * SHA-256 as read. Only regular files with safe relative names are accepted.
 */
export async function extractTar(file: string, place: (name: string, size: number) => string): Promise<ArchivedMember[]> {
  const fh = await open(file, 'r');
  const members: ArchivedMember[] = [];
  try {
    let position = 0;
    const h = Buffer.alloc(BLOCK);
    for (;;) {
      const { bytesRead } = await fh.read(h, 0, BLOCK, position);
      if (bytesRead < BLOCK) throw new ArchiveError(`the archive is truncated at byte ${position}`);
      position += BLOCK;
      if (h.every((b) => b === 0)) return members;
      if (h.toString('latin1', 257, 262) !== 'ustar') throw new ArchiveError(`not a tebiki backup archive: no ustar header at byte ${position - BLOCK}`);
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const type = h.toString('latin1', 156, 157);
      if (type !== '0' && type !== '\0') throw new ArchiveError(`${name}: only regular files belong in a backup (type "${type}")`);
      if (!SAFE_NAME.test(name)) throw new ArchiveError(`archive member name not allowed: ${name}`);
      const size = readOctal(h, 124, 12);
      const target = place(name, size);
      const sha256 = await copyOut(fh, position, size, target, name);
      members.push({ name, size, sha256 });
      position += Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    await fh.close();
  }
}

async function copyOut(fh: FileHandle, start: number, size: number, target: string, name: string): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  const chunk = Buffer.alloc(1 << 20);
  let done = 0;
  try {
    while (done < size) {
      const { bytesRead } = await fh.read(chunk, 0, Math.min(chunk.length, size - done), start + done);
      if (bytesRead === 0) throw new ArchiveError(`${name}: the archive ends inside this member (${done} of ${size} bytes)`);
      const part = Buffer.from(chunk.subarray(0, bytesRead));
      hash.update(part);
      if (!out.write(part)) await once(out, 'drain');
      done += bytesRead;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return hash.digest('hex');
}
