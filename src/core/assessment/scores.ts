import type { Edition, Localized, ThreatCategory } from '../model/edition.schema.js';
import { LAYERS, PHASES } from '../taxonomy.js';
import type { GivenVerdict } from './assessment.types.js';
import type { ChecksheetItem } from './checksheet.types.js';
import type { AssessmentScores, ScoreGroup, VerdictCounts } from './results.types.js';
import { DECIDED_VERDICTS, type Verdict } from './verdicts.js';

export function emptyVerdictCounts(): VerdictCounts {
  return { pass: 0, partial: 0, fail: 0, 'not-applicable': 0, unassessed: 0, 'needs-review': 0, total: 0 };
}

/** Each item's verdict by requirement id; an item without an answer is unassessed. */
export function verdictsByItem(items: readonly ChecksheetItem[], answers: readonly GivenVerdict[]): Map<string, Verdict> {
  const given = new Map(answers.map((a) => [a.requirementId, a.verdict] as const));
  return new Map(items.map((i) => [i.requirementId, given.get(i.requirementId) ?? 'unassessed'] as const));
}

/** A group's counts and score: (pass + ½·partial) / (total − not-applicable); open verdicts count as not met. */
export function scoreGroup(id: string, label: Localized, verdicts: readonly Verdict[]): ScoreGroup {
  const counts = emptyVerdictCounts();
  for (const v of verdicts) counts[v] += 1;
  counts.total = verdicts.length;
  const applicable = counts.total - counts['not-applicable'];
  const decided = verdicts.filter((v) => DECIDED_VERDICTS.has(v)).length;
  return {
    id,
    label,
    counts,
    score: applicable > 0 ? (counts.pass + counts.partial / 2) / applicable : null,
    completion: counts.total > 0 ? decided / counts.total : 0,
  };
}

/** Top-level threat category id of every category id in the taxonomy. */
function topLevelOf(categories: readonly ThreatCategory[]): Map<string, ThreatCategory> {
  const top = new Map<string, ThreatCategory>();
  const visit = (root: ThreatCategory, node: ThreatCategory) => {
    top.set(node.id, root);
    for (const child of node.children ?? []) visit(root, child);
  };
  for (const root of categories) visit(root, root);
  return top;
}

/**
 * Groups by top-level threat category, in taxonomy order, only those with
 * items. An item whose category the taxonomy lacks forms its own group, last.
 */
function byThreatCategory(edition: Edition, items: readonly ChecksheetItem[], verdicts: Map<string, Verdict>): ScoreGroup[] {
  const top = topLevelOf(edition.taxonomy.threatCategories);
  const groups = new Map<string, { label: Localized; verdicts: Verdict[] }>();
  for (const root of edition.taxonomy.threatCategories) groups.set(root.id, { label: root.label, verdicts: [] });
  for (const item of items) {
    const root = top.get(item.threatCategory.id);
    const id = root?.id ?? item.threatCategory.id;
    let group = groups.get(id);
    if (!group) {
      group = { label: item.threatCategory.label, verdicts: [] };
      groups.set(id, group);
    }
    group.verdicts.push(verdicts.get(item.requirementId) ?? 'unassessed');
  }
  return [...groups].filter(([, g]) => g.verdicts.length > 0).map(([id, g]) => scoreGroup(id, g.label, g.verdicts));
}

/** Scores overall and by layer, phase and threat category. An item in several layers or phases counts in each. */
export function assessmentScores(edition: Edition, items: readonly ChecksheetItem[], answers: readonly GivenVerdict[]): AssessmentScores {
  const verdicts = verdictsByItem(items, answers);
  const of = (list: readonly ChecksheetItem[]) => list.map((i) => verdicts.get(i.requirementId) ?? 'unassessed');
  const layerLabel = new Map(edition.taxonomy.layers.map((l) => [l.id, l.label] as const));
  const phaseLabel = new Map(edition.taxonomy.phases.map((p) => [p.id, p.label] as const));
  const fallback = (id: string): Localized => ({ ja: id, en: id });
  return {
    overall: scoreGroup('overall', { ja: '全体', en: 'Overall' }, of(items)),
    byLayer: LAYERS.map((l) => scoreGroup(l, layerLabel.get(l) ?? fallback(l), of(items.filter((i) => i.layers.includes(l))))),
    byPhase: PHASES.map((p) => scoreGroup(p, phaseLabel.get(p) ?? fallback(p), of(items.filter((i) => i.phases.includes(p))))),
    byThreatCategory: byThreatCategory(edition, items, verdicts),
  };
}
