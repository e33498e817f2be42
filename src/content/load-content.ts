import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { type Edition, EditionMeta, GlossaryFile, type GlossaryTerm, OutOfScopeFile, Requirement, Standard, Taxonomy } from '../core/model/edition.schema.js';
import type { PathSegment, Problem } from '../core/problems.js';
import { type EntityRef, validateReferences } from '../core/validate-references.js';
import { parseYamlSource, problemAt, type YamlSource } from './yaml-document.js';
import { zodProblems } from './zod-problems.js';

export type LoadResult = { ok: true; edition: Edition; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Where each loaded entity came from, so problems can name file and line. */
interface Origin {
  source: YamlSource;
  prefix: PathSegment[];
}

/**
 * Loads a content directory (edition.yaml, taxonomy.yaml, requirements/,
 * glossary/, standards/) and validates schemas and every cross reference.
 * Reports all problems at once; never throws on bad content.
 */
export function loadContent(dir: string): LoadResult {
  const problems: Problem[] = [];
  const rel = (f: string) => relative(process.cwd(), f).split(sep).join('/') || f;

  const parseFile = <T>(file: string, schema: z.ZodType<T>): { value: T; source: YamlSource } | undefined => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      problems.push(problemAt(rel(file), 1, 1, 'file-missing', 'file is missing or unreadable'));
      return undefined;
    }
    const parsed = parseYamlSource(rel(file), text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      return undefined;
    }
    const result = schema.safeParse(parsed.source.value);
    if (!result.success) {
      problems.push(...zodProblems(parsed.source, result.error.issues));
      return undefined;
    }
    return { value: result.data, source: parsed.source };
  };

  const meta = parseFile(join(dir, 'edition.yaml'), EditionMeta);
  const taxonomy = parseFile(join(dir, 'taxonomy.yaml'), Taxonomy);

  const requirements: Requirement[] = [];
  const requirementOrigins: Origin[] = [];
  for (const file of yamlFilesUnder(join(dir, 'requirements'))) {
    const r = parseFile(file, Requirement);
    if (r) {
      requirements.push(r.value);
      requirementOrigins.push({ source: r.source, prefix: [] });
    }
  }

  const glossary: GlossaryTerm[] = [];
  const glossaryOrigins: Origin[] = [];
  for (const file of yamlFilesUnder(join(dir, 'glossary'))) {
    const g = parseFile(file, GlossaryFile);
    g?.value.terms.forEach((term, i) => {
      glossary.push(term);
      glossaryOrigins.push({ source: g.source, prefix: ['terms', i] });
    });
  }

  const standards: Standard[] = [];
  const standardOrigins: Origin[] = [];
  for (const file of yamlFilesUnder(join(dir, 'standards'))) {
    const s = parseFile(file, Standard);
    if (s) {
      standards.push(s.value);
      standardOrigins.push({ source: s.source, prefix: [] });
    }
  }

  const outOfScope: OutOfScopeFile[] = [];
  const outOfScopeOrigins: Origin[] = [];
  for (const file of yamlFilesUnder(join(dir, 'out-of-scope'))) {
    const o = parseFile(file, OutOfScopeFile);
    if (o) {
      outOfScope.push(o.value);
      outOfScopeOrigins.push({ source: o.source, prefix: [] });
    }
  }

  if (!meta || !taxonomy) return { ok: false, problems };

  const edition: Edition = { meta: meta.value, taxonomy: taxonomy.value, requirements, glossary, standards, outOfScope };
  const originOf = (at: EntityRef): Origin | undefined => {
    switch (at.collection) {
      case 'meta':
        return { source: meta.source, prefix: [] };
      case 'taxonomy':
        return { source: taxonomy.source, prefix: [] };
      case 'requirements':
        return requirementOrigins[at.index];
      case 'glossary':
        return glossaryOrigins[at.index];
      case 'standards':
        return standardOrigins[at.index];
      case 'outOfScope':
        return outOfScopeOrigins[at.index];
    }
  };
  for (const p of validateReferences(edition)) {
    const origin = originOf(p.at);
    if (!origin) continue;
    const path = [...origin.prefix, ...p.path];
    const { line, column } = origin.source.locate(path);
    problems.push(problemAt(origin.source.file, line, column, p.code, p.message, path, p.severity));
  }

  const hasErrors = problems.some((p) => p.severity === 'error');
  return hasErrors ? { ok: false, problems } : { ok: true, edition, problems };
}

/** YAML files below a folder, sorted, so loading order (and hashes) are stable. */
function yamlFilesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}
