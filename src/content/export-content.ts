import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Edition, Requirement } from '../core/model/edition.schema.js';
import type { Phase } from '../core/taxonomy.js';
import { loadYaml } from '../runtime/lazy-package.js';

/**
 * Writes an edition as content files in the layout of content/, so that
 * `tebiki validate --content DIR` accepts them and loading them gives the
 * same edition back. The loader reads files in sorted path order, so the
 * order of requirements in an edition that round-trips is the order of their
 * file paths: `requirementFileOrder` gives that order for drafts to keep.
 */

/** Folder of a requirement by its display number (項番), as content/ is organised. */
const FOLDER_OF_PREFIX: Record<string, string> = {
  P: 'planning',
  V: 'development',
  M: 'manufacturing',
  O: 'operation',
  E: 'disposal',
};

/** Fallback when the number follows no known pattern: by its main (first) phase. */
const FOLDER_OF_PHASE: Record<Phase, string> = {
  planning: 'planning',
  'design.architecture': 'architecture',
  'design.hardware': 'design',
  'design.software': 'design',
  'development.hardware': 'development',
  'development.software': 'development',
  manufacturing: 'manufacturing',
  'mass-production': 'manufacturing',
  operation: 'operation',
  disposal: 'disposal',
};

/** requirements/<folder>/<id>.yaml: D-1…D-9 are design/, D-10 and above architecture/, other prefixes by table. */
export function requirementFile(req: Pick<Requirement, 'id' | 'number' | 'phases'>): string {
  const m = /^([A-Z]+)-(\d+)/.exec(req.number);
  let folder: string | undefined;
  if (m?.[1] === 'D') folder = Number(m[2]) >= 10 ? 'architecture' : 'design';
  else if (m?.[1]) folder = FOLDER_OF_PREFIX[m[1]];
  folder ??= FOLDER_OF_PHASE[req.phases[0] ?? 'planning'] ?? 'planning';
  return `requirements/${folder}/${req.id}.yaml`;
}

/** Requirements in the order the loader would read their exported files. */
export function requirementFileOrder<T extends Pick<Requirement, 'id' | 'number' | 'phases'>>(list: readonly T[]): T[] {
  const key = (r: T) => requirementFile(r).split('/');
  return [...list].sort((a, b) => {
    const [, fa = '', na = ''] = key(a);
    const [, fb = '', nb = ''] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : na < nb ? -1 : na > nb ? 1 : 0;
  });
}

/** The single glossary file; the database keeps no record of how terms were grouped into files. */
export const GLOSSARY_FILE = 'glossary/glossary.yaml';

const HEADER = '# Exported by `tebiki export content`; edit through the editor or re-import with `tebiki import content`.\n';

function yaml(value: unknown): string {
  // No anchors/aliases (the loader limits them) and no folding, so lines stay as written.
  return HEADER + loadYaml().stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** Relative file path → YAML text for every file of the edition. Pure. */
export function contentFiles(edition: Edition): Map<string, string> {
  const files = new Map<string, string>();
  files.set('edition.yaml', yaml(edition.meta));
  files.set('taxonomy.yaml', yaml(edition.taxonomy));
  for (const req of edition.requirements) files.set(requirementFile(req), yaml(req));
  if (edition.glossary.length > 0) files.set(GLOSSARY_FILE, yaml({ terms: edition.glossary }));
  const standardNames = inLoadOrder(edition.standards.map((s) => s.id));
  edition.standards.forEach((std, i) => {
    files.set(`standards/${standardNames[i]}.yaml`, yaml(std));
  });
  const oosNames = inLoadOrder(edition.outOfScope.map((o) => o.standard));
  edition.outOfScope.forEach((oos, i) => {
    files.set(`out-of-scope/${oosNames[i]}.yaml`, yaml(oos));
  });
  const reviews = edition.reviews ?? [];
  const reviewNames = inLoadOrder(reviews.map((r) => r.standard));
  reviews.forEach((file, i) => {
    files.set(`reviews/${reviewNames[i]}.yaml`, yaml(file));
  });
  return files;
}

/**
 * File names (without .yaml) that the loader reads back in this order: the
 * names themselves when already sorted and unique, else numbered (two
 * out-of-scope files may name the same standard).
 */
function inLoadOrder(names: readonly string[]): string[] {
  const sorted = names.every((n, i) => i === 0 || `${names[i - 1]}.yaml` < `${n}.yaml`);
  if (sorted) return [...names];
  const width = String(names.length).length;
  return names.map((n, i) => `${String(i + 1).padStart(width, '0')}-${n}`);
}

/**
 * Writes the files under `dir`, which must be missing or empty so no stale
 * file of an earlier export survives into the result. Returns the paths written.
 */
export function writeContent(edition: Edition, dir: string): string[] {
  let existing: string[] = [];
  try {
    existing = readdirSync(dir);
  } catch {
    // Missing: created below.
  }
  if (existing.length > 0) throw new Error(`${dir} is not empty; export into a new or empty folder`);
  const files = contentFiles(edition);
  for (const [path, text] of files) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text, { encoding: 'utf8', flag: 'wx' });
  }
  return [...files.keys()];
}
