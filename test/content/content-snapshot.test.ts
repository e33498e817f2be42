import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { contentFingerprint } from '../../src/content/content-fingerprint.js';
import { readContentSnapshot, writeContentSnapshot } from '../../src/content/content-snapshot.js';
import { loadContent } from '../../src/content/load-content.js';
import { editionHash } from '../../src/core/edition-hash.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('the build-time snapshot of the bundled edition', () => {
  const dir = tempDir();
  const file = join(dir.path, 'snapshot.json');
  afterAll(() => dir.remove());

  it('holds exactly the edition that loading content/ gives, and is used only for the same files', () => {
    expect(writeContentSnapshot(defaultContentDir(), file).ok).toBe(true);
    const fingerprint = contentFingerprint(defaultContentDir());
    const fromSnapshot = readContentSnapshot(defaultContentDir(), fingerprint, file);
    const loaded = loadContent(defaultContentDir());
    if (!loaded.ok || !fromSnapshot) throw new Error('both must load');
    expect(editionHash(fromSnapshot.edition)).toBe(editionHash(loaded.edition));
    expect(fromSnapshot.hash).toBe(editionHash(loaded.edition));
    // What a first start stores as the edition's content, unchanged.
    expect(fromSnapshot.json).toBe(JSON.stringify(loaded.edition));
    expect(readContentSnapshot(defaultContentDir(), `${fingerprint.slice(1)}0`, file)).toBeUndefined();
    expect(readContentSnapshot(dir.path, fingerprint, file)).toBeUndefined();
  });

  it('a damaged snapshot is ignored, never trusted', () => {
    writeFileSync(file, '{"fingerprint": "x", "edition": ');
    expect(readContentSnapshot(defaultContentDir(), contentFingerprint(defaultContentDir()), file)).toBeUndefined();
    // A snapshot from before the hash was kept: not trusted either.
    writeFileSync(file, `${JSON.stringify({ fingerprint: contentFingerprint(defaultContentDir()) })}\n{}`);
    expect(readContentSnapshot(defaultContentDir(), contentFingerprint(defaultContentDir()), file)).toBeUndefined();
    // A snapshot of the earlier one-object layout, or one cut short after its header line.
    writeFileSync(file, JSON.stringify({ fingerprint: contentFingerprint(defaultContentDir()), hash: 'h', edition: {} }));
    expect(readContentSnapshot(defaultContentDir(), contentFingerprint(defaultContentDir()), file)).toBeUndefined();
    writeFileSync(file, `${JSON.stringify({ fingerprint: contentFingerprint(defaultContentDir()), hash: 'h' })}\n{"meta":`);
    expect(readContentSnapshot(defaultContentDir(), contentFingerprint(defaultContentDir()), file)).toBeUndefined();
  });
});
