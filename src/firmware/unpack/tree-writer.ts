/**
 * The only place that writes the extracted tree. Guarantees, whatever the archive says:
 * - every entry lands under the work folder: `..` components are refused, and no
 *   entry may pass through a symlink (symlinks are recorded, never created on disk)
 * - a symlink whose relative target climbs above the image root is refused
 * - device files, FIFOs and sockets are recorded, never created
 * - files are written 0600 and folders 0700 (nothing from the image is ever made
 *   executable or run); the recorded mode and owner stay in the manifest
 * - the byte and entry budgets hold (a tar or zip bomb stops with a clear error)
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, copyFileSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { contentKind } from './content-kind.js';
import { countBytes, shannon } from './walk-dir.js';
import { type Budget, type EntryType, type ManifestEntry, UnpackError } from './unpack.types.js';

export interface EntryMeta {
  mode: number;
  uid: number;
  gid: number;
}

export class TreeWriter {
  readonly entries = new Map<string, ManifestEntry>();
  private bytes = 0;

  constructor(
    readonly root: string,
    private readonly budget: Budget,
    /** Where nested trees go, e.g. `/boot/initrd.cpio.extracted`. */
    private readonly prefix = '',
    private readonly shared?: TreeWriter,
    /** Checked at every entry, so a cancel stops a long unpack too. */
    private readonly signal?: AbortSignal,
  ) {}

  /** A writer that puts entries under `prefix`, sharing this one's budget and manifest. */
  nested(prefix: string): TreeWriter {
    return new TreeWriter(this.root, this.budget, `${this.prefix}${prefix}`, this.shared ?? this, this.signal);
  }

  private get owner(): TreeWriter {
    return this.shared ?? this;
  }

  /** Normalises an archive name into `/a/b`, refusing `..`, NUL and names that pass through a symlink. */
  place(name: string, what: string): string {
    if (name.includes('\0')) throw new UnpackError('path-traversal', `${what}: entry name contains NUL`);
    const parts: string[] = [];
    for (const part of name.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') throw new UnpackError('path-traversal', `${what}: entry "${name}" climbs out of the image with ".."`);
      parts.push(part);
    }
    const path = `${this.prefix}/${parts.join('/')}`.replace(/\/$/, '') || '/';
    let parent = '';
    for (const part of path.split('/').slice(1, -1)) {
      parent += `/${part}`;
      const existing = this.owner.entries.get(parent);
      if (existing && existing.type !== 'dir') {
        throw new UnpackError('symlink-escape', `${what}: entry "${name}" passes through ${existing.type} ${parent}`);
      }
    }
    return path;
  }

  /** A file, link or special entry needs a name: an empty one (after NULs and `.`) would be the image root itself. */
  private named(path: string, what: string): void {
    if (path === (this.prefix || '/')) throw new UnpackError('unreadable', `${what}: an entry other than a folder has an empty name`);
  }

  private disk(path: string): string {
    const target = join(this.root, ...path.split('/'));
    if (target !== this.root && !target.startsWith(this.root + sep)) throw new UnpackError('path-traversal', `${path} resolves outside the work folder`);
    return target;
  }

  private record(entry: ManifestEntry): void {
    this.signal?.throwIfAborted();
    const owner = this.owner;
    if (owner.entries.size >= this.budget.maxEntries && !owner.entries.has(entry.path)) {
      throw new UnpackError(
        'budget-exceeded',
        `more than ${this.budget.maxEntries} entries (at ${entry.path}); raise the entry budget if the image is genuine`,
      );
    }
    owner.entries.set(entry.path, entry);
  }

  private ensureParents(path: string): void {
    let parent = '';
    for (const part of path.split('/').slice(1, -1)) {
      parent += `/${part}`;
      if (!this.owner.entries.has(parent)) this.record({ path: parent, type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 });
    }
    mkdirSync(this.disk(posix.dirname(path)), { recursive: true, mode: 0o700 });
  }

  dir(path: string, meta: EntryMeta): void {
    const existing = this.owner.entries.get(path);
    if (existing && existing.type !== 'dir') throw new UnpackError('symlink-escape', `${path} is both a ${existing.type} and a folder`);
    this.ensureParents(path);
    mkdirSync(this.disk(path), { recursive: true, mode: 0o700 });
    this.record({ path, type: 'dir', ...meta, size: 0 });
  }

  symlink(path: string, target: string, meta: EntryMeta, what: string): void {
    this.named(path, what);
    if (!target.startsWith('/')) {
      let depth = path.split('/').length - 2;
      for (const part of target.split('/')) {
        if (part === '..') depth--;
        else if (part !== '' && part !== '.') depth++;
        if (depth < 0) throw new UnpackError('symlink-escape', `${what}: symlink ${path} -> ${target} points outside the image`);
      }
    }
    this.ensureParents(path);
    this.record({ path, type: 'symlink', ...meta, size: 0, linkTarget: target });
  }

  special(path: string, type: Exclude<EntryType, 'file' | 'dir' | 'symlink' | 'hardlink'>, meta: EntryMeta): void {
    this.named(path, 'archive');
    this.ensureParents(path);
    this.record({ path, type, ...meta, size: 0 });
  }

  hardlink(path: string, target: string, meta: EntryMeta, what: string): void {
    this.named(path, what);
    const to = this.place(target, what);
    if (to === path) throw new UnpackError('unreadable', `${what}: hard link ${path} names itself`);
    const source = this.owner.entries.get(to);
    if (source?.type !== 'file') throw new UnpackError('unreadable', `${what}: hard link ${path} -> ${target}: no such regular file earlier in the archive`);
    const existing = this.owner.entries.get(path);
    if (existing && existing.type !== 'file') throw new UnpackError('symlink-escape', `${path} is both a ${existing.type} and a file`);
    this.charge(source.size, path);
    this.ensureParents(path);
    if (existing) rmSync(this.disk(path));
    copyFileSync(this.disk(to), this.disk(path), constants.COPYFILE_EXCL);
    this.record({ ...source, path, ...meta, linkTarget: to });
  }

  private charge(size: number, path: string): void {
    this.owner.bytes += size;
    if (this.owner.bytes > this.budget.maxBytes) {
      throw new UnpackError('budget-exceeded', `more than ${this.budget.maxBytes} bytes unpacked (at ${path}); the image may be an archive bomb`);
    }
  }

  /** Writes one regular file, fed chunk by chunk, computing its SHA-256 and content kind on the way. */
  async file(path: string, meta: EntryMeta, feed: (sink: (chunk: Buffer) => void) => Promise<void>): Promise<ManifestEntry> {
    this.named(path, 'archive');
    const existing = this.owner.entries.get(path);
    if (existing && existing.type !== 'file') throw new UnpackError('symlink-escape', `${path} is both a ${existing.type} and a file`);
    this.ensureParents(path);
    if (existing) rmSync(this.disk(path));
    const fd = openSync(this.disk(path), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    const hash = createHash('sha256');
    const histogram = new Float64Array(256);
    let head = Buffer.alloc(0);
    let size = 0;
    let blob: boolean | null = null;
    try {
      await feed((chunk) => {
        this.charge(chunk.length, path);
        size += chunk.length;
        writeSync(fd, chunk);
        hash.update(chunk);
        if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
        // the byte histogram (for entropy) is only kept for unknown blobs, decided on the first bytes
        blob ??= contentKind(head) === 'blob';
        if (blob) countBytes(histogram, chunk);
      });
    } finally {
      closeSync(fd);
    }
    const kind = contentKind(head);
    const entry: ManifestEntry = { path, type: 'file', ...meta, size, sha256: hash.digest('hex'), kind };
    if (kind === 'blob' && blob) entry.entropy = shannon(histogram, size);
    this.record(entry);
    return entry;
  }

  /** The on-disk location of a recorded regular file. */
  diskPath(path: string): string {
    return this.disk(path);
  }
}
