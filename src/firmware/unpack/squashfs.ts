/**
 * SquashFS through Debian's squashfs-tools: list first (`unsquashfs -lln`) so the
 * budgets and every name are checked before a byte is extracted, then extract
 * regular files and folders only (symlinks, devices, FIFOs and sockets are
 * excluded and recorded from the listing) into a scratch folder, then move the
 * files through the TreeWriter like any other archive.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EntryMeta, TreeWriter } from './tree-writer.js';
import { type Budget, UnpackError } from './unpack.types.js';

const run = promisify(execFile);
const LISTED = /^([-dlcbps])([-rwxsStT]{9}) (\d+)\/(\d+)\s+(\d+|\d+,\s*\d+)\s+\d{4}-\d\d-\d\d \d\d:\d\d R(\/.*)?$/;

interface Listed {
  type: string;
  path: string;
  meta: EntryMeta;
  size: number;
  link?: string;
}

export function unsquashfsAvailable(): boolean {
  return ['/usr/bin/unsquashfs', '/usr/sbin/unsquashfs', '/bin/unsquashfs'].some((p) => existsSync(p));
}

export async function readSquashfs(image: string, offset: number, tree: TreeWriter, scratch: string, budget: Budget, what: string): Promise<number> {
  if (!unsquashfsAvailable())
    throw new UnpackError('tool-missing', `${what}: a SquashFS filesystem; install Debian's squashfs-tools (unsquashfs) to unpack it`);
  const listed = await list(image, offset, what);
  const total = listed.reduce((sum, e) => sum + (e.type === '-' ? e.size : 0), 0);
  if (listed.length > budget.maxEntries)
    throw new UnpackError('budget-exceeded', `${what}: ${listed.length} entries, more than the budget of ${budget.maxEntries}`);
  if (total > budget.maxBytes)
    throw new UnpackError('budget-exceeded', `${what}: ${total} bytes of files, more than the budget of ${budget.maxBytes}; the image may be a bomb`);
  const dest = join(scratch, `squashfs-${offset}-${Date.now()}`);
  const excludes = join(scratch, `exclude-${offset}-${Date.now()}`);
  writeFileSync(
    excludes,
    `${listed
      .filter((e) => e.type !== '-' && e.type !== 'd')
      .map((e) => e.path.slice(1))
      .join('\n')}\n`,
  );
  await tool(['-n', '-no-xattrs', '-o', String(offset), '-d', dest, '-exclude-file', excludes, image], what);
  for (const e of listed) {
    const place = tree.place(e.path, what);
    if (e.type === 'd') tree.dir(place, e.meta);
    else if (e.type === 'l') tree.symlink(place, e.link ?? '', e.meta, what);
    else if (e.type === 'c' || e.type === 'b') tree.special(place, 'device', e.meta);
    else if (e.type === 'p') tree.special(place, 'fifo', e.meta);
    else if (e.type === 's') tree.special(place, 'socket', e.meta);
    else {
      const staged = join(dest, ...e.path.split('/'));
      await tree.file(place, e.meta, async (sink) => {
        for await (const chunk of createReadStream(staged)) sink(chunk as Buffer);
      });
    }
  }
  return listed.length;
}

async function list(image: string, offset: number, what: string): Promise<Listed[]> {
  const stdout = await tool(['-lln', '-n', '-o', String(offset), '-d', 'R', image], what);
  const out: Listed[] = [];
  for (const line of stdout.split('\n')) {
    const m = LISTED.exec(line);
    if (!m) continue;
    const [, type = '-', perms = '', uid = '0', gid = '0', size = '0', rest] = m;
    if (!rest) continue;
    const arrow = type === 'l' ? rest.indexOf(' -> ') : -1;
    const path = arrow >= 0 ? rest.slice(0, arrow) : rest;
    out.push({
      type,
      path,
      meta: { mode: modeBits(perms), uid: Number(uid), gid: Number(gid) },
      size: type === '-' ? Number(size) : 0,
      ...(arrow >= 0 ? { link: rest.slice(arrow + 4) } : {}),
    });
  }
  if (out.length === 0) throw new UnpackError('unreadable', `${what}: unsquashfs listed no entries`);
  return out;
}

async function tool(args: string[], what: string): Promise<string> {
  try {
    const { stdout } = await run('unsquashfs', args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const detail = ((err as { stderr?: string }).stderr ?? (err as Error).message).trim().split('\n').slice(-2).join(' ');
    throw new UnpackError('unreadable', `${what}: unsquashfs refused the filesystem: ${detail}`);
  }
}

/** `rwsr-xr-x` → 0o4755. */
export function modeBits(perms: string): number {
  let mode = 0;
  const bit = (i: number, value: number) => (/[rwxsStT]/.test(perms[i] ?? '-') ? value : 0);
  mode |= bit(0, 0o400) | bit(1, 0o200) | bit(3, 0o40) | bit(4, 0o20) | bit(6, 0o4) | bit(7, 0o2);
  const special = (i: number, exec: number, flag: number) => {
    const c = perms[i] ?? '-';
    return (c === 'x' ? exec : 0) | (c === 's' || c === 't' ? exec | flag : 0) | (c === 'S' || c === 'T' ? flag : 0);
  };
  return mode | special(2, 0o100, 0o4000) | special(5, 0o10, 0o2000) | special(8, 0o1, 0o1000);
}
