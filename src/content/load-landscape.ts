import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CatalogSummary } from '../core/landscape.js';
import { validateLandscape } from '../core/landscape.js';
import { Standard } from '../core/model/edition.schema.js';
import { Landscape } from '../core/model/landscape.schema.js';
import type { Problem } from '../core/problems.js';
import { parseYamlSource, problemAt } from './yaml-document.js';
import { yamlFilesUnder } from './yaml-files.js';
import { zodProblems } from './zod-problems.js';

export type LandscapeLoadResult = { ok: true; landscape: Landscape; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Where the standards landscape lives in a content folder. */
export function landscapeFile(contentDir: string): string {
  return join(contentDir, 'landscape.yaml');
}

function displayPath(file: string): string {
  return relative(process.cwd(), file).split(sep).join('/') || file;
}

/**
 * Loads and checks a landscape file: YAML syntax, schema, then the cross
 * references (`catalogIds`, when given, are the standard catalogs the
 * `catalog` fields must name). Every problem carries file:line:column; never throws.
 */
export function loadLandscape(file: string, catalogIds?: ReadonlySet<string>): LandscapeLoadResult {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, problems: [problemAt(shown, 1, 1, 'file-missing', 'file is missing or unreadable')] };
  }
  const parsed = parseYamlSource(shown, text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const result = Landscape.safeParse(parsed.source.value);
  if (!result.success) return { ok: false, problems: zodProblems(parsed.source, result.error.issues) };

  const problems = validateLandscape(result.data, catalogIds).map((p) => {
    const { line, column } = parsed.source.locate(p.path);
    return problemAt(shown, line, column, p.code, p.message, p.path, p.severity);
  });
  return problems.some((p) => p.severity === 'error') ? { ok: false, problems } : { ok: true, landscape: result.data, problems };
}

/**
 * The standard catalogs of a content folder (id, title, version), read from
 * content/standards without validating the whole edition. Files that do not
 * parse are skipped here: `tebiki validate` reports them.
 */
export function readCatalogSummaries(contentDir: string): CatalogSummary[] {
  const out: CatalogSummary[] = [];
  for (const file of yamlFilesUnder(join(contentDir, 'standards'))) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const parsed = parseYamlSource(file, text);
    if (!parsed.ok) continue;
    const standard = Standard.safeParse(parsed.source.value);
    if (standard.success) out.push({ id: standard.data.id, title: standard.data.title, version: standard.data.version });
  }
  return out;
}

/**
 * The problems of a content folder's landscape for `tebiki validate`, its
 * `catalog` fields checked against the folder's standards. The landscape is
 * optional: a folder without landscape.yaml has none.
 */
export function landscapeProblems(contentDir: string): Problem[] {
  const file = landscapeFile(contentDir);
  if (!existsSync(file)) return [];
  return loadLandscape(file, new Set(readCatalogSummaries(contentDir).map((c) => c.id))).problems;
}
