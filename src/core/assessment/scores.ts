import type { Edition, Localized, ThreatCategory } from '../model/edition.schema.js';
import { LAYERS, PHASES } from '../taxonomy.js';
import type { GivenVerdict } from './assessment.types.js';
import type { ChecksheetItem } from './checksheet.types.js';
import type { AssessmentScores, ScoreGroup, VerdictCounts } from './results.types.js';
import { DECIDED_VERDICTS, type Verdict } from './verdicts.js';

export function emptyVerdictCounts(): VerdictCounts {
  return { pass: 0, partial: 0, fail: 0, 'not-applicable': 0, unassessed: 0, 'needs-review': 0, total: 0 };
}

/** The last index made for a frozen list of answers (one request computes scores and several views from it). */
const indexOfFrozen = new WeakMap<readonly GivenVerdict[], { items: readonly ChecksheetItem[]; verdicts: ReadonlyMap<string, Verdict> }>();

/**
 * Each item's verdict by requirement id; an item without an answer is
 * unassessed. For a frozen list of answers the index is made once per list
 * and items (the results of one request ask for it three times); a list that
 * can still change is indexed anew on every call.
 */
export function verdictsByItem(items: readonly ChecksheetItem[], answers: readonly GivenVerdict[]): ReadonlyMap<string, Verdict> {
  const kept = indexOfFrozen.get(answers);
  if (kept?.items === items) return kept.verdicts;
  const given = new Map(answers.map((a) => [a.requirementId, a.verdict] as const));
  const verdicts = new Map(items.map((i) => [i.requirementId, given.get(i.requirementId) ?? 'unassessed'] as const));
  if (Object.isFrozen(answers)) indexOfFrozen.set(answers, { items, verdicts });
  return verdicts;
}

/** A group's counts and score: (pass + ½·partial) / (total − not-applicable); open verdicts count as not met. */
export function scoreGroup(id: string, label: Localized, verdicts: readonly Verdict[]): ScoreGroup {
  const counts = emptyVerdictCounts();
  for (const v of verdicts) counts[v] += 1;
  return scoredCounts(id, label, counts);
}

/** The score of counted verdicts (their total included). */
function scoredCounts(id: string, label: Localized, counts: VerdictCounts): ScoreGroup {
  counts.total = counts.pass + counts.partial + counts.fail + counts['not-applicable'] + counts.unassessed + counts['needs-review'];
  const applicable = counts.total - counts['not-applicable'];
  let decided = 0;
  for (const v of DECIDED_VERDICTS) decided += counts[v];
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
 * Scores overall and by layer, phase and threat category, counted in one pass
 * over the items. An item in several layers or phases counts in each. Threat
 * categories: by top-level category, in taxonomy order, only those with items;
 * an item whose category the taxonomy lacks forms its own group, last.
 */
export function assessmentScores(edition: Edition, items: readonly ChecksheetItem[], answers: readonly GivenVerdict[]): AssessmentScores {
  const verdicts = verdictsByItem(items, answers);
  const overall = emptyVerdictCounts();
  const byLayer = new Map(LAYERS.map((l) => [l as string, emptyVerdictCounts()] as const));
  const byPhase = new Map(PHASES.map((p) => [p as string, emptyVerdictCounts()] as const));
  const top = topLevelOf(edition.taxonomy.threatCategories);
  const threats = new Map<string, { label: Localized; counts: VerdictCounts }>();
  for (const root of edition.taxonomy.threatCategories) threats.set(root.id, { label: root.label, counts: emptyVerdictCounts() });
  for (const item of items) {
    const verdict = verdicts.get(item.requirementId) ?? 'unassessed';
    overall[verdict] += 1;
    for (const l of item.layers) {
      const counts = byLayer.get(l);
      if (counts) counts[verdict] += 1;
    }
    for (const p of item.phases) {
      const counts = byPhase.get(p);
      if (counts) counts[verdict] += 1;
    }
    const root = top.get(item.threatCategory.id);
    const threatId = root?.id ?? item.threatCategory.id;
    let threat = threats.get(threatId);
    if (!threat) {
      threat = { label: item.threatCategory.label, counts: emptyVerdictCounts() };
      threats.set(threatId, threat);
    }
    threat.counts[verdict] += 1;
  }
  const layerLabel = new Map(edition.taxonomy.layers.map((l) => [l.id, l.label] as const));
  const phaseLabel = new Map(edition.taxonomy.phases.map((p) => [p.id, p.label] as const));
  const fallback = (id: string): Localized => ({ ja: id, en: id });
  return {
    overall: scoredCounts('overall', { ja: '全体', en: 'Overall' }, overall),
    byLayer: LAYERS.map((l) => scoredCounts(l, layerLabel.get(l) ?? fallback(l), byLayer.get(l) ?? emptyVerdictCounts())),
    byPhase: PHASES.map((p) => scoredCounts(p, phaseLabel.get(p) ?? fallback(p), byPhase.get(p) ?? emptyVerdictCounts())),
    byThreatCategory: [...threats].map(([id, g]) => scoredCounts(id, g.label, g.counts)).filter((g) => g.counts.total > 0),
  };
}
