import type { Edition, Localized, Standard, StandardNode } from '../model/edition.schema.js';
import { answersRequirement, type Confidence, type Relationship } from '../taxonomy.js';
import { byNumber } from './requirement-filter.js';

/** One line of the standards list. */
export interface StandardSummary {
  id: string;
  title: Localized;
  version: string;
  publisher: string;
  confidence: Confidence;
  /** requirements: every node that is not a group and not withdrawn; withdrawn: those withdrawn. */
  counts: { requirements: number; withdrawn: number };
}

/** A guidebook item that reaches a standard requirement, and how. */
export interface MappedBy {
  requirementId: string;
  number: string;
  title: Localized;
  relationship: Relationship;
  /** A supportive link (helps achieve / precondition): shown, never counted as answering. */
  supportive?: true;
}

/** One node of a standard's tree, flattened, with what the guidebook says about it. */
export interface StandardRow {
  id: string;
  kind: StandardNode['kind'];
  title: Localized;
  status?: StandardNode['status'];
  conditions?: string[];
  levels?: string[];
  appliesTo?: string[];
  /** Present when this node (or an ancestor) overrides the standard's confidence. */
  confidence?: Confidence;
  unconfirmed?: boolean;
  /** 0 for top-level nodes. */
  depth: number;
  parentId?: string;
  mappedBy: MappedBy[];
  outOfScope?: { reason: Localized; unconfirmedTarget?: boolean };
  /** A node that states a requirement, reached by no item and not declared out of scope. */
  gap: boolean;
}

export interface StandardView {
  standard: Pick<Standard, 'id' | 'title' | 'version' | 'publisher' | 'licence' | 'source' | 'confidence' | 'conditions'>;
  requirements: StandardRow[];
}

/**
 * Whether a node states something an item could answer. Groups only hold
 * others; withdrawn and informative nodes ask for nothing. Enhancements do
 * count here: an unmapped enhancement is a real gap at the levels it applies to.
 */
export function statesRequirement(node: StandardNode): boolean {
  return node.kind !== 'group' && node.status !== 'withdrawn' && node.status !== 'informative';
}

function walk(nodes: readonly StandardNode[], visit: (node: StandardNode, depth: number, parent: StandardNode | undefined) => void) {
  const go = (list: readonly StandardNode[], depth: number, parent: StandardNode | undefined) => {
    for (const node of list) {
      visit(node, depth, parent);
      if (node.children) go(node.children, depth + 1, node);
    }
  };
  go(nodes, 0, undefined);
}

/** The standards of an edition in catalog order, with requirement counts. */
export function standardSummaries(edition: Edition): StandardSummary[] {
  return edition.standards.map((s) => {
    const counts = { requirements: 0, withdrawn: 0 };
    walk(s.requirements, (node) => {
      if (node.status === 'withdrawn') counts.withdrawn += 1;
      else if (node.kind !== 'group') counts.requirements += 1;
    });
    return { id: s.id, title: s.title, version: s.version, publisher: s.publisher, confidence: s.confidence, counts };
  });
}

/** Which items map to each requirement of one standard, sorted by item number. */
function mappingsByTarget(edition: Edition, standardId: string): Map<string, MappedBy[]> {
  const byTarget = new Map<string, MappedBy[]>();
  for (const r of [...edition.requirements].sort(byNumber)) {
    for (const m of r.mappings) {
      if (m.standard !== standardId) continue;
      const list = byTarget.get(m.requirement) ?? [];
      const link: MappedBy = { requirementId: r.id, number: r.number, title: r.title, relationship: m.relationship };
      if (m.relationship === 'supports') link.supportive = true;
      list.push(link);
      byTarget.set(m.requirement, list);
    }
  }
  return byTarget;
}

/**
 * Every node of a standard in document order (parents before children), each
 * with the items that reach it, its out-of-scope declaration, or a gap flag.
 * Null when the edition has no such standard.
 */
export function standardView(edition: Edition, standardId: string): StandardView | null {
  const standard = edition.standards.find((s) => s.id === standardId);
  if (!standard) return null;
  const mapped = mappingsByTarget(edition, standardId);
  const declared = new Map(edition.outOfScope.filter((o) => o.standard === standardId).flatMap((o) => o.declarations.map((d) => [d.requirement, d])));
  const inherited = new Map<string, Confidence>();
  const rows: StandardRow[] = [];
  walk(standard.requirements, (node, depth, parent) => {
    const confidence = node.confidence ?? (parent ? inherited.get(parent.id) : undefined);
    if (confidence) inherited.set(node.id, confidence);
    const mappedBy = mapped.get(node.id) ?? [];
    const declaration = declared.get(node.id);
    const row: StandardRow = { id: node.id, kind: node.kind, title: node.title, depth, mappedBy, gap: false };
    if (node.status) row.status = node.status;
    if (node.conditions) row.conditions = node.conditions;
    if (node.levels) row.levels = node.levels;
    if (node.appliesTo) row.appliesTo = node.appliesTo;
    if (confidence && confidence !== standard.confidence) row.confidence = confidence;
    if (node.unconfirmed) row.unconfirmed = true;
    if (parent) row.parentId = parent.id;
    if (declaration) {
      row.outOfScope = { reason: declaration.reason, ...(declaration.unconfirmedTarget ? { unconfirmedTarget: true } : {}) };
    }
    row.gap = statesRequirement(node) && !mappedBy.some((m) => answersRequirement(m.relationship)) && !declaration;
    rows.push(row);
  });
  const { id, title, version, publisher, licence, source, confidence, conditions } = standard;
  return { standard: { id, title, version, publisher, licence, source, confidence, ...(conditions ? { conditions } : {}) }, requirements: rows };
}
