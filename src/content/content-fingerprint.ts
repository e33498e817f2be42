import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * SHA-256 over every YAML file's relative path and bytes, in sorted order. Far
 * cheaper than parsing and validating: when it matches the fingerprint stored
 * with an imported edition, start-up need not load the content at all.
 */
export function contentFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir)) {
    hash.update(relative(dir, file).split(sep).join('/'));
    hash.update('\u0000');
    hash.update(readFileSync(file));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}
