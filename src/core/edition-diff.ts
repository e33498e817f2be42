import { canonicalJson } from './audit-chain.js';
import type { DiffSummary, EditionDiff, FieldChange, ItemRef, MappingChange, RequirementRef } from './edition-diff.types.js';
import type { Edition, GlossaryTerm, Mapping, Requirement } from './model/edition.schema.js';

/**
 * What changed between two editions, for review before publishing: items
 * added, removed and changed field by field, mapping links, glossary terms and
 * the edition's own metadata. Pure. Items are matched by their stable id, so
 * moving an item in a list is not a change.
 *
 * The result is a record of named sections so later sections can be added
 * without changing these (e.g. a per-standard coverage change).
 */

export type { FieldChange, ItemRef, RequirementRef, RequirementChange, TermChange, MappingChange, EditionDiff, DiffSummary } from './edition-diff.types.js';

/** Requirement fields compared one by one (mappings separately). */
export const REQUIREMENT_DIFF_FIELDS = [
  'number',
  'title',
  'layers',
  'phases',
  'threatCategory',
  'criteria',
  'interpretation',
  'verification',
  'applicability',
  'references',
  'terms',
] as const satisfies readonly (keyof Requirement)[];

export const TERM_DIFF_FIELDS = ['term', 'reading', 'definition', 'related', 'industryUsage'] as const satisfies readonly (keyof GlossaryTerm)[];

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function fieldChanges<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }));
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** Added (in `after` order), removed (in `before` order) and pairs present in both. */
function matchById<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const old = byId(before);
  const now = byId(after);
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    both: after.flatMap((x) => {
      const o = old.get(x.id);
      return o ? [[o, x] as const] : [];
    }),
  };
}

const reqRef = (r: Requirement): RequirementRef => ({ id: r.id, number: r.number, title: r.title });
const termRef = (t: GlossaryTerm): ItemRef => ({ id: t.id, title: t.term });

function mappingIndex(edition: Edition) {
  const out = new Map<string, { req: Requirement; mapping: Mapping }>();
  for (const req of edition.requirements) {
    for (const mapping of req.mappings) out.set(`${req.id}\u0000${mapping.standard}\u0000${mapping.requirement}`, { req, mapping });
  }
  return out;
}

/** Mapping links keyed by guidebook item + standard + standard requirement, in `after` order then removed ones. */
function diffMappings(before: Edition, after: Edition): MappingChange[] {
  const old = mappingIndex(before);
  const now = mappingIndex(after);
  const link = ({ req, mapping }: { req: Requirement; mapping: Mapping }) => ({
    requirementId: req.id,
    number: req.number,
    standard: mapping.standard,
    target: mapping.requirement,
  });
  const part = (m: Mapping) => ({ relationship: m.relationship, rationale: m.rationale });
  const out: MappingChange[] = [];
  for (const [key, n] of now) {
    const o = old.get(key);
    if (!o) {
      out.push({ kind: 'added', ...link(n), after: part(n.mapping), fields: [] });
      continue;
    }
    const fields = (['relationship', 'rationale'] as const).filter((f) => !same(o.mapping[f], n.mapping[f]));
    if (fields.length) out.push({ kind: 'changed', ...link(n), before: part(o.mapping), after: part(n.mapping), fields });
  }
  for (const [key, o] of old) {
    if (!now.has(key)) out.push({ kind: 'removed', ...link(o), before: part(o.mapping), fields: [] });
  }
  return out;
}

/** Compares `after` (e.g. a draft) with `before` (the edition it was opened from). */
export function diffEditions(before: Edition, after: Edition): EditionDiff {
  const reqs = matchById(before.requirements, after.requirements);
  const changedReqs = reqs.both.map(([o, n]) => ({ ...reqRef(n), fields: fieldChanges(o, n, REQUIREMENT_DIFF_FIELDS) })).filter((c) => c.fields.length > 0);
  const terms = matchById(before.glossary, after.glossary);
  const changedTerms = terms.both.map(([o, n]) => ({ ...termRef(n), fields: fieldChanges(o, n, TERM_DIFF_FIELDS) })).filter((c) => c.fields.length > 0);
  const mappings = diffMappings(before, after);
  const meta = fieldChanges(before.meta, after.meta, ['title', 'date', 'changelog']);
  const other = (['taxonomy', 'standards', 'outOfScope', 'reviews'] as const).filter((k) => !same(before[k] ?? [], after[k] ?? []));
  const count = (kind: MappingChange['kind']) => mappings.filter((m) => m.kind === kind).length;
  const summary: DiffSummary = {
    requirementsAdded: reqs.added.length,
    requirementsRemoved: reqs.removed.length,
    requirementsChanged: changedReqs.length,
    mappingsAdded: count('added'),
    mappingsRemoved: count('removed'),
    mappingsChanged: count('changed'),
    termsAdded: terms.added.length,
    termsRemoved: terms.removed.length,
    termsChanged: changedTerms.length,
    metaChanged: meta.length,
    unchanged: false,
  };
  summary.unchanged = Object.values(summary).every((v) => v === 0 || v === false) && other.length === 0;
  return {
    from: { id: before.meta.id, title: before.meta.title },
    to: { id: after.meta.id, title: after.meta.title },
    meta,
    requirements: { added: reqs.added.map(reqRef), removed: reqs.removed.map(reqRef), changed: changedReqs },
    mappings,
    glossary: { added: terms.added.map(termRef), removed: terms.removed.map(termRef), changed: changedTerms },
    other,
    summary,
  };
}
