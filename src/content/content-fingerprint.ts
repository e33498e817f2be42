import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { yamlFilesUnder } from './yaml-files.js';

/**
 * SHA-256 over every YAML file's relative path and bytes, in sorted order. Far
 * cheaper than parsing and validating: when it matches the fingerprint stored
 * with an imported edition, start-up need not load the content at all.
 */
export function contentFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const file of yamlFilesUnder(dir)) {
    hash.update(relative(dir, file).split(sep).join('/'));
    hash.update('\u0000');
    hash.update(readFileSync(file));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
