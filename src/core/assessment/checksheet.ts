import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit-chain.js';
import { coverageOf } from '../coverage/coverage.js';
import type { CoverageFilters, RequirementCoverage } from '../coverage/coverage.types.js';
import { type FieldError, validationErrors } from '../errors.js';
import type { Edition, Localized, Requirement, StandardNode, ThreatCategory } from '../model/edition.schema.js';
import { answersRequirement, LAYERS, PHASES, type Phase } from '../taxonomy.js';
import { flattenThreatCategories } from '../validate-references.js';
import type { Checksheet, ChecksheetItem, ChecksheetSpec, ChecksheetTarget, ExcludedItem } from './checksheet.types.js';

/** The fingerprint of what an assessor checks an item against. */
export function itemHash(r: Requirement): string {
  const material = canonicalJson({
    title: r.title,
    layers: r.layers,
    phases: r.phases,
    threatCategory: r.threatCategory,
    criteria: r.criteria,
    verification: r.verification,
    applicability: r.applicability,
  });
  return createHash('sha256').update(material).digest('hex');
}

function hasLevels(nodes: readonly StandardNode[]): boolean {
  return nodes.some((n) => (n.levels?.length ?? 0) > 0 || hasLevels(n.children ?? []));
}

/** Problems with a spec against an edition: unknown standard, profile condition, or a level the standard has no data for. */
export function checksheetSpecProblems(edition: Edition, spec: ChecksheetSpec): FieldError[] {
  const errors: FieldError[] = [];
  const conditions = new Set(edition.taxonomy.applicability.map((a) => a.id));
  (spec.profile ?? []).forEach((c, i) => {
    if (!conditions.has(c)) errors.push({ path: `profile[${i}]`, message: `unknown applicability condition "${c}"`, code: 'unknown' });
  });
  const target = spec.target;
  if (target) {
    const standard = edition.standards.find((s) => s.id === target.standard);
    if (!standard) {
      errors.push({ path: 'standard', message: `standard "${target.standard}" is not in edition ${edition.meta.id}`, code: 'unknown' });
    } else if (target.securityLevel !== undefined) {
      if (!hasLevels(standard.requirements)) errors.push({ path: 'sl', message: `standard "${target.standard}" has no security levels`, code: 'invalid' });
      if (!Number.isInteger(target.securityLevel) || target.securityLevel < 1 || target.securityLevel > 4) {
        errors.push({ path: 'sl', message: 'must be a whole number from 1 to 4', code: 'bad-format' });
      }
    }
  }
  return errors;
}

/** The coverage filters a checksheet target stands for. */
export function targetFilters(t: ChecksheetTarget): CoverageFilters {
  return {
    ...(t.securityLevel !== undefined ? { securityLevel: t.securityLevel } : {}),
    ...(t.componentType ? { componentType: t.componentType } : {}),
    ...(t.mandatoryOnly ? { statuses: ['mandatory'] } : {}),
  };
}

/** The standards the checked items reach through the edition's mappings, in the edition's order. */
export function reachedStandards(edition: Edition, items: readonly Pick<ChecksheetItem, 'requirementId'>[]): Edition['standards'] {
  const checked = new Set(items.map((i) => i.requirementId));
  const reached = new Set<string>();
  for (const r of edition.requirements) {
    if (!checked.has(r.id)) continue;
    for (const m of r.mappings) if (answersRequirement(m.relationship)) reached.add(m.standard);
  }
  return edition.standards.filter((s) => reached.has(s.id));
}

/** Standard requirement ids (with enhancements) that apply under the target's filters, each with the links reaching it. */
function targetRequirements(edition: Edition, spec: ChecksheetSpec): Set<string> | null {
  const t = spec.target;
  if (!t) return null;
  const report = coverageOf(edition, t.standard, targetFilters(t));
  const ids = new Set<string>();
  const add = (r: RequirementCoverage) => {
    if (r.coverage !== 'not-applicable') ids.add(r.id);
    r.enhancements.forEach(add);
  };
  report.requirements.forEach(add);
  return ids;
}

