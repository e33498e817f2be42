/**
 * Unpacks a firmware image into a work folder and lists what is in it.
 * tar (plain, gzip, xz), cpio newc, gzip, SquashFS (Debian's unsquashfs);
 * JFFS2 and UBI recognised and reported; archives inside archives to a depth
 * limit; a raw image scanned for filesystems embedded at an offset.
 * Nothing from the image is ever executed; see tree-writer.ts for the guards.
 */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, mkdirSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { ByteSource } from './byte-source.js';
import { type Magic, magicOf } from './content-kind.js';
import { readCpio } from './cpio-reader.js';
import { scanEmbedded } from './embedded-scan.js';
import { readSquashfs } from './squashfs.js';
import { readTar } from './tar-reader.js';
import { TreeWriter } from './tree-writer.js';
import { type Budget, DEFAULT_BUDGET, type Progress, type UnpackResult, UnpackError, type Unsupported } from './unpack.types.js';

export interface UnpackOptions {
  budget?: Partial<Budget>;
  progress?: Progress;
  signal?: AbortSignal;
}

interface Ctx {
  budget: Budget;
  scratch: string;
  progress: Progress;
}

/** Unpacks `image` (a file) under `work` (created; `work/tree` holds the files). */
export async function unpackImage(image: string, work: string, options: UnpackOptions = {}): Promise<UnpackResult> {
  const budget = { ...DEFAULT_BUDGET, ...options.budget };
  const root = join(work, 'tree');
  const ctx: Ctx = { budget, scratch: join(work, 'scratch'), progress: options.progress ?? (() => {}) };
  mkdirSync(root, { recursive: true, mode: 0o700 });
  mkdirSync(ctx.scratch, { recursive: true, mode: 0o700 });
  const tree = new TreeWriter(root, budget, '', undefined, options.signal);
  tree.dir('/', { mode: 0o755, uid: 0, gid: 0 });
  const what = basename(image);
  try {
    const unsupported: Unsupported[] = [];
    const format = await unpackFile(image, 0, tree, what, ctx, unsupported);
    await unpackNested(tree, ctx, 1);
    return { root, format, entries: [...tree.entries.values()], unsupported };
  } finally {
    rmSync(ctx.scratch, { recursive: true, force: true });
  }
}

function head(file: string, offset: number, length = 4096): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    return buf.subarray(0, readSync(fd, buf, 0, length, offset));
  } finally {
    closeSync(fd);
  }
}

/** Unpacks what starts at `offset` in `file`; returns the format it found. */
async function unpackFile(file: string, offset: number, tree: TreeWriter, what: string, ctx: Ctx, unsupported: Unsupported[]): Promise<string> {
  const magic = magicOf(head(file, offset));
  ctx.progress(`${what}: ${magic ?? 'raw image'}${offset ? ` at offset ${offset}` : ''}`);
  if (magic === 'jffs2' || magic === 'ubi') throw unsupportedError(magic, offset, what);
  if (magic === 'squashfs') {
    await readSquashfs(file, offset, tree, ctx.scratch, ctx.budget, what);
    return 'squashfs';
  }
  if (magic === 'tar' || magic === 'cpio' || magic === 'gzip' || magic === 'xz') {
    return unpackStream(decoded(file, offset, magic), magic, tree, what, ctx, basename(file));
  }
  return unpackRaw(file, tree, what, ctx, unsupported);
}

function unsupportedError(format: 'jffs2' | 'ubi', offset: number, what: string): UnpackError {
  return new UnpackError(
    'unsupported-format',
    `${what}: a ${format.toUpperCase()} ${format === 'ubi' ? 'volume' : 'filesystem'} at offset ${offset}; no Debian tool unpacks it, so tebiki does not guess. Extract it elsewhere (e.g. ${format === 'ubi' ? 'ubi_reader' : 'jefferson'}) and analyse the folder.`,
  );
}

/** The bytes of the image from `offset`, decompressed when gzip or xz. */
function decoded(file: string, offset: number, magic: Magic): AsyncIterable<Buffer> {
  const raw = createReadStream(file, { start: offset });
  if (magic === 'gzip') return raw.pipe(createGunzip());
  if (magic !== 'xz') return raw;
  const xz = spawn('xz', ['-dc'], { stdio: ['pipe', 'pipe', 'ignore'] });
  raw.pipe(xz.stdin);
  xz.stdin.on('error', () => {});
  return xz.stdout;
}

async function unpackStream(stream: AsyncIterable<Buffer>, magic: Magic, tree: TreeWriter, what: string, ctx: Ctx, name: string): Promise<string> {
  const src = new ByteSource(stream, what);
  try {
    return await unpackSource(src, magic, tree, what, ctx, name);
  } finally {
    src.close();
  }
}

