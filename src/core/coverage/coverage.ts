import { AppError } from '../errors.js';
import type { Edition, Requirement, Standard, StandardNode } from '../model/edition.schema.js';
import { reviewIndex, reviewKey } from '../mapping-review.js';
import { answersRequirement, type Relationship, STRONG_RELATIONSHIPS } from '../taxonomy.js';
import { confidenceOf, notApplicableReason } from './applicability.js';
import type { CellCoverage, CoverageCounts, CoverageFilters, CoverageLink, CoverageReport, CoverageStatus, RequirementCoverage } from './coverage.types.js';

/** Links that fully answer a standard requirement (GUIDE §1). */
export const COVERING: ReadonlySet<Relationship> = STRONG_RELATIONSHIPS;
/** Links that answer it only in part. */
export const PARTIAL: ReadonlySet<Relationship> = new Set(['subset-of', 'intersects-with']);

export function emptyCounts(): CoverageCounts {
  return { total: 0, covered: 0, partial: 0, 'out-of-scope': 0, pending: 0, gap: 0, 'not-applicable': 0 };
}

export interface LinkOptions {
  /** Only links whose review state is `reviewed` (coverage --reviewed-only). */
  reviewedOnly?: boolean;
  /** `answering` (default): links that count for coverage; `supportive`: supportive links only. */
  kind?: 'answering' | 'supportive';
}

/**
 * Guidebook links into one standard, by standard requirement id. One pass over
 * the mappings. By default only links that answer the requirement (never
 * `no-relationship`, never supportive); `kind: 'supportive'` gives the others.
 */
export function linksInto(edition: Edition, standardId: string, options: LinkOptions = {}): Map<string, CoverageLink[]> {
  const links = new Map<string, CoverageLink[]>();
  const reviews = options.reviewedOnly ? reviewIndex(edition) : null;
  const wanted = options.kind === 'supportive' ? (rel: Relationship) => rel === 'supports' : answersRequirement;
  for (const r of edition.requirements) {
    for (const m of r.mappings) {
      if (m.standard !== standardId || !wanted(m.relationship)) continue;
      if (reviews && reviews.get(reviewKey(r.id, standardId, m.requirement))?.state !== 'reviewed') continue;
      let list = links.get(m.requirement);
      if (!list) {
        list = [];
        links.set(m.requirement, list);
      }
      list.push({ requirementId: r.id, number: r.number, title: r.title, relationship: m.relationship, rationale: m.rationale });
    }
  }
  return links;
}

/**
 * Coverage of one standard by one edition: every requirement of the standard
 * is covered, partial, out of scope (declared with a reason), pending
 * (declared, but the requirement itself is unconfirmed), a gap, or not
 * applicable under the filters, with the items and relationships behind it.
 */
export function coverageOf(edition: Edition, standardId: string, filters: CoverageFilters = {}): CoverageReport {
  const standard = edition.standards.find((s) => s.id === standardId);
  if (!standard) throw new AppError('not-found', `standard ${standardId} is not in edition ${edition.meta.id}`);
  const links = linksInto(edition, standardId, { reviewedOnly: filters.reviewedOnly === true });
  const supportive = linksInto(edition, standardId, { kind: 'supportive' });
  const declared = new Map(edition.outOfScope.filter((o) => o.standard === standardId).flatMap((o) => o.declarations.map((d) => [d.requirement, d] as const)));
  const unverifiedLevels: string[] = [];

  const assess = (node: StandardNode, parentId: string | null, groupId: string | null): RequirementCoverage => {
    const reason = notApplicableReason(node, filters);
    const nodeLinks = links.get(node.id) ?? [];
    const declaration = declared.get(node.id);
    let coverage: CoverageStatus;
    if (reason) coverage = 'not-applicable';
    else if (nodeLinks.some((l) => COVERING.has(l.relationship))) coverage = 'covered';
    else if (nodeLinks.length > 0) coverage = 'partial';
    else if (declaration) coverage = declaration.unconfirmedTarget ? 'pending' : 'out-of-scope';
    else coverage = 'gap';
    if (!reason && filters.securityLevel !== undefined && confidenceOf(node, standard) !== 'verified') unverifiedLevels.push(node.id);
    return {
      id: node.id,
      kind: node.kind,
      title: node.title,
      parentId,
      groupId,
      status: node.status ?? null,
      conditions: node.conditions ?? [],
      levels: node.levels ?? [],
      appliesTo: node.appliesTo ?? [],
      confidence: confidenceOf(node, standard),
      unconfirmed: node.unconfirmed === true,
      coverage,
      reason: reason ?? (coverage === 'out-of-scope' || coverage === 'pending' ? (declaration?.reason ?? null) : null),
      links: nodeLinks,
      supportive: supportive.get(node.id) ?? [],
      enhancements: (node.children ?? []).filter((c) => c.kind === 'enhancement').map((c) => assess(c, node.id, groupId)),
    };
  };

  const requirements: RequirementCoverage[] = [];
  const walk = (nodes: readonly StandardNode[], parentId: string | null, groupId: string | null) => {
    for (const node of nodes) {
      const group = node.kind === 'group' ? (groupId ?? node.id) : groupId;
      if (node.kind === 'group') {
        walk(node.children ?? [], node.id, group);
        continue;
      }
      if (node.kind === 'enhancement') continue; // listed under its requirement
      requirements.push(assess(node, parentId, group));
      walk(
        (node.children ?? []).filter((c) => c.kind !== 'enhancement'),
        node.id,
        group,
      );
    }
  };
  walk(standard.requirements, null, null);

  return {
    edition: { id: edition.meta.id, title: edition.meta.title },
    standard: { id: standard.id, title: standard.title, version: standard.version, confidence: standard.confidence },
    filters,
    summary: countAll(counted(requirements, filters)),
    requirements,
    groups: groupCounts(standard, requirements, filters),
    cells: cellCoverage(edition, counted(requirements, filters)),
    unverifiedLevels,
  };
}

