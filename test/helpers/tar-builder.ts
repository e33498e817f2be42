import { sealUstarHeader } from '../../src/backup/tar-archive.js';

/**
 * Hand-made tar and cpio archives for hostile-input tests: names, types and
 * link targets no well-behaved tool would write.
 */
export interface TarEntry {
  name: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'char';
  body?: Buffer | string;
  link?: string;
  mode?: number;
  /** Declared size when it differs from the body (a lying header). */
  size?: number;
}

const TYPE_FLAG = { file: '0', dir: '5', symlink: '2', hardlink: '1', char: '3' } as const;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

export function tarHeader(e: TarEntry): Buffer {
  const h = Buffer.alloc(512);
  const body = typeof e.body === 'string' ? Buffer.from(e.body) : (e.body ?? Buffer.alloc(0));
  h.write(e.name, 0, 100, 'utf8');
  h.write(octal(e.mode ?? 0o644, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(e.size ?? body.length, 12), 124);
  h.write(octal(0, 12), 136);
  h.write(TYPE_FLAG[e.type ?? 'file'], 156);
  if (e.link) h.write(e.link, 157, 100, 'utf8');
  return sealUstarHeader(h);
}

/** A tar archive of the entries, with its two end blocks. */
export function tar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(tarHeader(e));
    const body = typeof e.body === 'string' ? Buffer.from(e.body) : (e.body ?? Buffer.alloc(0));
    if (body.length > 0) parts.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** A cpio newc archive of regular files (and symlinks when `link` is set). */
export function cpio(entries: { name: string; body?: string; link?: string }[]): Buffer {
  const parts: Buffer[] = [];
  const pad = (n: number) => Buffer.alloc((4 - (n % 4)) % 4);
  const add = (name: string, mode: number, data: Buffer) => {
    const hex = (v: number) => v.toString(16).padStart(8, '0');
    const nameBytes = Buffer.from(`${name}\0`);
    const fields = [1, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0];
    const header = Buffer.from(`070701${fields.map(hex).join('')}`);
    parts.push(header, nameBytes, pad(header.length + nameBytes.length), data, pad(data.length));
  };
  for (const e of entries) add(e.name, e.link ? 0o120777 : 0o100644, Buffer.from(e.link ?? e.body ?? ''));
  add('TRAILER!!!', 0, Buffer.alloc(0));
  return Buffer.concat(parts);
}