async function unpackSource(src: ByteSource, magic: Magic, tree: TreeWriter, what: string, ctx: Ctx, name: string): Promise<string> {
  if (magic === 'tar' || magic === 'cpio') {
    await (magic === 'tar' ? readTar : readCpio)(src, tree, what);
    return magic;
  }
  const inner = magicOf(await src.peek(4096));
  if (inner === 'tar') await readTar(src, tree, what);
  else if (inner === 'cpio') await readCpio(src, tree, what);
  else if (inner === 'squashfs') {
    const spilled = join(ctx.scratch, `spill-${Date.now()}`);
    await spill(src, spilled, ctx.budget);
    await readSquashfs(spilled, 0, tree, ctx.scratch, ctx.budget, what);
  } else {
    const blob = tree.place(name.replace(/\.(gz|tgz|xz)$/, '') || 'decompressed', what);
    await tree.file(blob, { mode: 0o644, uid: 0, gid: 0 }, (sink) => drain(src, sink, ctx.budget, what));
    return magic;
  }
  return `${magic}+${inner}`;
}

async function drain(src: ByteSource, sink: (chunk: Buffer) => void, budget: Budget, what: string): Promise<void> {
  let total = 0;
  while (!(await src.atEnd())) {
    const chunk = await src.peek(64 * 1024);
    total += chunk.length;
    if (total > budget.maxBytes)
      throw new UnpackError('budget-exceeded', `${what}: decompresses to more than ${budget.maxBytes} bytes; the image may be a bomb`);
    await src.skip(chunk.length);
    sink(chunk);
  }
}

async function spill(src: ByteSource, file: string, budget: Budget): Promise<void> {
  const fd = openSync(file, 'wx', 0o600);
  try {
    await drain(src, (chunk) => writeSync(fd, chunk), budget, file);
  } finally {
    closeSync(fd);
  }
}

/** A raw flash image: every filesystem found by its magic; the first one becomes the root. */
async function unpackRaw(file: string, tree: TreeWriter, what: string, ctx: Ctx, unsupported: Unsupported[]): Promise<string> {
  const found = scanEmbedded(file);
  const parts: string[] = [];
  let rootTaken = false;
  for (const { offset, magic } of found) {
    if (magic === 'jffs2' || magic === 'ubi') {
      unsupported.push({ offset, format: magic, note: unsupportedError(magic, offset, what).message });
      continue;
    }
    const isFs = magic === 'squashfs' || magic === 'cpio' || magic === 'tar';
    const target = isFs && !rootTaken ? tree : tree.nested(`/.carved/0x${offset.toString(16)}`);
    if (isFs) rootTaken = true;
    const format = await unpackFile(file, offset, target, `${what}@${offset}`, ctx, unsupported);
    parts.push(`${format}@0x${offset.toString(16)}`);
  }
  if (parts.length === 0 && unsupported.length > 0) throw unsupportedError(unsupported[0]?.format ?? 'jffs2', unsupported[0]?.offset ?? 0, what);
  if (parts.length === 0)
    throw new UnpackError('unknown-format', `${what}: no tar, cpio, gzip, xz, SquashFS, JFFS2 or UBI found in ${statSync(file).size} bytes`);
  return `raw(${parts.join(', ')})`;
}

/** Archives inside the tree (tar, cpio, SquashFS, and gzip/xz holding one) opened in place, to the depth limit. */
async function unpackNested(tree: TreeWriter, ctx: Ctx, depth: number): Promise<void> {
  if (depth > ctx.budget.maxDepth) return;
  const archives = [...tree.entries.values()].filter((e) => e.kind === 'archive' && (e.path.match(/\.extracted\//g) ?? []).length === depth - 1);
  for (const entry of archives) {
    const disk = tree.diskPath(entry.path);
    const magic = magicOf(head(disk, 0));
    if (!magic || magic === 'elf' || magic === 'jffs2' || magic === 'ubi') continue;
    if ((magic === 'gzip' || magic === 'xz') && !(await holdsArchive(disk, magic))) continue;
    await unpackFile(disk, 0, tree.nested(`${entry.path}.extracted`), entry.path, ctx, []);
  }
  if (archives.length > 0) await unpackNested(tree, ctx, depth + 1);
}

async function holdsArchive(file: string, magic: Magic): Promise<boolean> {
  try {
    const src = new ByteSource(decoded(file, 0, magic), file);
    const inner = magicOf(await src.peek(4096));
    src.close();
    return inner === 'tar' || inner === 'cpio' || inner === 'squashfs';
  } catch {
    return false;
  }
}