/**
 * What the summary counts: every requirement, and, when a security level is
 * chosen, the enhancements that apply at it (SL-C n means the requirement and
 * its enhancements up to n).
 */
function counted(requirements: RequirementCoverage[], filters: CoverageFilters): RequirementCoverage[] {
  if (filters.securityLevel === undefined) return requirements;
  return requirements.flatMap((r) => [r, ...r.enhancements]);
}

function countAll(list: readonly RequirementCoverage[]): CoverageCounts {
  const counts = emptyCounts();
  for (const r of list) {
    counts[r.coverage] += 1;
    if (r.coverage !== 'not-applicable') counts.total += 1;
  }
  return counts;
}

function groupCounts(standard: Standard, requirements: RequirementCoverage[], filters: CoverageFilters) {
  return standard.requirements
    .filter((n) => n.kind === 'group')
    .map((g) => ({
      id: g.id,
      title: g.title,
      counts: countAll(
        counted(
          requirements.filter((r) => r.groupId === g.id),
          filters,
        ),
      ),
    }));
}

/**
 * Per layer × phase: how many standard requirements items of that cell cover
 * fully or in part. Distinct counts through a byte matrix (cells × standard
 * requirements) with numeric indices: a 50x edition has ~60,000 links.
 */
function cellCoverage(edition: Edition, list: readonly RequirementCoverage[]): CellCoverage[] {
  const layers = edition.taxonomy.layers.map((l) => l.id);
  const phases = edition.taxonomy.phases.map((p) => p.id);
  const layerIndex = new Map<string, number>(layers.map((l, i) => [l, i]));
  const phaseIndex = new Map<string, number>(phases.map((p, i) => [p, i]));
  const byId = new Map<string, Requirement>(edition.requirements.map((r) => [r.id, r]));
  const memo = new Map<string, number[]>();
  const cellsOf = (id: string): number[] => {
    let cells = memo.get(id);
    if (!cells) {
      cells = [];
      const r = byId.get(id);
      for (const l of r?.layers ?? []) for (const p of r?.phases ?? []) cells.push((layerIndex.get(l) ?? 0) * phases.length + (phaseIndex.get(p) ?? 0));
      memo.set(id, cells);
    }
    return cells;
  };
  const n = list.length;
  const strong = new Uint8Array(layers.length * phases.length * n);
  const weak = new Uint8Array(layers.length * phases.length * n);
  list.forEach((sr, i) => {
    if (sr.coverage === 'not-applicable') return;
    for (const link of sr.links) {
      const bits = COVERING.has(link.relationship) ? strong : weak;
      for (const c of cellsOf(link.requirementId)) bits[c * n + i] = 1;
    }
  });
  const cells: CellCoverage[] = [];
  layers.forEach((layer, li) => {
    phases.forEach((phase, pi) => {
      const base = (li * phases.length + pi) * n;
      let covered = 0;
      let partial = 0;
      for (let i = 0; i < n; i++) {
        if (strong[base + i]) covered += 1;
        else if (weak[base + i]) partial += 1;
      }
      cells.push({ layer, phase, covered, partial });
    });
  });
  return cells;
}

/** Guidebook items backed by no standard (独自項目): no mapping, or only no-relationship or supportive ones. */
export function itemsBackedByNoStandard(edition: Edition): Requirement[] {
  return edition.requirements.filter((r) => r.mappings.every((m) => !answersRequirement(m.relationship)));
}
