import { z } from 'zod';
import { isMissing } from './zod-field-errors.js';
import { type Edition, EditionMeta, GlossaryTerm, OutOfScopeFile, Requirement, ReviewFile, Standard, Taxonomy } from './model/edition.schema.js';
import { formatPath, type PathSegment, type Severity } from './problems.js';
import { blocksUse } from './validate-completeness.js';
import { declaredId, type EntityRef, validateReferences } from './validate-references.js';

/**
 * Whole-edition validation without files: the same zod schemas the content
 * loader applies file by file, then the same cross-reference checks. Used by
 * the draft editor (API) so a change is judged exactly as `tebiki validate`
 * would judge the exported files. Pure: no I/O.
 */

/** The per-file schemas of content/ put together as one document. */
export const EditionDocument = z
  .object({
    meta: EditionMeta,
    taxonomy: Taxonomy,
    requirements: z.array(Requirement),
    glossary: z.array(GlossaryTerm),
    standards: z.array(Standard),
    outOfScope: z.array(OutOfScopeFile),
    reviews: z.array(ReviewFile).default([]),
  })
  .strict();

/** One problem, located in the edition and in the entity it belongs to. */
export interface EditionProblem {
  severity: Severity;
  /** `schema-*` for schema issues (as the loader names them), else the reference check's code. */
  code: string;
  /** Plain sentence without the location; the path says where. */
  message: string;
  /** Whole-edition path, e.g. `requirements[3].mappings[0].requirement`. */
  path: string;
  /** The entity: collection and index (meta and taxonomy: index 0). */
  at: EntityRef;
  /** The path inside that entity, e.g. `['mappings', 0, 'requirement']`. */
  within: PathSegment[];
}

export type EditionValidation = { ok: true; edition: Edition; problems: EditionProblem[] } | { ok: false; problems: EditionProblem[] };

const COLLECTIONS = new Set<string>(['requirements', 'glossary', 'standards', 'outOfScope', 'reviews']);

function locate(path: readonly PathSegment[]): { at: EntityRef; within: PathSegment[] } {
  const [head, index, ...rest] = path;
  if (typeof head === 'string' && COLLECTIONS.has(head) && typeof index === 'number') {
    return { at: { collection: head as EntityRef['collection'], index }, within: rest };
  }
  if (head === 'meta' || head === 'taxonomy') return { at: { collection: head, index: 0 }, within: path.slice(1) };
  return { at: { collection: 'meta', index: 0 }, within: [...path] };
}

/** The loader's wording for a zod issue of `input`, without the location prefix. */
export function describeSchemaIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const last = issue.path[issue.path.length - 1];
  const missing = isMissing(issue, input);
  if (missing && last === 'en') return 'English text (en) is missing';
  if (missing && last === 'ja') return 'Japanese text (ja) is missing';
  if (missing) return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown key(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_value' && 'values' in issue) return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function segments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/**
 * Validates a whole edition: schemas first (as parsed, so defaults are filled
 * and texts trimmed, exactly as loading the YAML would), then every cross
 * reference. `ok` is false when any problem is an error; warnings pass.
 */
export function validateEdition(input: unknown): EditionValidation {
  const parsed = EditionDocument.safeParse(input);
  if (parsed.success) {
    const problems = referenceProblems(parsed.data as Edition);
    return problems.some(blocksUse) ? { ok: false, problems } : { ok: true, edition: parsed.data as Edition, problems };
  }
  const schema: EditionProblem[] = parsed.error.issues.map((issue) => {
    const path = segments(issue.path);
    return {
      severity: 'error',
      code: `schema-${issue.code.replaceAll('_', '-')}`,
      message: describeSchemaIssue(issue, input),
      path: formatPath(path),
      ...locate(path),
    };
  });
  // Like the loader, which skips a file that fails its schema and still checks the references of the rest.
  const partial = schemaValidPart(input);
  return { ok: false, problems: partial ? [...schema, ...referenceProblems(partial.edition, partial.originalIndex, partial.unloadedItems)] : schema };
}

type Collection = 'requirements' | 'glossary' | 'standards' | 'outOfScope' | 'reviews';
const ITEM_SCHEMAS: Record<Collection, z.ZodType> = {
  requirements: Requirement,
  glossary: GlossaryTerm,
  standards: Standard,
  outOfScope: OutOfScopeFile,
  reviews: ReviewFile,
};

/**
 * The entities that pass their own schema, with their indexes in the input;
 * undefined when meta or taxonomy fail (nothing can be checked against them).
 */
function schemaValidPart(input: unknown): { edition: Edition; originalIndex: Record<Collection, number[]>; unloadedItems: Set<string> } | undefined {
  const doc = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const meta = EditionMeta.safeParse(doc.meta);
  const taxonomy = Taxonomy.safeParse(doc.taxonomy);
  if (!meta.success || !taxonomy.success) return undefined;
  const originalIndex: Record<Collection, number[]> = { requirements: [], glossary: [], standards: [], outOfScope: [], reviews: [] };
  const unloadedItems = new Set<string>();
  const valid = (key: Collection) => {
    const list = Array.isArray(doc[key]) ? (doc[key] as unknown[]) : [];
    return list.flatMap((item, i) => {
      const r = ITEM_SCHEMAS[key].safeParse(item);
      if (!r.success) {
        const id = key === 'requirements' ? declaredId(item) : undefined;
        if (id) unloadedItems.add(id);
        return [];
      }
      originalIndex[key].push(i);
      return [r.data];
    });
  };
  const edition = {
    meta: meta.data,
    taxonomy: taxonomy.data,
    requirements: valid('requirements'),
    glossary: valid('glossary'),
    standards: valid('standards'),
    outOfScope: valid('outOfScope'),
    reviews: valid('reviews'),
  } as Edition;
  return { edition, originalIndex, unloadedItems };
}

/** Cross-reference problems, located by the entities' indexes in the input. */
function referenceProblems(edition: Edition, originalIndex?: Record<Collection, number[]>, unloadedItems?: ReadonlySet<string>): EditionProblem[] {
  return validateReferences(edition, unloadedItems).map((p) => {
    const c = p.at.collection;
    const at: EntityRef = c === 'meta' || c === 'taxonomy' ? p.at : { collection: c, index: originalIndex?.[c][p.at.index] ?? p.at.index };
    const prefix: PathSegment[] = c === 'meta' || c === 'taxonomy' ? [c] : [c, at.index];
    return { severity: p.severity, code: p.code, message: p.message, path: formatPath([...prefix, ...p.path]), at, within: p.path };
  });
}
