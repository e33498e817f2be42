import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every file under a folder, as sorted paths relative to it with "/" separators. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

const idCache = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? ''));
    idCache.set(file, ids);
  }
  return ids;
}

/**
 * Checks every href, src and form action of every HTML file: each must be a
 * relative link to a file that exists and, with a fragment, to an element id
 * in it. Absolute URLs are reported too: the site links to nothing outside
 * itself. Returns one line per broken link.
 */
export function brokenLinks(root: string): string[] {
  idCache.clear();
  const problems: string[] = [];
  for (const page of listFiles(root).filter((f) => f.endsWith('.html'))) {
    const file = join(root, page);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
      const link = (m[1] ?? '').replace(/&amp;/g, '&');
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) {
        problems.push(`${page}: absolute link ${link}`);
        continue;
      }
      const [path = '', fragment] = link.split('#');
      const target = path === '' ? file : resolve(dirname(file), path.split('?')[0] ?? '');
      if (!existsSync(target)) {
        problems.push(`${page}: ${link} → missing file`);
        continue;
      }
      if (fragment !== undefined && !idsOf(target).has(decodeURIComponent(fragment))) problems.push(`${page}: ${link} → no element with id "${fragment}"`);
    }
  }
  return problems;
}
