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
 * that the first start need not compute it. The file is one line of JSON for the
 * fingerprint and the hash, then the edition as JSON.stringify writes it, which
 * the first start stores as it is (it need not write the JSON again).
 */
export function contentSnapshotFile(): string {
  return join(projectRoot(), 'dist', 'content-snapshot.json');
}

interface SnapshotHeader {
  fingerprint: string;
  hash: string;
}

/** Writes the snapshot of `contentDir`; returns the problems instead when the content is invalid. */
export function writeContentSnapshot(contentDir = defaultContentDir(), file = contentSnapshotFile()): { ok: boolean; problems: string[] } {
  const loaded = loadContent(contentDir);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`) };
  const header: SnapshotHeader = { fingerprint: contentFingerprint(contentDir), hash: editionHash(loaded.edition) };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(header)}\n${JSON.stringify(loaded.edition)}`);
  renameSync(`${file}.tmp`, file);
  return { ok: true, problems: [] };
}

/** The bundled edition from its snapshot: parsed, its hash, and its JSON as stored. */
export interface EditionSnapshot {
  edition: Edition;
  hash: string;
  json: string;
}

/** The snapshot's edition when it was made from exactly the files of the bundled content folder. */
export function readContentSnapshot(contentDir: string, fingerprint: string, file = contentSnapshotFile()): EditionSnapshot | undefined {
  if (resolve(contentDir) !== resolve(defaultContentDir()) || !existsSync(file)) return undefined;
  try {
    const text = readFileSync(file, 'utf8');
    const split = text.indexOf('\n');
    if (split < 0) return undefined;
    const header = JSON.parse(text.slice(0, split)) as Partial<SnapshotHeader>;
    if (header.fingerprint !== fingerprint || typeof header.hash !== 'string') return undefined;
    const json = text.slice(split + 1);
    return { edition: JSON.parse(json) as Edition, hash: header.hash, json };
  } catch {
    return undefined;
  }
}
