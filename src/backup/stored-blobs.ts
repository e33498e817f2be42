import { createHash } from 'node:crypto';
import { type BlobTable, readBlobContents } from '../store/backup.repository.js';
import type { Db } from '../store/database.js';

export interface BlobDigest {
  sha256: string;
  size: number;
}

/**
 * Hashes every content kept in the database under its SHA-256 (evidence files,
 * SBOMs) and lists them; a content that no longer matches its key is a problem
 * naming the table and the key.
 */
export async function digestStoredBlobs(db: Db, table: BlobTable): Promise<{ blobs: BlobDigest[]; problems: string[] }> {
  const blobs: BlobDigest[] = [];
  const problems: string[] = [];
  for await (const row of readBlobContents(db, table)) {
    const actual = createHash('sha256').update(row.content).digest('hex');
    if (actual !== row.sha256) problems.push(`${table} ${row.sha256}: the content hashes to ${actual}`);
    else if (row.content.length !== row.size) problems.push(`${table} ${row.sha256}: ${row.content.length} bytes stored, ${row.size} recorded`);
    blobs.push({ sha256: row.sha256, size: row.size });
  }
  return { blobs, problems };
}

/** What differs between the blobs a backup lists and the blobs a restored database holds. */
export function compareBlobLists(table: BlobTable, expected: readonly BlobDigest[], actual: readonly BlobDigest[]): string[] {
  const have = new Map(actual.map((b) => [b.sha256, b.size]));
  const want = new Set(expected.map((b) => b.sha256));
  const problems = expected
    .filter((b) => have.get(b.sha256) !== b.size)
    .map((b) => `${table} ${b.sha256}: listed in the backup but missing or of another size`);
  for (const b of actual) if (!want.has(b.sha256)) problems.push(`${table} ${b.sha256}: in the database but not listed in the backup`);
  return problems;
}
