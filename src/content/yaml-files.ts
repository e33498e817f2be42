import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** YAML files below a folder, sorted, so loading order (and hashes) are stable. */
export function yamlFilesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}
