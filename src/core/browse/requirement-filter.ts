import type { FieldError } from '../errors.js';
import type { Edition, Requirement, ThreatCategory } from '../model/edition.schema.js';
import type { Layer, Phase, Stage } from '../taxonomy.js';

/**
 * Filters of the item list. Every field is optional; the given ones are
 * combined with AND. Ids only: labels live in the edition's taxonomy.
 */
export interface RequirementFilter {
  layer?: Layer | undefined;
  phase?: Phase | undefined;
  /** 大区分: items with at least one phase of this stage. */
  stage?: Stage | undefined;
  /** The category or any category below it in the tree. */
  threatCategory?: string | undefined;
  /** Items with at least one mapping to this standard. */
  standard?: string | undefined;
  /** Items that list this applicability condition. */
  applicability?: string | undefined;
}

/** The ids of a threat category and every category beneath it; empty when the id is unknown. */
export function threatCategoryScope(tree: readonly ThreatCategory[], id: string): Set<string> {
  const scope = new Set<string>();
  const collect = (node: ThreatCategory) => {
    scope.add(node.id);
    for (const child of node.children ?? []) collect(child);
  };
  const find = (list: readonly ThreatCategory[]): boolean => {
    for (const node of list) {
      if (node.id === id) {
        collect(node);
        return true;
      }
      if (node.children && find(node.children)) return true;
    }
    return false;
  };
  find(tree);
  return scope;
}

/**
 * Filter values that name nothing in this edition. Layers, phases and stages
 * are fixed vocabularies checked at the edge; the rest depend on the edition,
 * so an unknown one is a mistake worth naming rather than an empty list.
 */
export function unknownFilterValues(edition: Edition, filter: RequirementFilter, where = 'query'): FieldError[] {
  const errors: FieldError[] = [];
  if (filter.threatCategory !== undefined && threatCategoryScope(edition.taxonomy.threatCategories, filter.threatCategory).size === 0) {
    errors.push({ path: `${where}.threatCategory`, message: `unknown threat category "${filter.threatCategory}"`, code: 'unknown' });
  }
  if (filter.standard !== undefined && !edition.standards.some((s) => s.id === filter.standard)) {
    errors.push({ path: `${where}.standard`, message: `unknown standard "${filter.standard}"`, code: 'unknown' });
  }
  if (filter.applicability !== undefined && !edition.taxonomy.applicability.some((a) => a.id === filter.applicability)) {
    errors.push({ path: `${where}.applicability`, message: `unknown applicability condition "${filter.applicability}"`, code: 'unknown' });
  }
  return errors;
}

/** Sorts by display number, numerically ("D-2.10" after "D-2.9"). */
export function byNumber(a: Requirement, b: Requirement): number {
  return a.number.localeCompare(b.number, 'en', { numeric: true });
}

/** The items matching every given filter, in display-number order. */
export function filterRequirements(edition: Edition, filter: RequirementFilter): Requirement[] {
  const categories = filter.threatCategory === undefined ? null : threatCategoryScope(edition.taxonomy.threatCategories, filter.threatCategory);
  // The stage of a phase comes from the edition's taxonomy, the same place the matrix reads it.
  const stageOf = new Map<string, string>(edition.taxonomy.phases.map((p) => [p.id, p.stage]));
  const { layer, phase, stage, standard, applicability } = filter;
  return edition.requirements
    .filter(
      (r) =>
        (layer === undefined || r.layers.includes(layer)) &&
        (phase === undefined || r.phases.includes(phase)) &&
        (stage === undefined || r.phases.some((p) => stageOf.get(p) === stage)) &&
        (categories === null || categories.has(r.threatCategory)) &&
        (standard === undefined || r.mappings.some((m) => m.standard === standard)) &&
        (applicability === undefined || r.applicability.includes(applicability)),
    )
    .sort(byNumber);
}
