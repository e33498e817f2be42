import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import {
  type Edition,
  EditionMeta,
  GlossaryFile,
  type GlossaryTerm,
  OutOfScopeFile,
  Requirement,
  ReviewFile,
  Standard,
  Taxonomy,
} from '../core/model/edition.schema.js';
import type { PathSegment, Problem } from '../core/problems.js';
import { blocksUse } from '../core/validate-completeness.js';
import { declaredId, type EntityRef, validateReferences } from '../core/validate-references.js';
import { parseYamlSource, problemAt, type YamlSource } from './yaml-document.js';
import { yamlFilesUnder } from './yaml-files.js';
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

  const parseFile = <T>(file: string, schema: z.ZodType<T>, rejected?: (value: unknown) => void): { value: T; source: YamlSource } | undefined => {
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
      rejected?.(parsed.source.value);
      return undefined;
    }
    return { value: result.data, source: parsed.source };
  };

  const meta = parseFile(join(dir, 'edition.yaml'), EditionMeta);
  const taxonomy = parseFile(join(dir, 'taxonomy.yaml'), Taxonomy);

  /** Every file of a folder; `items` picks the entities a file holds and their paths in it. */
  const loadFolder = <F, T>(folder: string, schema: z.ZodType<F>, items: (value: F) => [T, PathSegment[]][], rejected?: (value: unknown) => void) => {
    const values: T[] = [];
    const origins: Origin[] = [];
    for (const file of yamlFilesUnder(join(dir, folder))) {
      const parsed = parseFile(file, schema, rejected);
      if (!parsed) continue;
      for (const [value, prefix] of items(parsed.value)) {
        values.push(value);
        origins.push({ source: parsed.source, prefix });
      }
    }
    return { values, origins };
  };
  const whole = <T>(value: T): [T, PathSegment[]][] => [[value, []]];
  // Items whose file fails its schema: their review records are not reported as dangling (the schema problem is the one to fix).
  const unloadedItems = new Set<string>();
  const req = loadFolder('requirements', Requirement, whole, (value) => {
    const id = declaredId(value);
    if (id) unloadedItems.add(id);
  });
  const glo = loadFolder('glossary', GlossaryFile, (f) => f.terms.map((t, i): [GlossaryTerm, PathSegment[]] => [t, ['terms', i]]));
  const std = loadFolder('standards', Standard, whole);
  const oos = loadFolder('out-of-scope', OutOfScopeFile, whole);
  const rev = loadFolder('reviews', ReviewFile, whole);

  if (!meta || !taxonomy) return { ok: false, problems };

  const edition: Edition = {
    meta: meta.value,
    taxonomy: taxonomy.value,
    requirements: req.values,
    glossary: glo.values,
    standards: std.values,
    outOfScope: oos.values,
    reviews: rev.values,
  };
  const originOf = (at: EntityRef): Origin | undefined => {
    switch (at.collection) {
      case 'meta':
        return { source: meta.source, prefix: [] };
      case 'taxonomy':
        return { source: taxonomy.source, prefix: [] };
      case 'requirements':
        return req.origins[at.index];
      case 'glossary':
        return glo.origins[at.index];
      case 'standards':
        return std.origins[at.index];
      case 'outOfScope':
        return oos.origins[at.index];
      case 'reviews':
        return rev.origins[at.index];
    }
  };
  for (const p of validateReferences(edition, unloadedItems)) {
    const origin = originOf(p.at);
    if (!origin) continue;
    const path = [...origin.prefix, ...p.path];
    const { line, column } = origin.source.locate(path);
    problems.push(problemAt(origin.source.file, line, column, p.code, p.message, path, p.severity));
  }

  const hasErrors = problems.some(blocksUse);
  return hasErrors ? { ok: false, problems } : { ok: true, edition, problems };
}
