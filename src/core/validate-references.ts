import type { Edition, StandardNode, ThreatCategory } from './model/edition.schema.js';
import type { PathSegment } from './problems.js';
import { LAYERS, PHASES, STAGES, STAGE_OF_PHASE } from './taxonomy.js';
import { checkCompleteness } from './validate-completeness.js';
import { checkMappingDiscipline } from './validate-mappings.js';

/** Where in the edition a reference problem sits, before it is tied to a file. */
export interface EntityRef {
  collection: 'meta' | 'taxonomy' | 'requirements' | 'glossary' | 'standards' | 'outOfScope' | 'reviews';
  /** Index into the collection (ignored for meta and taxonomy). */
  index: number;
}

export interface ReferenceProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  at: EntityRef;
  path: PathSegment[];
}

/** Flattens a standard's requirement tree into id -> node. */
export function indexStandardNodes(nodes: readonly StandardNode[]): Map<string, StandardNode> {
  const out = new Map<string, StandardNode>();
  const walk = (list: readonly StandardNode[]) => {
    for (const n of list) {
      out.set(n.id, n);
      if (n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export function flattenThreatCategories(tree: readonly ThreatCategory[]): ThreatCategory[] {
  const out: ThreatCategory[] = [];
  const walk = (list: readonly ThreatCategory[]) => {
    for (const c of list) {
      out.push(c);
      if (c.children) walk(c.children);
    }
  };
  walk(tree);
  return out;
}

/** The string `id` of an entity not yet validated (a form's input, a file that failed its schema), if it has one. */
export function declaredId(value: unknown): string | undefined {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Checks every cross reference of a schema-valid edition and reports all
 * problems at once. Pure: the caller ties each problem to a file and line.
 * `unloadedItems`: ids of requirements left out because they failed their own
 * schema; their review records are not reported as dangling (the schema
 * problem is the one to fix).
 */
export function validateReferences(edition: Edition, unloadedItems: ReadonlySet<string> = new Set()): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const push = (at: EntityRef, path: PathSegment[], code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ severity, code, message, at, path });

  checkTaxonomy(edition, push);

  const categoryIds = new Set(flattenThreatCategories(edition.taxonomy.threatCategories).map((c) => c.id));
  const applicabilityIds = new Set(edition.taxonomy.applicability.map((a) => a.id));
  const glossaryIds = new Set(edition.glossary.map((t) => t.id));
  const standards = new Map(edition.standards.map((s) => [s.id, indexStandardNodes(s.requirements)]));

  reportDuplicates(
    edition.requirements.map((r) => r.id),
    'requirements',
    ['id'],
    'duplicate-id',
    'requirement id',
    push,
  );
  reportDuplicates(
    edition.requirements.map((r) => r.number),
    'requirements',
    ['number'],
    'duplicate-number',
    'display number',
    push,
  );
  reportDuplicates(
    edition.glossary.map((t) => t.id),
    'glossary',
    ['id'],
    'duplicate-id',
    'glossary term id',
    push,
  );
  reportDuplicates(
    edition.standards.map((s) => s.id),
    'standards',
    ['id'],
    'duplicate-id',
    'standard id',
    push,
  );

  edition.requirements.forEach((req, index) => {
    const at: EntityRef = { collection: 'requirements', index };
    if (!categoryIds.has(req.threatCategory)) {
      push(at, ['threatCategory'], 'unknown-threat-category', `threat category "${req.threatCategory}" is not defined in taxonomy.yaml`);
    }
    req.applicability.forEach((id, i) => {
      if (!applicabilityIds.has(id)) {
        push(at, ['applicability', i], 'unknown-applicability', `applicability condition "${id}" is not defined in taxonomy.yaml`);
      }
    });
    req.terms.forEach((id, i) => {
      if (!glossaryIds.has(id)) push(at, ['terms', i], 'unknown-term', `glossary term "${id}" does not exist`);
    });
    const seen = new Set<string>();
    req.mappings.forEach((m, i) => {
      const nodes = standards.get(m.standard);
      if (!nodes) {
        push(at, ['mappings', i, 'standard'], 'unknown-standard', `standard "${m.standard}" is not in content/standards`);
        return;
      }
      const target = nodes.get(m.requirement);
      if (!target) {
        push(at, ['mappings', i, 'requirement'], 'dangling-mapping', `mapping target "${m.requirement}" does not exist in standard ${m.standard}`);
      } else if (target.status === 'withdrawn') {
        push(at, ['mappings', i, 'requirement'], 'withdrawn-target', `mapping target "${m.requirement}" is withdrawn in ${m.standard}`, 'warning');
      } else if (target.kind === 'group') {
        push(at, ['mappings', i, 'requirement'], 'group-target', `mapping target "${m.requirement}" is a group, not a requirement`, 'warning');
      }
      const key = `${m.standard}\u0000${m.requirement}`;
      if (seen.has(key)) push(at, ['mappings', i], 'duplicate-mapping', `${m.standard} ${m.requirement} is mapped twice`);
      seen.add(key);
    });
  });

  edition.glossary.forEach((term, index) => {
    term.related.forEach((id, i) => {
      if (!glossaryIds.has(id)) {
        push({ collection: 'glossary', index }, ['related', i], 'unknown-term', `related term "${id}" does not exist`);
      }
    });
  });

  edition.standards.forEach((std, index) => {
    checkStandard(std, { collection: 'standards', index }, push);
  });
  checkOutOfScope(edition, standards, push);
  checkMappingDiscipline(edition, standards, push);
  checkCompleteness(edition, push, unloadedItems);
  return problems;
}

type Push = (at: EntityRef, path: PathSegment[], code: string, message: string, severity?: 'error' | 'warning') => void;

function reportDuplicates(values: readonly string[], collection: EntityRef['collection'], path: PathSegment[], code: string, what: string, push: Push) {
  const first = new Map<string, number>();
  values.forEach((v, index) => {
    const earlier = first.get(v);
    if (earlier === undefined) first.set(v, index);
    else push({ collection, index }, path, code, `${what} "${v}" is used more than once`);
  });
}

function checkTaxonomy(edition: Edition, push: Push) {
  const at: EntityRef = { collection: 'taxonomy', index: 0 };
  const t = edition.taxonomy;
  const expectExactly = (key: 'layers' | 'stages' | 'phases', expected: readonly string[]) => {
    const ids: string[] = t[key].map((x) => x.id);
    for (const id of expected) {
      if (!ids.includes(id)) push(at, [key], 'taxonomy-incomplete', `${key} is missing "${id}"`);
    }
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) push(at, [key, i, 'id'], 'duplicate-id', `${key} lists "${id}" twice`);
    });
  };
  expectExactly('layers', LAYERS);
  expectExactly('stages', STAGES);
  expectExactly('phases', PHASES);
  t.phases.forEach((p, i) => {
    const expected = STAGE_OF_PHASE[p.id];
    if (p.stage !== expected) {
      push(at, ['phases', i, 'stage'], 'wrong-stage', `phase "${p.id}" belongs to stage "${expected}", not "${p.stage}"`);
    }
  });
  const cats = flattenThreatCategories(t.threatCategories).map((c) => c.id);
  cats.forEach((id, i) => {
    if (cats.indexOf(id) !== i) push(at, ['threatCategories'], 'duplicate-id', `threat category "${id}" is defined twice`);
  });
}