const firstIndex = (values: readonly string[], order: readonly string[], within: readonly string[]) => {
  const pool = within.length > 0 ? values.filter((v) => within.includes(v)) : values;
  return Math.min(...pool.map((v) => order.indexOf(v)));
};

/** The phase an item is listed under in a checksheet: its first phase within the filter (the ordering's first key). */
export function leadingPhase(item: Pick<ChecksheetItem, 'phases'>, spec: Pick<ChecksheetSpec, 'phases'>): Phase | undefined {
  return PHASES[firstIndex(item.phases, PHASES, spec.phases)];
}

/**
 * A checksheet from an edition: the items in the chosen layers and phases that
 * apply to the product's profile and, with a target, reach the target
 * standard; ordered by phase, then layer (the first of each the item has
 * within the filter), then number.
 */
export function generateChecksheet(edition: Edition, spec: ChecksheetSpec): Checksheet {
  const problems = checksheetSpecProblems(edition, spec);
  if (problems.length > 0) throw validationErrors(problems);
  const reached = targetRequirements(edition, spec);
  // First match wins, as a search of the tree would.
  const categories = new Map<string, ThreatCategory>();
  for (const c of flattenThreatCategories(edition.taxonomy.threatCategories)) if (!categories.has(c.id)) categories.set(c.id, c);
  const conditionLabel = new Map(edition.taxonomy.applicability.map((a) => [a.id, a.label] as const));
  const items: ChecksheetItem[] = [];
  const excluded: ExcludedItem[] = [];
  for (const r of edition.requirements) {
    if (spec.layers.length > 0 && !r.layers.some((l) => spec.layers.includes(l))) continue;
    if (spec.phases.length > 0 && !r.phases.some((p) => spec.phases.includes(p))) continue;
    const targetLinks = reached
      ? r.mappings.filter((m) => m.standard === spec.target?.standard && answersRequirement(m.relationship) && reached.has(m.requirement))
      : [];
    if (reached && targetLinks.length === 0) continue;
    if (spec.profile && r.applicability.length > 0 && !r.applicability.some((c) => spec.profile?.includes(c))) {
      const labels = r.applicability.map((c) => conditionLabel.get(c) ?? { ja: c, en: c });
      excluded.push({ requirementId: r.id, no: r.number, reason: profileReason(labels) });
      continue;
    }
    const category = categories.get(r.threatCategory);
    items.push({
      no: r.number,
      requirementId: r.id,
      title: r.title,
      layers: r.layers,
      phases: r.phases,
      threatCategory: { id: r.threatCategory, label: category?.label ?? { ja: r.threatCategory, en: r.threatCategory } },
      criteria: r.criteria,
      method: { methods: r.verification.methods, steps: r.verification.steps },
      applicability: r.applicability,
      targetLinks: targetLinks.map((m) => ({ requirement: m.requirement, relationship: m.relationship })),
      hash: itemHash(r),
    });
  }
  const key = (i: ChecksheetItem) => [firstIndex(i.phases, PHASES, spec.phases), firstIndex(i.layers, LAYERS, spec.layers)] as const;
  items.sort((a, b) => {
    const [pa, la] = key(a);
    const [pb, lb] = key(b);
    return pa - pb || la - lb || a.no.localeCompare(b.no, 'en', { numeric: true });
  });
  const labels = {
    layers: edition.taxonomy.layers.map((l) => ({ id: l.id, label: l.label })),
    phases: edition.taxonomy.phases.map((p) => ({ id: p.id, label: p.label })),
  };
  return { edition: { id: edition.meta.id, title: edition.meta.title, date: edition.meta.date }, labels, spec, items, excluded };
}

function profileReason(labels: Localized[]): Localized {
  return {
    ja: `適用条件（${labels.map((l) => l.ja).join('、')}）のいずれにも該当しない`,
    en: `meets none of its conditions (${labels.map((l) => l.en).join(', ')})`,
  };
}
