import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { editionHash } from '../core/edition-hash.js';
import type { Edition } from '../core/model/edition.schema.js';
import { contentFingerprint } from './content-fingerprint.js';
import { defaultContentDir, projectRoot } from './content-dir.js';
import { loadContent } from './load-content.js';

/**
 * The bundled edition, loaded and validated once by `npm run build` and kept as
 * JSON beside the compiled server with the fingerprint of the files it came
 * from. A first start on an empty database then reads this instead of parsing
 * and validating every YAML file again; any change to content/ changes the
 * fingerprint and the snapshot is ignored. The edition's hash is kept too, so
 * that the first start need not compute it.
 */
export function contentSnapshotFile(): string {
  return join(projectRoot(), 'dist', 'content-snapshot.json');
}

interface Snapshot {
  fingerprint: string;
  hash: string;
  edition: Edition;
}

/** Writes the snapshot of `contentDir`; returns the problems instead when the content is invalid. */
export function writeContentSnapshot(contentDir = defaultContentDir(), file = contentSnapshotFile()): { ok: boolean; problems: string[] } {
  const loaded = loadContent(contentDir);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`) };
  const snapshot: Snapshot = { fingerprint: contentFingerprint(contentDir), hash: editionHash(loaded.edition), edition: loaded.edition };
  writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
  renameSync(`${file}.tmp`, file);
  return { ok: true, problems: [] };
}

/** The snapshot's edition and its hash when it was made from exactly the files of the bundled content folder. */
export function readContentSnapshot(contentDir: string, fingerprint: string, file = contentSnapshotFile()): { edition: Edition; hash: string } | undefined {
  if (resolve(contentDir) !== resolve(defaultContentDir()) || !existsSync(file)) return undefined;
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    if (snapshot.fingerprint !== fingerprint || typeof snapshot.hash !== 'string') return undefined;
    return { edition: snapshot.edition, hash: snapshot.hash };
  } catch {
    return undefined;
  }
}