function checkStandard(std: Edition['standards'][number], at: EntityRef, push: Push) {
  const seen = new Set<string>();
  const conditionIds = new Set(Object.keys(std.conditions ?? {}));
  const walk = (nodes: readonly StandardNode[], path: PathSegment[]) => {
    nodes.forEach((n, i) => {
      const here = [...path, i];
      if (seen.has(n.id)) push(at, [...here, 'id'], 'duplicate-id', `requirement id "${n.id}" appears twice in ${std.id}`);
      seen.add(n.id);
      (n.conditions ?? []).forEach((c, ci) => {
        if (!conditionIds.has(c)) push(at, [...here, 'conditions', ci], 'unknown-condition', `condition "${c}" is not defined in ${std.id}.conditions`);
      });
      if (n.children) walk(n.children, [...here, 'children']);
    });
  };
  walk(std.requirements, ['requirements']);
}

function checkOutOfScope(edition: Edition, standards: Map<string, Map<string, StandardNode>>, push: Push) {
  const mapped = new Set(edition.requirements.flatMap((r) => r.mappings.map((m) => `${m.standard}\u0000${m.requirement}`)));
  const declared = new Set<string>();
  edition.outOfScope.forEach((file, index) => {
    const at: EntityRef = { collection: 'outOfScope', index };
    const nodes = standards.get(file.standard);
    if (!nodes) {
      push(at, ['standard'], 'unknown-standard', `standard "${file.standard}" is not in content/standards`);
      return;
    }
    file.declarations.forEach((d, i) => {
      const key = `${file.standard}\u0000${d.requirement}`;
      if (d.unconfirmedTarget && nodes.get(d.requirement)?.unconfirmed !== true) {
        push(at, ['declarations', i, 'unconfirmedTarget'], 'target-confirmed', `${file.standard} ${d.requirement} is not marked unconfirmed in its catalog`);
      }
      if (!nodes.has(d.requirement)) {
        push(at, ['declarations', i, 'requirement'], 'dangling-out-of-scope', `"${d.requirement}" does not exist in standard ${file.standard}`);
      } else if (mapped.has(key)) {
        push(
          at,
          ['declarations', i, 'requirement'],
          'mapped-and-out-of-scope',
          `${file.standard} ${d.requirement} is declared out of scope but a requirement maps to it`,
        );
      }
      if (declared.has(key)) push(at, ['declarations', i, 'requirement'], 'duplicate-out-of-scope', `${file.standard} ${d.requirement} is declared twice`);
      declared.add(key);
    });
  });
}
