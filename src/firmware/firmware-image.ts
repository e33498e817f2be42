/**
 * Read access to an unpacked image for the checks. Symlinks are resolved inside
 * the image (an absolute target means the image's root, never the host's), files
 * are opened with O_NOFOLLOW and read up to a size cap.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { ManifestEntry } from './unpack/unpack.types.js';

export interface FirmwareImage {
  root: string;
  entries: ReadonlyMap<string, ManifestEntry>;
}

const MAX_HOPS = 40;

/** The regular file or folder `path` ends at, following symlinks inside the image; null when it leads nowhere. */
export function resolveInImage(image: FirmwareImage, path: string): ManifestEntry | null {
  let current = posix.normalize(`/${path}`);
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const parts = current.split('/').filter(Boolean);
    let prefix = '';
    let redirected = false;
    for (let i = 0; i < parts.length; i++) {
      prefix += `/${parts[i]}`;
      const entry = image.entries.get(prefix);
      if (!entry) return null;
      if (entry.type === 'symlink' && entry.linkTarget !== undefined) {
        const base = entry.linkTarget.startsWith('/') ? entry.linkTarget : posix.join(posix.dirname(prefix), entry.linkTarget);
        current = posix.normalize(`/${[base, ...parts.slice(i + 1)].join('/')}`);
        redirected = true;
        break;
      }
      if (entry.type === 'hardlink') return null;
    }
    if (!redirected) return image.entries.get(current === '' ? '/' : current) ?? null;
  }
  return null;
}

/** The bytes of a regular file (following symlinks inside the image), at most `max`; null when absent. */
export function readImageFile(image: FirmwareImage, path: string, max = 4 * 1024 * 1024): Buffer | null {
  const entry = resolveInImage(image, path);
  if (entry?.type !== 'file') return null;
  const fd = openSync(join(image.root, ...entry.path.split('/')), constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const size = Math.min(fstatSync(fd).size, max);
    const buf = Buffer.alloc(size);
    return buf.subarray(0, readSync(fd, buf, 0, size, 0));
  } finally {
    closeSync(fd);
  }
}

export function readImageText(image: FirmwareImage, path: string, max?: number): string | null {
  return readImageFile(image, path, max)?.toString('utf8') ?? null;
}

/** Regular files of the manifest, optionally of one content kind. */
export function imageFiles(image: FirmwareImage, kind?: ManifestEntry['kind']): ManifestEntry[] {
  return [...image.entries.values()].filter((e) => e.type === 'file' && (!kind || e.kind === kind));
}
