/**
 * A streaming tar reader (ustar, GNU long names, pax path/linkpath/size) that
 * hands every entry to the TreeWriter, which decides what may be written.
 */
import type { ByteSource } from './byte-source.js';
import type { EntryMeta, TreeWriter } from './tree-writer.js';
import { isTarHeader } from './content-kind.js';
import { UnpackError } from './unpack.types.js';

const BLOCK = 512;

export async function readTar(src: ByteSource, tree: TreeWriter, what: string): Promise<number> {
  let count = 0;
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Record<string, string> = {};
  for (;;) {
    if (await src.atEnd()) throw new UnpackError('truncated', `${what}: tar ends without its end-of-archive blocks after ${count} entries`);
    const header = await src.read(BLOCK);
    if (header.every((b) => b === 0)) return count;
    if (!isTarHeader(header)) throw new UnpackError('unreadable', `${what}: bad tar header at byte ${src.position - BLOCK} (after ${count} entries)`);
    const size = pax.size ? Number(pax.size) : octal(header, 124, 12, what);
    const type = String.fromCharCode(header[156] || 0x30);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L' || type === 'K' || type === 'x' || type === 'g') {
      if (size > 1024 * 1024) throw new UnpackError('budget-exceeded', `${what}: a ${size}-byte tar extension header`);
      const body = (await src.read(padded)).subarray(0, size);
      if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
      else if (type === 'K') longLink = body.toString('utf8').replace(/\0.*$/s, '');
      else if (type === 'x') pax = parsePax(body);
      continue;
    }
    const name = pax.path ?? longName ?? ustarName(header);
    const link = pax.linkpath ?? longLink ?? cstr(header, 157, 100);
    longName = longLink = null;
    pax = {};
    const meta: EntryMeta = { mode: octal(header, 100, 8, what) & 0o7777, uid: octal(header, 108, 8, what), gid: octal(header, 116, 8, what) };
    const place = tree.place(name, what);
    count++;
    if (type === '0' || type === '\0' || type === '7') {
      await tree.file(place, meta, (sink) => src.stream(size, sink));
      await src.skip(padded - size);
      continue;
    }
    await src.skip(padded);
    if (type === '5') tree.dir(place, meta);
    else if (type === '2') tree.symlink(place, link, meta, what);
    else if (type === '1') tree.hardlink(place, link, meta, what);
    else if (type === '3' || type === '4') tree.special(place, 'device', meta);
    else if (type === '6') tree.special(place, 'fifo', meta);
  }
}

function ustarName(h: Buffer): string {
  const name = cstr(h, 0, 100);
  const prefix = h.toString('latin1', 257, 262) === 'ustar' ? cstr(h, 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function cstr(h: Buffer, at: number, len: number): string {
  const end = h.indexOf(0, at);
  return h.toString('utf8', at, end < 0 || end > at + len ? at + len : end);
}

function octal(h: Buffer, at: number, len: number, what: string): number {
  if ((h[at] as number) & 0x80) {
    let v = 0;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + (h[i] as number);
    return v;
  }
  const text = h
    .toString('latin1', at, at + len)
    .replace(/\0.*$/s, '')
    .trim();
  if (text === '') return 0;
  const v = Number.parseInt(text, 8);
  if (!Number.isSafeInteger(v) || !/^[0-7]+$/.test(text)) throw new UnpackError('unreadable', `${what}: bad number "${text}" in a tar header`);
  return v;
}

function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of body.toString('utf8').split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}
