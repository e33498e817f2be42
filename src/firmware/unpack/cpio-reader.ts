/** A streaming reader of cpio "newc" archives (070701/070702), the format of Linux initramfs. */
import type { ByteSource } from './byte-source.js';
import type { EntryMeta, TreeWriter } from './tree-writer.js';
import { UnpackError } from './unpack.types.js';

const HEADER = 110;
const S_IFMT = 0o170000;

export async function readCpio(src: ByteSource, tree: TreeWriter, what: string): Promise<number> {
  let count = 0;
  for (;;) {
    if (await src.atEnd()) throw new UnpackError('truncated', `${what}: cpio ends without its TRAILER!!! entry after ${count} entries`);
    const start = src.position;
    const h = (await src.read(HEADER)).toString('latin1');
    if (!/^07070[12][0-9A-Fa-f]{104}$/.test(h)) throw new UnpackError('unreadable', `${what}: bad cpio header at byte ${start} (after ${count} entries)`);
    const field = (i: number) => Number.parseInt(h.slice(6 + i * 8, 14 + i * 8), 16);
    const [mode, uid, gid, size, nameSize] = [field(1), field(2), field(3), field(6), field(11)];
    if (nameSize > 4096) throw new UnpackError('unreadable', `${what}: a ${nameSize}-byte name at byte ${start}`);
    const name = (await src.read(nameSize)).toString('utf8').replace(/\0.*$/s, '');
    await src.skip(pad4(HEADER + nameSize));
    if (name === 'TRAILER!!!') return count;
    const meta: EntryMeta = { mode: mode & 0o7777, uid, gid };
    const type = mode & S_IFMT;
    const place = tree.place(name, what);
    count++;
    if (type === 0o100000) await tree.file(place, meta, (sink) => src.stream(size, sink));
    else if (type === 0o120000) {
      if (size > 4096) throw new UnpackError('unreadable', `${what}: a ${size}-byte symlink target for ${name}`);
      tree.symlink(place, (await src.read(size)).toString('utf8'), meta, what);
    } else {
      await src.skip(size);
      if (type === 0o040000) tree.dir(place, meta);
      else if (type === 0o020000 || type === 0o060000) tree.special(place, 'device', meta);
      else if (type === 0o010000) tree.special(place, 'fifo', meta);
      else if (type === 0o140000) tree.special(place, 'socket', meta);
    }
    await src.skip(pad4(size));
  }
}

function pad4(n: number): number {
  return (4 - (n % 4)) % 4;
}
