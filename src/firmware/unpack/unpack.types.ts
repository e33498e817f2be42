/** What unpacking an image produces: a tree under the work folder and its manifest. */

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'device' | 'fifo' | 'socket';
/** What a regular file looks like inside: an ELF binary, text, an archive, or an unknown blob. */
export type ContentKind = 'elf' | 'text' | 'archive' | 'blob' | 'empty';

export interface ManifestEntry {
  /** Absolute inside the image, e.g. `/etc/passwd`. */
  path: string;
  type: EntryType;
  /** Permission bits as recorded in the image (setuid/setgid/sticky included). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  sha256?: string;
  kind?: ContentKind;
  /** Shannon entropy in bits per byte, for unknown blobs (≈8 means compressed or encrypted). */
  entropy?: number;
  /** Symlink or hard-link target as recorded. */
  linkTarget?: string;
}

export type ImageFormat = 'dir' | 'tar' | 'cpio' | 'squashfs' | 'gzip' | 'xz' | 'jffs2' | 'ubi' | 'raw';

export interface Budget {
  /** Total bytes written into the work folder. */
  maxBytes: number;
  /** Total manifest entries. */
  maxEntries: number;
  /** How deep archives inside archives are opened. */
  maxDepth: number;
}

export const DEFAULT_BUDGET: Budget = { maxBytes: 2 * 1024 ** 3, maxEntries: 200_000, maxDepth: 3 };

/** A part of a raw image recognised but not unpacked (JFFS2, UBI): said, not guessed. */
export interface Unsupported {
  offset: number;
  format: 'jffs2' | 'ubi';
  note: string;
}

export interface UnpackResult {
  /** The work folder holding the extracted tree (regular files and folders only). */
  root: string;
  format: string;
  entries: ManifestEntry[];
  unsupported: Unsupported[];
}

export type UnpackErrorCode =
  | 'unreadable'
  | 'truncated'
  | 'unknown-format'
  | 'unsupported-format'
  | 'path-traversal'
  | 'symlink-escape'
  | 'budget-exceeded'
  | 'tool-missing';

/** Why an image was refused; `code` is stable, the message names the entry. */
export class UnpackError extends Error {
  constructor(
    readonly code: UnpackErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Progress = (message: string) => void;
