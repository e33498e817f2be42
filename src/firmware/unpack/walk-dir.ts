/**
 * A folder given instead of an image (an already extracted rootfs): its
 * manifest, read with lstat (symlinks recorded, never followed), within the
 * same entry and byte budgets as an archive.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readdirSync, readlinkSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { contentKind } from './content-kind.js';
import { type Budget, DEFAULT_BUDGET, type EntryType, type ManifestEntry, UnpackError } from './unpack.types.js';

export function walkDir(root: string, budgetIn: Partial<Budget> = {}): ManifestEntry[] {
  const budget = { ...DEFAULT_BUDGET, ...budgetIn };
  const out: ManifestEntry[] = [];
  let bytes = 0;
  const visit = (path: string) => {
    if (out.length >= budget.maxEntries) throw new UnpackError('budget-exceeded', `more than ${budget.maxEntries} entries (at ${path})`);
    const disk = join(root, ...path.split('/'));
    const st = lstatSync(disk);
    const type: EntryType = st.isFile()
      ? 'file'
      : st.isDirectory()
        ? 'dir'
        : st.isSymbolicLink()
          ? 'symlink'
          : st.isFIFO()
            ? 'fifo'
            : st.isSocket()
              ? 'socket'
              : 'device';
    const entry: ManifestEntry = { path: path || '/', type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: type === 'file' ? st.size : 0 };
    if (type === 'symlink') entry.linkTarget = readlinkSync(disk);
    if (type === 'file') {
      bytes += st.size;
      if (bytes > budget.maxBytes) throw new UnpackError('budget-exceeded', `more than ${budget.maxBytes} bytes (at ${path})`);
      Object.assign(entry, hashFile(disk));
    }
    out.push(entry);
    if (type === 'dir') for (const name of readdirSync(disk).sort()) visit(`${path}/${name}`);
  };
  visit('');
  return out;
}

function hashFile(disk: string): Pick<ManifestEntry, 'sha256' | 'kind' | 'entropy'> {
  const fd = openSync(disk, constants.O_RDONLY | constants.O_NOFOLLOW);
  const hash = createHash('sha256');
  const histogram = new Float64Array(256);
  const buf = Buffer.alloc(1024 * 1024);
  let head: Buffer | null = null;
  let size = 0;
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const chunk = buf.subarray(0, n);
      if (!head) head = Buffer.from(chunk.subarray(0, 4096));
      hash.update(chunk);
      countBytes(histogram, chunk);
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  const kind = contentKind(head ?? Buffer.alloc(0));
  const result: Pick<ManifestEntry, 'sha256' | 'kind' | 'entropy'> = { sha256: hash.digest('hex'), kind };
  if (kind === 'blob') result.entropy = shannon(histogram, size);
  return result;
}

/** Adds the bytes of `chunk` to a 256-bin histogram. */
export function countBytes(histogram: Float64Array, chunk: Uint8Array): void {
  for (let i = 0; i < chunk.length; i++) histogram[chunk[i] as number] = (histogram[chunk[i] as number] as number) + 1;
}

export function shannon(histogram: Float64Array, size: number): number {
  if (size === 0) return 0;
  let h = 0;
  for (const count of histogram) {
    if (count > 0) {
      const p = count / size;
      h -= p * Math.log2(p);
    }
  }
  return Math.round(h * 1000) / 1000;
}
